//! Atom feeds, one per language version of each section that asks for one (`feed = true`
//! in its front matter or in its original's).

use super::{w3c_date, xml_escape};
use crate::render::Scan;
use crate::resolve::{Entry, Site, FEED_FILE};
use std::fmt::Write as _;

/// What a feed lists: a section's pages or a taxonomy term's.
struct Channel<'a> {
    title: &'a str,
    description: Option<&'a str>,
    /// The list's site path.
    path: &'a str,
    lang: usize,
    pages: &'a [usize],
    /// The list's own date, if it has one.
    date: Option<String>,
}

/// (output file, XML) for every feed; `scans` hold each entry's rendered HTML.
pub fn feeds(site: &Site, scans: &[Scan]) -> Vec<(String, String)> {
    let date_of = |e: &Entry| e.src.fm.updated.as_ref().or(e.src.fm.date.as_ref()).map(|d| atom_date(&d.0));
    let mut out: Vec<(String, String)> = site
        .entries
        .iter()
        .filter_map(|e| {
            let channel = Channel {
                title: &e.src.fm.title,
                description: e.src.fm.description.as_deref(),
                path: &e.path,
                lang: e.lang(),
                pages: &e.pages,
                date: date_of(e),
            };
            Some((e.feed_file()?, feed(site, &channel, scans)))
        })
        .collect();
    for t in site.taxonomies_with_feeds() {
        for term in &t.terms {
            let channel = Channel {
                title: &term.name,
                description: None,
                path: &term.path,
                lang: t.lang,
                pages: &term.pages,
                date: None,
            };
            out.push((format!("{}{FEED_FILE}", &term.path[1..]), feed(site, &channel, scans)));
        }
    }
    out
}

/// Atom wants a full date-time: a bare date becomes midnight UTC.
fn atom_date(date: &str) -> String {
    let d = w3c_date(date);
    if d.len() == 10 {
        format!("{d}T00:00:00Z")
    } else {
        d
    }
}

fn feed(site: &Site, section: &Channel, scans: &[Scan]) -> String {
    let lang = &site.config.languages[section.lang];
    // Drafts (a `--drafts` build) never reach subscribers.
    let mut pages: Vec<usize> = section.pages.iter().copied().filter(|&p| !site.entries[p].src.fm.draft).collect();
    pages.sort_by(|&a, &b| site.entries[b].src.fm.date.cmp(&site.entries[a].src.fm.date));
    let date_of = |e: &Entry| e.src.fm.updated.as_ref().or(e.src.fm.date.as_ref()).map(|d| atom_date(&d.0));
    let updated = pages
        .iter()
        .filter_map(|&p| date_of(&site.entries[p]))
        .chain(section.date.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
    let self_url = format!("{}{FEED_FILE}", site.permalink(section.path));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", lang.code);
    let _ = writeln!(out, "  <title>{} – {}</title>", xml_escape(section.title), xml_escape(&lang.title));
    if let Some(d) = section.description {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", xml_escape(d));
    }
    let _ = writeln!(out, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>", xml_escape(&self_url));
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(&site.permalink(section.path))
    );
    let _ = writeln!(out, "  <id>{}</id>", xml_escape(&self_url));
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml_escape(&lang.title));
    for &p in &pages {
        let e = &site.entries[p];
        let link = xml_escape(&site.permalink(&e.path));
        let _ = writeln!(out, "  <entry>\n    <title>{}</title>", xml_escape(&e.src.fm.title));
        let _ = writeln!(out, "    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n    <id>{link}</id>");
        let _ = writeln!(out, "    <updated>{}</updated>", date_of(e).unwrap_or_else(|| updated.clone()));
        if let Some(d) = &e.src.fm.date {
            let _ = writeln!(out, "    <published>{}</published>", atom_date(&d.0));
        }
        if let Some(d) = &e.src.fm.description {
            let _ = writeln!(out, "    <summary>{}</summary>", xml_escape(d));
        }
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>\n  </entry>",
            xml_escape(&scans.get(p).map(|s| crate::render::feed_html(site, s, &e.path)).unwrap_or_default())
        );
    }
    out.push_str("</feed>\n");
    out
}
