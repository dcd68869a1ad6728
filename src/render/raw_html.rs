//! Links in raw HTML written inside Markdown (`<a href="…">`, `<img src="…" alt="…">`):
//! pulldown-cmark passes such HTML through as text, so their destinations are found here,
//! with the byte range of each value, to be checked and placed like Markdown links.
//!
//! A small scanner over one fragment of the page's own source, not an HTML parser: it
//! reads start tags and their attributes the way the HTML tokenizer does (names are
//! case-insensitive; values double-quoted, single-quoted or bare; any whitespace, newlines
//! included, between attributes), and skips comments.

use std::ops::Range;

/// A link or image destination found in raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLink {
    pub image: bool,
    /// The value's range in the fragment (inside any quotes).
    pub range: Range<usize>,
    /// `<img>`: its `alt`, if written.
    pub alt: Option<String>,
}

/// Every `<a href>` and `<img src>` of an HTML fragment.
pub fn links(html: &str) -> Vec<RawLink> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        if html[lt..].starts_with("<!--") {
            i = html[lt..].find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let name_end =
            lt + 1 + html[lt + 1..].find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(html.len() - lt - 1);
        let name = &html[lt + 1..name_end];
        let (attrs, end) = attributes(html, name_end);
        i = end.max(lt + 1);
        let wanted = if name.eq_ignore_ascii_case("a") {
            Some(("href", false))
        } else if name.eq_ignore_ascii_case("img") {
            Some(("src", true))
        } else {
            None
        };
        let Some((attr, image)) = wanted.filter(|_| !name.is_empty()) else { continue };
        let value = |n: &str| attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(n)).map(|(_, r)| r.clone());
        if let Some(range) = value(attr) {
            let alt = value("alt").map(|r| String::from_utf8_lossy(&bytes[r]).into_owned());
            out.push(RawLink { image, range, alt });
        }
    }
    out
}

/// The attributes of a start tag from `at` (just after its name) up to its `>`: (name,
/// value range; empty for an attribute without a value), and where the tag ends.
fn attributes(html: &str, mut at: usize) -> (Vec<(&str, Range<usize>)>, usize) {
    let b = html.as_bytes();
    let skip_ws = |mut p: usize| {
        while p < b.len() && b[p].is_ascii_whitespace() {
            p += 1;
        }
        p
    };
    let mut attrs = Vec::new();
    loop {
        at = skip_ws(at);
        match b.get(at) {
            None => return (attrs, at),
            Some(b'>') => return (attrs, at + 1),
            Some(b'<') => return (attrs, at),
            Some(b'/') => {
                at += 1;
                continue;
            }
            _ => {}
        }
        let start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>' | b'/' | b'<') {
            at += 1;
        }
        let name = &html[start..at];
        at = skip_ws(at);
        if b.get(at) != Some(&b'=') {
            attrs.push((name, at..at));
            continue;
        }
        at = skip_ws(at + 1);
        let value = match b.get(at) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = html[at + 1..].find(q as char).map_or(html.len(), |e| at + 1 + e);
                let r = at + 1..end;
                at = (end + 1).min(html.len());
                r
            }
            _ => {
                let s = at;
                while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                    at += 1;
                }
                s..at
            }
        };
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(html: &str) -> Vec<(bool, &str, Option<String>)> {
        links(html).into_iter().map(|l| (l.image, &html[l.range], l.alt)).collect()
    }

    #[test]
    fn finds_hrefs_and_srcs_in_every_attribute_form() {
        let html =
            "<p><A class=x\n  HREF='/reti/'>x</A> <img alt=\"Logo\" src=logo.png> <a href=\"#top\" > <span id=a>";
        assert_eq!(
            values(html),
            [(false, "/reti/", None), (true, "logo.png", Some("Logo".into())), (false, "#top", None)]
        );
    }

    #[test]
    fn skips_comments_other_tags_and_unfinished_tags() {
        assert_eq!(values("<!-- <a href=\"/no/\"> --><abbr href=\"/no/\"><link href=x>"), []);
        assert_eq!(values("<a href=\"/unclosed"), [(false, "/unclosed", None)]);
        assert_eq!(values("<a"), []);
        assert_eq!(values("< a href=x>"), []);
    }
}
