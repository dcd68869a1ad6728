//! Publishing outputs around the pages: sitemap, robots.txt, Atom feeds, alias redirects,
//! host rules for per-language 404 pages, and the root redirect when the default language
//! lives in a sub-folder, and the search index. Everything here is written through the same sink as the pages.

pub mod feed;
mod redirects;
pub mod search;
pub mod sitemap;

use crate::diag::{Diagnostic, Kind};
use crate::render::{Scan, Writer};
use crate::resolve::aliases::Alias;
use crate::resolve::Site;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Writes every extra file; `statics` are the static files (a site's own `robots.txt` wins),
/// `scans` what rendering each entry found.
pub fn write_all(
    site: &Site,
    aliases: &[Alias],
    statics: &BTreeMap<String, PathBuf>,
    scans: &[Scan],
    w: &Writer,
) -> Vec<Diagnostic> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut put = |rel: &str, text: String| files.push((rel.to_owned(), text));
    if site.config.sitemap && !statics.contains_key("sitemap.xml") {
        for (rel, text) in sitemap::sitemaps(site, sitemap::LIMIT) {
            put(&rel, text);
        }
    }
    if site.config.robots && !statics.contains_key("robots.txt") {
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if site.config.sitemap {
            robots.push_str(&format!("Sitemap: {}sitemap.xml\n", site.config.base_url));
        }
        put("robots.txt", robots);
    }
    for (rel, text) in feed::feeds(site, scans) {
        put(&rel, text);
    }
    for a in aliases {
        put(&a.output, redirects::redirect_page(site, a.target));
    }
    // `/reti/page/1/` is the section itself (Zola writes the same redirect).
    for (path, lang, title) in paginated(site) {
        let from = site.first_pager_alias(path, lang);
        put(&format!("{}index.html", &from[1..]), redirects::redirect_to(site, path, lang, title));
    }
    let mut diags = Vec::new();
    for (rel, text) in redirects::host_rules(site, aliases) {
        // nginx reads its rules from a file its configuration includes, not from the
        // document root: written beside the output folder (`public.nginx.conf`), it is
        // never served. `_redirects` and `.htaccess` are read from the published folder.
        if let Some(own) = statics.get(&rel) {
            // The site's own file would be replaced, or would replace the rules: the reader
            // chooses (a generic "two outputs" error sent them to check the disk).
            let rule = if rel == ".htaccess" { "apache" } else { "netlify" };
            let message =
                crate::msg!(HostRulesOwnFile, file = own.display().to_string(), rel = rel.as_str(), rule = rule);
            diags.push(
                Diagnostic::error(Kind::OutputWrite, message).hint(crate::msg!(HostRulesOwnFileHint, rule = rule)),
            );
        } else if rel == "nginx.conf" {
            if let Err(e) = w.sink.write_beside(".nginx.conf", text.as_bytes()) {
                diags.push(crate::render::write_error("nginx.conf", e));
            }
        } else {
            put(&rel, text);
        }
    }
    if !site.config.languages[0].prefix.is_empty() {
        put("index.html", redirects::root_redirect(site));
    }
    diags.extend(files.into_iter().filter_map(|(rel, text)| w.text(&rel, text).err()));
    if site.config.search {
        diags.extend(search::write(site, scans, w));
    }
    diags
}

/// Every paginated list: (site path, language, title).
fn paginated(site: &Site) -> Vec<(&str, usize, &str)> {
    let sections = site
        .entries
        .iter()
        .filter(|e| e.paginate_by.is_some())
        .map(|e| (e.path.as_str(), e.lang(), e.src.fm.title.as_str()));
    let terms = site
        .taxonomies
        .iter()
        .filter(|t| site.taxonomy_config(t).paginate_by.is_some())
        .flat_map(|t| t.terms.iter().map(move |term| (term.path.as_str(), t.lang, term.name.as_str())));
    sections.chain(terms).collect()
}

/// What publishing would do that the site probably does not mean.
pub fn warnings(site: &Site, statics: &BTreeMap<String, PathBuf>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let path = &site.config.base_path;
    if site.config.robots && path != "/" && !statics.contains_key("robots.txt") {
        diags.push(
            Diagnostic::warning(Kind::RobotsUnderSubPath, crate::msg!(RobotsUnderSubPath, path = path.as_str()))
                .in_file("site.toml")
                .hint(crate::msg!(RobotsUnderSubPathHint)),
        );
    }
    diags
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    crate::load::templates::escape_html(text).replace("&#39;", "&apos;")
}

/// A front-matter date as a W3C/RFC 3339 value: full date-times keep their offset, local
/// date-times (no offset) are cut to their date so no time zone is invented.
pub fn w3c_date(date: &str) -> String {
    let has_offset = date.len() > 19 && (date.ends_with('Z') || date.ends_with('z') || date[19..].contains(['+', '-']));
    if has_offset {
        date.to_owned()
    } else {
        date.chars().take(10).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn w3c_dates() {
        assert_eq!(super::w3c_date("2024-05-01"), "2024-05-01");
        assert_eq!(super::w3c_date("2024-05-01T10:00:00"), "2024-05-01");
        assert_eq!(super::w3c_date("2024-05-01T10:00:00+02:00"), "2024-05-01T10:00:00+02:00");
        assert_eq!(super::w3c_date("2024-05-01T10:00:00Z"), "2024-05-01T10:00:00Z");
    }
}
