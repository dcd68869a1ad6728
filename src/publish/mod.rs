//! Publishing outputs around the pages: sitemap, robots.txt, Atom feeds, alias redirects,
//! host rules for per-language 404 pages, and the root redirect when the default language
//! lives in a sub-folder. Everything here is written through the same sink as the pages.

pub mod feed;
mod redirects;
pub mod sitemap;

use crate::diag::Diagnostic;
use crate::output::Sink;
use crate::resolve::Site;
use std::collections::BTreeMap;
use std::path::PathBuf;

pub use redirects::{aliases, Alias};

/// Writes one generated file through the sink (finishing it as the build asks).
pub type Emit<'a> = &'a dyn Fn(&dyn Sink, &str, String) -> Result<(), Diagnostic>;

/// Writes every extra file; `statics` are the static files (a site's own `robots.txt` wins).
pub fn write_all(
    site: &Site,
    sink: &dyn Sink,
    statics: &BTreeMap<String, PathBuf>,
    feed_content: &dyn Fn(usize) -> String,
    write: Emit,
) -> Vec<Diagnostic> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut diags = Vec::new();
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
    for (rel, text) in feed::feeds(site, feed_content) {
        put(&rel, text);
    }
    match aliases(site, statics) {
        Ok(list) => {
            for a in &list {
                put(&a.output, redirects::redirect_page(site, a.target));
            }
            for (rel, text) in redirects::host_rules(site, &list) {
                put(&rel, text);
            }
        }
        Err(d) => diags.extend(d),
    }
    if !site.config.languages[0].prefix.is_empty() {
        put("index.html", redirects::root_redirect(site));
    }
    for (rel, text) in files {
        if let Err(d) = write(sink, &rel, text) {
            diags.push(d);
        }
    }
    diags
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    crate::render::templates::escape_html(text).replace("&#39;", "&apos;")
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
