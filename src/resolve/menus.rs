//! Menus: the `[[languages.xx.menu]]` entries of site.toml, sorted by weight, each with the
//! URL it points at in its language. An entry naming content (`@/reti/_index.md`) must name
//! content that exists.

use super::Site;
use crate::diag::{Diagnostic, Kind};
use crate::load::content::EntryKind;
use crate::msg;
use std::collections::HashSet;

#[derive(Debug, Clone)]
pub struct MenuEntry {
    pub name: String,
    /// As written in site.toml.
    pub path: String,
    pub url: String,
    pub external: bool,
}

/// Every language's menu, or the entries that point at nothing. An entry naming a file
/// that failed to load (`failed`) is left out: the file's own error says what is wrong.
pub fn resolve(site: &Site, failed: &HashSet<(EntryKind, String)>) -> Result<Vec<Vec<MenuEntry>>, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut menus = Vec::new();
    for (lang, l) in site.config.languages.iter().enumerate() {
        let mut items: Vec<(Option<i64>, usize, MenuEntry)> = Vec::new();
        for (i, m) in l.menu.iter().enumerate() {
            let external = m.path.starts_with("http://") || m.path.starts_with("https://");
            let url = if external {
                m.path.clone()
            } else if !m.path.starts_with("@/") {
                site.url(&m.path)
            } else {
                match site.link_url(&m.path, lang) {
                    Ok(url) => url,
                    Err(_) if names_failed(&m.path, failed) => continue,
                    Err(e) => {
                        let d =
                            Diagnostic::error(Kind::BrokenLink, msg!(MenuEntry, name = m.name.as_str(), problem = e));
                        let wanted = m.path.trim_start_matches("@/");
                        let hint = match super::close_path(wanted, site.known_links()) {
                            Some(s) => msg!(InternalDidYouMean, suggestion = s),
                            None => msg!(MenuEntryHint),
                        };
                        let key = format!("languages.{}.menu.{i}.path", l.code);
                        diags.push(site.config.file.at_string(d, &key).hint(hint));
                        continue;
                    }
                }
            };
            items.push((m.weight, i, MenuEntry { name: m.name.clone(), path: m.path.clone(), url, external }));
        }
        items.sort_by_key(|(w, i, _)| (w.unwrap_or(i64::MAX), *i));
        menus.push(items.into_iter().map(|(_, _, m)| m).collect());
    }
    if diags.is_empty() {
        Ok(menus)
    } else {
        Err(diags)
    }
}

/// Whether an `@/` path names a file that failed to load.
fn names_failed(path: &str, failed: &HashSet<(EntryKind, String)>) -> bool {
    let file = path.trim_start_matches("@/").split('#').next().unwrap_or("");
    crate::load::content::parse_file_name(file).is_some_and(|n| failed.contains(&(n.kind, n.key)))
}
