//! sitemap.xml with per-translation alternates, split into a sitemap index past the
//! protocol's 50,000-URL limit.

use super::{w3c_date, xml_escape};
use crate::resolve::pagination::pager_count;
use crate::resolve::Site;
use rayon::prelude::*;
use std::fmt::Write as _;

pub const LIMIT: usize = 50_000;

/// (output file, XML) pairs: one `sitemap.xml`, or an index plus `sitemap-N.xml` files.
pub fn sitemaps(site: &Site, limit: usize) -> Vec<(String, String)> {
    // Drafts (a `--drafts` build) are for a preview: never announced to search engines.
    let mut locs: Vec<Loc> = (0..site.entries.len())
        .filter(|&i| !site.entries[i].src.fm.draft)
        .flat_map(|id| entry_locs(site, id))
        .chain(taxonomy_locs(site))
        .collect();
    locs.sort_by(|a, b| a.path.cmp(&b.path));
    // In parallel: 10,000 addresses were most of a one-page rebuild's publishing.
    let urls: Vec<String> = locs.par_iter().map(|l| url_element(site, l)).collect();
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

/// One address of the sitemap: its site path, date and language versions (language, path).
struct Loc<'a> {
    path: String,
    lastmod: Option<&'a str>,
    versions: Vec<(usize, String)>,
}

/// An entry's address and, paginated, those of its other pagers (Zola lists pagers too),
/// each paired with the translated pager when there is one and dated like the list.
/// Taxonomy pages are dated by their newest page.
fn entry_locs(site: &Site, id: usize) -> Vec<Loc<'_>> {
    let e = &site.entries[id];
    let lastmod = e.src.fm.updated.as_ref().or(e.src.fm.date.as_ref()).map(|d| d.0.as_str());
    let pagers = |i: usize| pager_count(site.entries[i].pages.len(), site.entries[i].paginate_by);
    (1..=pagers(id))
        .map(|n| Loc {
            path: site.pager_path(&e.path, e.lang(), n),
            lastmod,
            versions: e
                .translations
                .iter()
                .filter(|&&t| pagers(t) >= n)
                .map(|&t| (site.entries[t].lang(), site.pager_path(&site.entries[t].path, site.entries[t].lang(), n)))
                .collect(),
        })
        .collect()
}

/// The taxonomies' lists and their terms' pagers.
fn taxonomy_locs(site: &Site) -> Vec<Loc<'_>> {
    let mut out = Vec::new();
    for t in &site.taxonomies {
        let versions =
            site.taxonomies.iter().filter(|o| o.index == t.index).map(|o| (o.lang, o.path.clone())).collect();
        let lastmod = site.newest(t.terms.iter().flat_map(|x| &x.pages));
        out.push(Loc { path: t.path.clone(), lastmod, versions });
        let per = site.taxonomy_config(t).paginate_by;
        for term in &t.terms {
            let pagers = |ti: usize, i: usize| {
                pager_count(
                    site.taxonomies[ti].terms[i].pages.len(),
                    site.taxonomy_config(&site.taxonomies[ti]).paginate_by,
                )
            };
            for n in 1..=pager_count(term.pages.len(), per) {
                let versions = term
                    .translations
                    .iter()
                    .filter(|&&(ti, i)| pagers(ti, i) >= n)
                    .map(|&(ti, i)| {
                        (
                            site.taxonomies[ti].lang,
                            site.pager_path(&site.taxonomies[ti].terms[i].path, site.taxonomies[ti].lang, n),
                        )
                    })
                    .collect();
                let lastmod = site.newest(&term.pages);
                out.push(Loc { path: site.pager_path(&term.path, t.lang, n), lastmod, versions });
            }
        }
    }
    out
}

fn url_element(site: &Site, loc: &Loc) -> String {
    let mut out = format!("  <url>\n    <loc>{}</loc>\n", xml_escape(&site.permalink(&loc.path)));
    if let Some(d) = loc.lastmod {
        let _ = writeln!(out, "    <lastmod>{}</lastmod>", w3c_date(d));
    }
    if loc.versions.len() > 1 {
        for (lang, path) in &loc.versions {
            let code = &site.config.languages[*lang].code;
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                xml_escape(&site.permalink(path))
            );
        }
        if let Some((_, first)) = loc.versions.iter().find(|(lang, _)| *lang == 0) {
            let href = xml_escape(&site.permalink(first));
            let _ = writeln!(out, "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{href}\"/>");
        }
    }
    out.push_str("  </url>\n");
    out
}
