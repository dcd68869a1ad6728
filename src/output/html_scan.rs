//! What the link checks need from a written HTML file: its `id`s and the addresses its
//! elements point at, read tag by tag in one pass.
//!
//! Written here rather than taken from a crate: `lol_html` (which finishes the files) and
//! `html5gum` read the microsite's 10,000-page benchmark at 90–150 MB/s, `tl` at ~330
//! MB/s, which would add a tenth to a cold build; this pass replaces the scan for ids that
//! every build already made. It reads only what sito's own output holds (the templates'
//! and pulldown-cmark's HTML, minified or not): tags and their attributes, skipping
//! comments, declarations and the text of `script`, `style`, `textarea` and `title`, where
//! `href=` is not an attribute. Text never holds a tag: `<` is escaped there.

/// The ids (sorted, without repeats) and the link addresses (in document order) of a file,
/// each address as a browser reads it (character references decoded, surrounding
/// whitespace and inner tabs and newlines dropped, `\\` as `/`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub ids: Vec<String>,
    pub links: Vec<String>,
    /// The first `<base href>`, which relative links resolve against.
    pub base: Option<String>,
}

/// Attributes whose value is one address (`data` only on `<object>`).
const ADDRESS: [&str; 5] = ["href", "src", "poster", "data", "xlink:href"];

/// Elements whose content is text, not markup, up to their closing tag.
const RAW: [&str; 8] = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

pub fn scan(html: &str) -> Found {
    let mut found = Found::default();
    let mut at = 0;
    while let Some(i) = html[at..].find('<') {
        let start = at + i;
        let rest = &html[start..];
        at = if let Some(comment) = rest.strip_prefix("<!--") {
            start + 4 + comment.find("-->").map_or(comment.len(), |end| end + 3)
        } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
            start + rest.find('>').map_or(rest.len(), |end| end + 1)
        } else if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            start + tag(rest, &mut found)
        } else {
            start + 1
        };
    }
    found.ids.sort_unstable();
    found.ids.dedup();
    found
}

/// Reads the tag at the start of `html` into `found`; returns how far it and, for a tag whose
/// content is text, that text reach.
fn tag(html: &str, found: &mut Found) -> usize {
    let name_end = html[1..].find(|c: char| !c.is_ascii_alphanumeric() && c != '-').map_or(html.len(), |n| n + 1);
    let name = &html[1..name_end];
    let mut at = name_end;
    loop {
        let rest = &html[at..];
        let skip = rest.find(|c: char| !c.is_ascii_whitespace() && c != '/').unwrap_or(rest.len());
        at += skip;
        let rest = &html[at..];
        if rest.is_empty() || rest.starts_with('>') {
            break;
        }
        let attr_len = rest.find(|c: char| c.is_ascii_whitespace() || "=>/".contains(c)).unwrap_or(rest.len()).max(1);
        let attr = &rest[..attr_len];
        at += attr_len;
        let after = &html[at..];
        let eq = after.len() - after.trim_start().len();
        if !after[eq..].starts_with('=') {
            continue;
        }
        at += eq + 1;
        let (value, len) = value(&html[at..]);
        at += len;
        note(name, attr, value, found);
    }
    let end = (at + 1).min(html.len());
    let raw = RAW.iter().find(|r| r.eq_ignore_ascii_case(name));
    match raw {
        Some(raw) => end + closing(&html[end..], raw),
        None => end,
    }
}

/// An attribute's value after its `=`, quoted or not, and the length it takes.
fn value(html: &str) -> (&str, usize) {
    let lead = html.len() - html.trim_start().len();
    let rest = &html[lead..];
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => match rest[1..].find(q) {
            Some(end) => (&rest[1..1 + end], lead + end + 2),
            None => (&rest[1..], html.len()),
        },
        _ => {
            let end = rest.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(rest.len());
            (&rest[..end], lead + end)
        }
    }
}

/// Where the text of a `raw` element ends: at its closing tag, in any case.
fn closing(html: &str, raw: &str) -> usize {
    let mut at = 0;
    while let Some(i) = html[at..].find("</") {
        let name = html[at + i + 2..].get(..raw.len());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(raw)) {
            return at + i;
        }
        at += i + 2;
    }
    html.len()
}

fn note(tag: &str, attr: &str, value: &str, found: &mut Found) {
    if attr.eq_ignore_ascii_case("id") {
        found.ids.push(decode(value));
    } else if attr.eq_ignore_ascii_case("srcset") {
        found.links.extend(srcset(&decode(value)).into_iter().map(address));
    } else if ADDRESS.iter().any(|a| a.eq_ignore_ascii_case(attr)) {
        let data = attr.eq_ignore_ascii_case("data");
        if data && !tag.eq_ignore_ascii_case("object") {
            return;
        }
        let link = address(&decode(value));
        if tag.eq_ignore_ascii_case("base") && attr.eq_ignore_ascii_case("href") {
            found.base.get_or_insert(link);
        } else {
            found.links.push(link);
        }
    }
}

/// An address as a browser takes it from an attribute (the URL standard): leading and
/// trailing spaces and control characters dropped, tabs and newlines inside removed, and a
/// backslash read as a slash.
fn address(value: &str) -> String {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).map(|c| if c == '\\' { '/' } else { c }).collect()
}

/// The addresses of a `srcset` (HTML's "parse a srcset attribute"): candidates separated by
/// commas, each an address (which may hold commas: `w_400,h_300/x.jpg`) and descriptors.
fn srcset(value: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
        let url = &rest[..end];
        rest = &rest[end..];
        // An address ending in commas ends its candidate; otherwise descriptors follow, up to a
        // comma outside parentheses.
        let trimmed = url.trim_end_matches(',');
        if trimmed.len() == url.len() {
            let mut depth = 0usize;
            let stop = rest.char_indices().find(|&(_, c)| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                ',' => depth == 0,
                _ => false,
            });
            rest = stop.map_or("", |(i, _)| &rest[i + 1..]);
        }
        if !trimmed.is_empty() {
            urls.push(trimmed);
        }
    }
}

/// An attribute value with its character references decoded: the few named ones sito's
/// output and Tera's `escape` write, and every numeric one (`&#x2F;`, `&#47;`).
fn decode(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, len) = reference(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character a reference at the start of `text` stands for, and its length.
fn reference(text: &str) -> Option<(char, usize)> {
    let named = [("&amp;", '&'), ("&quot;", '"'), ("&apos;", '\''), ("&lt;", '<'), ("&gt;", '>'), ("&nbsp;", '\u{a0}')];
    if let Some((entity, c)) = named.iter().find(|(entity, _)| text.starts_with(entity)) {
        return Some((*c, entity.len()));
    }
    let number = text.strip_prefix("&#")?;
    let end = number.find(';')?;
    let digits = &number[..end];
    let code = match digits.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => digits.parse().ok()?,
    };
    Some((char::from_u32(code)?, 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_and_addresses_in_tags_only() {
        let html = concat!(
            r#"<!doctype html><html><head><title>a <a href="/t/"></title>"#,
            r#"<link rel=stylesheet href=/css/s.1.css><script>var x = '<a href="/js/">';</script></head>"#,
            r#"<body><!-- <a href="/comment/"> --><h2 id="a">x</h2><div data-id="no" id='b'><p>id="c" href="/text/"</p>"#,
            r#"<p id=d><a class="x" HREF="/reti/?q=1&amp;r=2#s">y</a><img src="a.png" srcset="a-480.png 480w, a.webp 2x" alt="">"#,
            r#"<video poster="p.jpg"><source src="v.mp4"></video><object data="o.svg"></object><p data="no"></p></body></html>"#
        );
        let found = scan(html);
        assert_eq!(found.ids, ["a", "b", "d"]);
        let links = ["/css/s.1.css", "/reti/?q=1&r=2#s", "a.png", "a-480.png", "a.webp", "p.jpg", "v.mp4", "o.svg"]
            .map(String::from);
        assert_eq!(found.links, links);
    }

    #[test]
    fn addresses_are_read_as_browsers_read_them() {
        let html = concat!(
            "<a href=\" /reti/\n\">a</a><a href=\"\n  /en/\n\">b</a><a href=\"/reti/&#x2F;x&#47;y&#35;z\">c</a>",
            "<img srcset=\"https://cdn.example.org/w_400,h_300,c_fill/x.jpg 400w, data:image/png;base64,iVBO= 1x,y.png 2x\">",
            "<img srcset=\"a.png?w=1,h=2 1x , b.png\"><a href=\"\\reti\\c40\\\">d</a>",
            "<base href=\"/reti/\"><p DATA=\"/no/\"></p><OBJECT Data=\"/obj/\"></OBJECT><svg><use xlink:href=\"/s.svg#i\"/></svg>",
            "<xmp><a href=\"/xmp/\"></xmp><iframe src=\"/frame/\"><a href=\"/in-frame/\"></iframe>"
        );
        let found = scan(html);
        assert_eq!(found.base.as_deref(), Some("/reti/"));
        let links = [
            "/reti/",
            "/en/",
            "/reti//x/y#z",
            "https://cdn.example.org/w_400,h_300,c_fill/x.jpg",
            "data:image/png;base64,iVBO=",
            "y.png",
            "a.png?w=1,h=2",
            "b.png",
            "/reti/c40/",
            "/obj/",
            "/s.svg#i",
            "/frame/",
        ];
        assert_eq!(found.links, links.map(String::from));
    }

    #[test]
    fn unfinished_markup_ends_the_scan_without_a_panic() {
        for html in [
            "<a href=\"/x",
            "<a href=",
            "<a",
            "<",
            "<!--",
            "<script>x",
            "<a href='/y' id",
            "<é>",
            "<a href=\"&#",
            "<a href=\"&#x110000;\">",
        ] {
            scan(html);
        }
        assert_eq!(scan("<p id=\"b\"></p><p id=\"a\"></p><p id=\"b\"></p>").ids, ["a", "b"]);
    }
}
