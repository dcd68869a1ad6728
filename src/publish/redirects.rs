//! Redirects: alias pages (`aliases = ["/old/"]`) as static meta-refresh pages, host rules
//! that give each language its own 404 page (and the aliases as real 301s), and the root
//! page that sends visitors to the default language when it lives in a sub-folder.

use super::xml_escape as esc;
use crate::diag::{Diagnostic, Kind};
use crate::resolve::Site;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
        let shown = Path::new("content").join(&e.src.rel);
        for raw in &e.src.fm.aliases {
            let at_key = |d: Diagnostic| d.in_file(&shown).line_only(1);
            let Some(output) = alias_output(raw) else {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        format!("the alias `{}` is not a path on this site", raw.escape_debug()),
                    ))
                    .hint("write an alias as an absolute path of this site, e.g. `aliases = [\"/vecchia-pagina/\"]`"),
                );
                continue;
            };
            if let Some(&other) = pages.get(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        format!("the alias `{raw}` is the address of content/{}", site.entries[other].src.rel),
                    ))
                    .hint("remove the alias: that address already shows a page"),
                );
            } else if statics.contains_key(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        format!("the alias `{raw}` is the address of the static file {output}"),
                    ))
                    .hint("remove the alias"),
                );
            } else if let Some(&other) = taken.get(&output) {
                diags.push(
                    at_key(Diagnostic::error(
                        Kind::AliasConflict,
                        format!("the alias `{raw}` is also an alias of content/{}", site.entries[other].src.rel),
                    ))
                    .hint("an old address can redirect to one page only: remove one of the two"),
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

/// `/old/path/` → `old/path/index.html`; `/old.html` → `old.html`; `None` if the alias could
/// leave the site.
fn alias_output(alias: &str) -> Option<String> {
    let path = alias.strip_prefix('/')?;
    if alias.contains(['\\', '\0', '?', '#']) || alias.contains("://") || path.split('/').any(|s| s == ".." || s == ".")
    {
        return None;
    }
    if path.is_empty() {
        return None;
    }
    Some(if path.ends_with(".html") || path.ends_with(".htm") {
        path.to_owned()
    } else {
        format!("{}/index.html", path.trim_end_matches('/'))
    })
}

/// A page that sends browsers (meta refresh) and search engines (canonical) to `target`.
pub fn redirect_page(site: &Site, target: usize) -> String {
    let e = &site.entries[target];
    let url = esc(&site.url(&e.path));
    let canonical = esc(&site.permalink(&e.path));
    let lang = &site.config.languages[e.lang()].code;
    let title = esc(&e.src.fm.title);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={url}\">\n</head>\n<body>\n<p><a href=\"{url}\">{title}</a></p>\n</body>\n</html>\n"
    )
}

/// The root page when every language lives in a sub-folder: a static redirect to the
/// default language, with links to each language for browsers that ignore refresh.
pub fn root_redirect(site: &Site) -> String {
    let default = &site.config.languages[0];
    let home = esc(&site.url(&site.lang_home_path(0)));
    let mut links = String::new();
    for (i, l) in site.config.languages.iter().enumerate() {
        let _ = writeln!(
            links,
            "<li><a href=\"{}\" hreflang=\"{code}\" lang=\"{code}\">{}</a></li>",
            esc(&site.url(&site.lang_home_path(i))),
            esc(&l.title),
            code = l.code
        );
    }
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta http-equiv=\"refresh\" content=\"0; url={home}\">\n<link rel=\"canonical\" href=\"{canonical}\">\n</head>\n<body>\n<ul>\n{links}</ul>\n</body>\n</html>\n",
        code = default.code,
        title = esc(&default.title),
        canonical = esc(&site.permalink(&site.lang_home_path(0))),
    )
}

/// The host rule files site.toml asks for, each giving every language its own 404 page and
/// turning the aliases into permanent redirects.
pub fn host_rules(site: &Site, aliases: &[Alias]) -> Vec<(String, String)> {
    let base = &site.config.base_path;
    // Languages with a prefix first: the most specific rule must win.
    let mut langs: Vec<(String, String)> = site
        .config
        .languages
        .iter()
        .map(|l| (format!("{base}{}", l.prefix), format!("{base}{}404.html", l.prefix)))
        .collect();
    langs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    let redirects: Vec<(String, String)> = aliases
        .iter()
        .map(|a| (format!("{base}{}", a.from.trim_start_matches('/')), site.url(&site.entries[a.target].path)))
        .collect();
    let mut files = Vec::new();
    for rule in &site.config.host_rules {
        match rule.as_str() {
            "netlify" => {
                let mut t = String::from("# Generated by sito: aliases, then one 404 page per language.\n");
                for (from, to) in &redirects {
                    let _ = writeln!(t, "{from} {to} 301");
                }
                for (prefix, page) in &langs {
                    let _ = writeln!(t, "{prefix}* {page} 404");
                }
                files.push(("_redirects".to_owned(), t));
            }
            "apache" => {
                let mut t = String::from("# Generated by sito: aliases, then one 404 page per language.\n");
                for (from, to) in &redirects {
                    let _ = writeln!(t, "Redirect 301 {from} {to}");
                }
                let (root, specific) = langs.split_last().map_or((None, &langs[..]), |(r, s)| (Some(r), s));
                if let Some((_, page)) = root {
                    let _ = writeln!(t, "ErrorDocument 404 {page}");
                }
                for (prefix, page) in specific {
                    let _ = writeln!(t, "<If \"%{{REQUEST_URI}} =~ m#^{prefix}#\">\n  ErrorDocument 404 {page}\n</If>");
                }
                files.push((".htaccess".to_owned(), t));
            }
            "nginx" => {
                let mut t = String::from("# Generated by sito. Include this file inside your `server { }` block.\n");
                for (from, to) in &redirects {
                    let _ = writeln!(t, "location = {from} {{ return 301 {to}; }}");
                }
                for (prefix, page) in &langs {
                    let _ = writeln!(
                        t,
                        "location ^~ {prefix} {{\n  error_page 404 {page};\n  try_files $uri $uri/ =404;\n}}"
                    );
                }
                files.push(("nginx.conf".to_owned(), t));
            }
            _ => {}
        }
    }
    files
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
