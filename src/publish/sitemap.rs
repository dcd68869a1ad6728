//! sitemap.xml with per-translation alternates, split into a sitemap index past the
//! protocol's 50,000-URL limit.

use super::{w3c_date, xml_escape};
use crate::resolve::Site;
use std::fmt::Write as _;

pub const LIMIT: usize = 50_000;

/// (output file, XML) pairs: one `sitemap.xml`, or an index plus `sitemap-N.xml` files.
pub fn sitemaps(site: &Site, limit: usize) -> Vec<(String, String)> {
    // Drafts (a `--drafts` build) are for a preview: never announced to search engines.
    let mut ids: Vec<usize> = (0..site.entries.len()).filter(|&i| !site.entries[i].src.fm.draft).collect();
    ids.sort_by(|&a, &b| site.entries[a].path.cmp(&site.entries[b].path));
    let urls: Vec<String> = ids.iter().map(|&id| url_element(site, id)).collect();
    if urls.len() <= limit {
        return vec![("sitemap.xml".to_owned(), urlset(&urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (n, chunk) in urls.chunks(limit).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml_escape(&format!("{}{name}", site.config.base_url))
        );
        files.push((name, urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".to_owned(), index));
    files
}

fn urlset(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for u in urls {
        out.push_str(u);
    }
    out.push_str("</urlset>\n");
    out
}

fn url_element(site: &Site, id: usize) -> String {
    let e = &site.entries[id];
    let mut out = format!("  <url>\n    <loc>{}</loc>\n", xml_escape(&site.permalink(&e.path)));
    if let Some(d) = e.src.fm.updated.as_ref().or(e.src.fm.date.as_ref()) {
        let _ = writeln!(out, "    <lastmod>{}</lastmod>", w3c_date(&d.0));
    }
    if e.translations.len() > 1 {
        for &t in &e.translations {
            let te = &site.entries[t];
            let code = &site.config.languages[te.lang()].code;
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                xml_escape(&site.permalink(&te.path))
            );
        }
        if let Some(&first) = e.translations.iter().find(|&&t| site.entries[t].lang() == 0) {
            let href = xml_escape(&site.permalink(&site.entries[first].path));
            let _ = writeln!(out, "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\"/>");
        }
    }
    out.push_str("  </url>\n");
    out
}
