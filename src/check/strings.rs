//! Interface strings: keys templates use with `t(key="…")` that no `i18n/*.toml` defines
//! (errors: the build fails only if the template line happens to run), and keys defined but
//! never used (warnings). Templates are scanned as text, the site's own over the theme's.

use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::load::i18n::I18n;
use crate::load::templates::Templates;
use crate::resolve::Site;
use std::collections::BTreeSet;

/// Keys the engine itself reads (language switcher, the `date` filter, pager addresses).
pub const RESERVED: [&str; 6] =
    ["language_name", "months", "months_short", "days", "days_short", crate::resolve::pagination::SEGMENT_KEY];

/// The `key` argument of one `t(…)` call.
#[derive(Debug, PartialEq, Eq)]
pub enum Key {
    Literal(String),
    /// `t(key="facts." ~ name)`: any key starting with this may be used.
    Prefix(String),
    /// `t(key=name)`: cannot tell which.
    Dynamic,
}

/// One `t(…)` call: byte offset and length of the key argument's value.
#[derive(Debug)]
pub struct Use {
    pub offset: usize,
    pub len: usize,
    pub key: Key,
}

/// Finds every call of the `t` function in a template's text (outside `{# comments #}`).
pub fn uses(text: &str) -> Vec<Use> {
    let text = &without_comments(text);
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("t(") {
        let at = from + i;
        from = at + 2;
        let prev = text[..at].chars().next_back();
        if prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            continue; // `asset(`, `default(`, `m::t(`…
        }
        let end = text[from..].find(')').map_or(text.len(), |j| from + j);
        let args = &text[from..end];
        if let Some(u) = key_argument(args, from) {
            found.push(u);
        }
    }
    found
}

/// The text with Tera comments blanked out, keeping every offset and line.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{#") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("#}").map_or(rest.len(), |e| start + e + 2);
        for c in rest[start..end].chars() {
            // Same byte length, so offsets after the comment stay right.
            let blank = if c == '\n' { "\n" } else { &"    "[..c.len_utf8()] };
            out.push_str(blank);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Reads `key = "…"` (or `'…'`) among a call's arguments; `base` is their offset.
fn key_argument(args: &str, base: usize) -> Option<Use> {
    let mut search = 0;
    let value_start = loop {
        let i = search + args[search..].find("key")?;
        search = i + 3;
        let before_ok = args[..i].trim_end().is_empty() || args[..i].trim_end().ends_with(',');
        let rest = args[i + 3..].trim_start();
        if before_ok && rest.starts_with('=') && !rest.starts_with("==") {
            let eq = args.len() - rest.len();
            let value = args[eq + 1..].trim_start();
            break args.len() - value.len();
        }
    };
    let value = &args[value_start..];
    let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
        let len = value.find(',').unwrap_or(value.len()).max(1);
        return Some(Use { offset: base + value_start, len, key: Key::Dynamic });
    };
    let close = value[1..].find(quote)? + 1;
    let literal = value[1..close].to_owned();
    let after = value[close + 1..].trim_start();
    let key = if after.is_empty() || after.starts_with(',') { Key::Literal(literal) } else { Key::Prefix(literal) };
    Some(Use { offset: base + value_start + 1, len: close - 1, key })
}

pub fn check(site: &Site, i18n: &I18n, templates: &Templates) -> Vec<Diagnostic> {
    let Some(strings) = i18n.langs.first() else { return Vec::new() };
    let files: Vec<String> = site.config.languages.iter().map(|l| format!("i18n/{}.toml", l.code)).collect();
    let mut diags = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut prefixes: Vec<String> = Vec::new();
    let mut dynamic = false;
    for src in templates.sources.values() {
        let (path, text) = (&src.shown, &src.text);
        for u in uses(text) {
            match u.key {
                Key::Literal(key) => {
                    if !strings.contains_key(&key) {
                        let d = Diagnostic::error(
                            Kind::I18nMissingKey,
                            crate::msg!(StringUndefined, key = key.as_str(), files = files.join(", ")),
                        )
                        .in_file(path)
                        .at_offset(text, 1, u.offset, u.len);
                        let hint = match did_you_mean(&key, strings.keys().map(String::as_str)) {
                            Some(s) => crate::msg!(DidYouMean, suggestion = s),
                            None => missing_hint(&key, &files),
                        };
                        diags.push(d.hint(hint));
                    }
                    used.insert(key);
                }
                Key::Prefix(p) => prefixes.push(p),
                Key::Dynamic => dynamic = true,
            }
        }
    }
    for key in strings.keys() {
        let quoted = |t: &str| t.contains(&format!("\"{key}\"")) || t.contains(&format!("'{key}'"));
        if RESERVED.contains(&key.as_str())
            || used.contains(key)
            || prefixes.iter().any(|p| key.starts_with(p.as_str()))
            // A key computed at run time may come from any string in the templates.
            || (dynamic && templates.sources.values().any(|t| quoted(&t.text)))
        {
            continue;
        }
        let d = Diagnostic::warning(Kind::I18nUnused, crate::msg!(StringUnused, key = key.as_str())).in_file(&files[0]);
        let d = match i18n.files.first() {
            Some(file) if file.has(key) => file.at_key(d, key),
            _ => d,
        };
        diags.push(d.hint(crate::msg!(StringUnusedHint, files = files.join(", "), key = key.as_str())));
    }
    diags
}

fn missing_hint(key: &str, files: &[String]) -> String {
    let (table, name) = key.rsplit_once('.').unwrap_or(("", key));
    if table.is_empty() {
        crate::msg!(StringAddHint, name = name, files = files.join(", "))
    } else {
        crate::msg!(StringAddUnderHint, name = name, table = table, files = files.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        uses(text).into_iter().map(|u| u.key).collect()
    }

    #[test]
    fn finds_literal_prefix_and_dynamic_keys() {
        let text = r#"{{ t(key="nav.home") }} {{ t( key = 'a.b' , lang=l.code) }} {{ asset(path="x") }}
{{ t(lang="en", key="c") }} {{ t(key="facts." ~ name) }} {{ t(key=k) }} {{ default(value=t(key="d")) }}"#;
        assert_eq!(
            keys(text),
            [
                Key::Literal("nav.home".into()),
                Key::Literal("a.b".into()),
                Key::Literal("c".into()),
                Key::Prefix("facts.".into()),
                Key::Dynamic,
                Key::Literal("d".into()),
            ]
        );
    }

    #[test]
    fn comments_do_not_count() {
        let text = "{# t(key=\"vecchio\") è così #}\n{{ t(key=\"new\") }}";
        let found = uses(text);
        assert_eq!(found.iter().map(|u| &u.key).collect::<Vec<_>>(), [&Key::Literal("new".into())]);
        assert_eq!(&text[found[0].offset..found[0].offset + found[0].len], "new");
    }

    #[test]
    fn points_at_the_key() {
        let text = "x {{ t(key=\"nav.home\") }}";
        let u = &uses(text)[0];
        assert_eq!(&text[u.offset..u.offset + u.len], "nav.home");
    }
}
