//! URL path segments: transliterated ASCII slugs from titles and file names, and validation
//! of slugs that people write by hand (which must never be able to leave their folder).

/// `100 Città` → `100-citta`: ASCII letters and digits, lower case, single dashes.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// Checks a hand-written `slug`: one path segment, nothing that could climb out of its
/// folder. Returns the slug to use (transliterated like generated ones).
pub fn validate_slug(slug: &str) -> Result<String, String> {
    if slug.contains(['/', '\\', '\0']) || slug.split('.').all(|p| p.is_empty()) || slug.contains("..") {
        return Err(format!("the slug `{}` is not a single path segment", slug.escape_debug()));
    }
    let s = slugify(slug);
    if s.is_empty() {
        return Err(format!("the slug `{}` has no letters or digits", slug.escape_debug()));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_to_ascii() {
        assert_eq!(slugify("100 Città"), "100-citta");
        assert_eq!(slugify("  Relazioni — Internazionali! "), "relazioni-internazionali");
        assert_eq!(slugify("Öffentliche Straße"), "offentliche-strasse");
    }

    #[test]
    fn refuses_slugs_that_leave_their_folder() {
        for bad in ["..", "a/b", "/etc", "a\\b", "x\0y", "../up", "."] {
            assert!(validate_slug(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(validate_slug("Networks").as_deref(), Ok("networks"));
    }
}
