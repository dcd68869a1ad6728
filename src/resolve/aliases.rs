//! Aliases: the old addresses of pages (`aliases = ["/old/"]`), each checked against what
//! else the site publishes there — a page, a static file, another page's alias.

use super::Site;
use crate::diag::{Diagnostic, Kind};
use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

pub struct Alias {
    /// As written, normalized to start with `/`.
    pub from: String,
    /// The file written for it (`old/path/index.html`).
    pub output: String,
    pub target: usize,
}

/// Every alias of every entry, checked: no alias may stand where a page, a static file or
/// another alias is published.
pub fn aliases(site: &Site, statics: &BTreeMap<String, PathBuf>) -> Result<Vec<Alias>, Vec<Diagnostic>> {
    let pages: HashMap<String, usize> = site.entries.iter().enumerate().map(|(i, e)| (e.output_file(), i)).collect();
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut list = Vec::new();
    let mut diags = Vec::new();
    for (id, e) in site.entries.iter().enumerate() {
        for (i, raw) in e.src.fm.aliases.iter().enumerate() {
            let at_key = |d: Diagnostic| e.src.at_key(d, &format!("aliases.{i}"));
            let Some(output) = alias_output(raw) else {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::BadAlias,
                        msg!(AliasNotAPath, alias = raw.escape_debug().to_string()),
                    ))
                    .hint(msg!(AliasNotAPathHint)),
                );
                continue;
            };
            if let Some(&other) = pages.get(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        msg!(AliasIsPage, alias = raw.as_str(), file = site.entries[other].src.rel.as_str()),
                    ))
                    .hint(msg!(AliasIsPageHint)),
                );
            } else if statics.contains_key(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        msg!(AliasIsStatic, alias = raw.as_str(), output = output.as_str()),
                    ))
                    .hint(msg!(AliasIsStaticHint)),
                );
            } else if let Some(&other) = taken.get(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        msg!(AliasTwice, alias = raw.as_str(), file = site.entries[other].src.rel.as_str()),
                    ))
                    .hint(msg!(AliasTwiceHint)),
                );
            } else {
                taken.insert(output.clone(), id);
                list.push(Alias { from: format!("/{}", raw.trim_start_matches('/')), output, target: id });
            }
        }
    }
    if diags.is_empty() {
        Ok(list)
    } else {
        Err(diags)
    }
}

/// `/old/path/` → `old/path/index.html`; `/old.html` → `old.html`. The front matter
/// already refused aliases that could leave the site (`front_matter::check_alias`); this
/// refuses them again, since an alias becomes a file of the output.
fn alias_output(alias: &str) -> Option<String> {
    crate::load::front_matter::check_alias(alias).ok()?;
    let path = alias.strip_prefix('/')?;
    Some(if path.ends_with(".html") || path.ends_with(".htm") {
        path.to_owned()
    } else {
        format!("{}/index.html", path.trim_end_matches('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::alias_output;

    #[test]
    fn alias_paths_stay_inside_the_site() {
        assert_eq!(alias_output("/old/").as_deref(), Some("old/index.html"));
        assert_eq!(alias_output("/old").as_deref(), Some("old/index.html"));
        assert_eq!(alias_output("/old.html").as_deref(), Some("old.html"));
        for bad in ["old/", "/../x/", "/a/../b", "/", "https://x.org/", "/a\0b", "/a\\b"] {
            assert_eq!(alias_output(bad), None, "{bad:?}");
        }
    }
}
