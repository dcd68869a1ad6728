//! Finishing touches on rendered files, applied just before they are written: links made
//! relative (so a build can be browsed straight from disk) and conservative minification
//! of HTML and CSS (whitespace and comments only, never anything that changes meaning).

/// What to do to every output file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Finish {
    pub relative: bool,
    pub minify: bool,
}

impl Finish {
    /// Applies the finishing to a file about to be written at `rel` (`/`-separated path in
    /// the output). `base_path` is the site's path prefix (`/` or `/prefix/`).
    pub fn apply(&self, rel: &str, base_path: &str, bytes: Vec<u8>) -> Vec<u8> {
        let is_html = rel.ends_with(".html");
        let is_css = rel.ends_with(".css");
        if !(is_html || is_css) || !(self.relative || self.minify) {
            return bytes;
        }
        let mut text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => return e.into_bytes(),
        };
        if is_html && self.relative {
            text = relativize(&text, rel, base_path);
        }
        if self.minify {
            text = if is_html { minify_html(&text) } else { minify_css(&text) };
        }
        text.into_bytes()
    }
}

/// Rewrites root-relative `href`/`src` values (those under `base_path`) relative to the file
/// at `rel`, pointing folder URLs at their `index.html` so they open from disk.
pub fn relativize(html: &str, rel: &str, base_path: &str) -> String {
    let up = "../".repeat(rel.matches('/').count());
    rewrite_urls(html, |value| relative_url(value, &up, base_path))
}

/// Makes root-relative `href`/`src` values absolute on `origin` (for feeds, which are read
/// away from the site).
pub fn absolutize(html: &str, origin: &str) -> String {
    rewrite_urls(html, |value| {
        if value.starts_with('/') && !value.starts_with("//") {
            format!("{origin}{value}")
        } else {
            value.to_owned()
        }
    })
}

/// Passes every double-quoted `href` and `src` value, and each address of a `srcset`,
/// through `f`.
fn rewrite_urls(html: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((i, srcset)) = find_url_attr(rest) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let quote_at = after.find('"').map_or(0, |q| q + 1);
        out.push_str(&after[..quote_at]);
        let value_and_more = &after[quote_at..];
        let end = value_and_more.find('"').unwrap_or(value_and_more.len());
        let value = &value_and_more[..end];
        if srcset {
            out.push_str(&rewrite_srcset(value, &f));
        } else {
            out.push_str(&f(value));
        }
        rest = &value_and_more[end..];
    }
    out.push_str(rest);
    out
}

/// `a.jpg 480w, b.jpg 960w` with each address passed through `f`.
fn rewrite_srcset(value: &str, f: &impl Fn(&str) -> String) -> String {
    let candidates: Vec<String> = value
        .split(", ")
        .map(|c| match c.split_once(' ') {
            Some((url, descriptor)) => format!("{} {descriptor}", f(url)),
            None => f(c),
        })
        .collect();
    candidates.join(", ")
}

/// The offset of the next ` href="`, ` src="` or ` srcset="`, and whether it is a srcset.
fn find_url_attr(text: &str) -> Option<(usize, bool)> {
    [" href=\"", " src=\"", " srcset=\""]
        .iter()
        .enumerate()
        .filter_map(|(n, attr)| text.find(attr).map(|i| (i, n == 2)))
        .min()
}

fn relative_url(value: &str, up: &str, base_path: &str) -> String {
    let Some(inside) = value.strip_prefix(base_path) else { return value.to_owned() };
    if value.starts_with("//") {
        return value.to_owned();
    }
    let (path, suffix) = match value.find(['#', '?']) {
        Some(i) if i >= base_path.len() => (&value[base_path.len()..i], &value[i..]),
        _ => (inside, ""),
    };
    let mut target = format!("{up}{path}");
    if target.is_empty() || target.ends_with('/') {
        target.push_str("index.html");
    }
    format!("{target}{suffix}")
}

/// Collapses whitespace in text and drops comments, leaving `pre`, `textarea`, `script` and
/// `style` contents and attribute values exactly as they were.
pub fn minify_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        if html[i..].starts_with("<!--") && !html[i..].starts_with("<!--[if") {
            i = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        if bytes[i] == b'<' {
            let tag_end = tag_end(html, i);
            let tag = &html[i..tag_end];
            out.push_str(tag);
            i = tag_end;
            let name: String =
                tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            if ["pre", "textarea", "script", "style"].contains(&name.as_str()) {
                let close = format!("</{name}");
                let end = find_ci(&html[i..], &close).map_or(html.len(), |e| i + e);
                let inner = &html[i..end];
                if name == "style" {
                    out.push_str(&minify_css(inner));
                } else {
                    out.push_str(inner);
                }
                i = end;
            }
            continue;
        }
        let next = html[i..].find('<').map_or(html.len(), |n| i + n);
        collapse_whitespace(&html[i..next], &mut out);
        i = next;
    }
    out
}

/// The end of the tag starting at `start`, skipping `>` inside quoted attribute values.
fn tag_end(html: &str, start: usize) -> usize {
    let mut quote: Option<char> = None;
    for (j, c) in html[start..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if j > 0 => quote = Some(c),
            (None, '>') => return start + j + 1,
            _ => {}
        }
    }
    html.len()
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

fn collapse_whitespace(text: &str, out: &mut String) {
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            pending = Some(if c == '\n' || pending == Some('\n') { '\n' } else { ' ' });
        } else {
            if let Some(p) = pending.take() {
                out.push(p);
            }
            out.push(c);
        }
    }
    if let Some(p) = pending {
        out.push(p);
    }
}

/// Drops comments and needless whitespace from CSS; strings are kept as written.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
            }
            '"' | '\'' => {
                if space && needs_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' | '>' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                if space && needs_space(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Whether a space read before the next token matters after what was written so far.
fn needs_space(out: &str) -> bool {
    !matches!(out.chars().last(), None | Some('{' | '}' | ';' | ',' | '>' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_from_nested_pages() {
        let html = r#"<a href="/reti/c40/">x</a> <img src="/img/a.png"> <a href="https://x.org/">e</a> <a href="/">h</a> <a href="/en/#top">t</a>"#;
        let out = relativize(html, "reti/c40/index.html", "/");
        assert_eq!(
            out,
            r#"<a href="../../reti/c40/index.html">x</a> <img src="../../img/a.png"> <a href="https://x.org/">e</a> <a href="../../index.html">h</a> <a href="../../en/index.html#top">t</a>"#
        );
        let sub = relativize(r#"<a href="/sub/x/">x</a><a href="/other/">o</a>"#, "index.html", "/sub/");
        assert_eq!(sub, r#"<a href="x/index.html">x</a><a href="/other/">o</a>"#);
    }

    #[test]
    fn srcset_addresses_are_rewritten_too() {
        let html = r#"<source srcset="/n/a.480w.webp 480w, /n/a.960w.webp 960w"><img src="/n/a.jpg" srcset="/n/a.480w.jpg 480w">"#;
        assert_eq!(
            relativize(html, "n/x/index.html", "/"),
            r#"<source srcset="../../n/a.480w.webp 480w, ../../n/a.960w.webp 960w"><img src="../../n/a.jpg" srcset="../../n/a.480w.jpg 480w">"#
        );
        assert!(absolutize(html, "https://m.it")
            .contains("srcset=\"https://m.it/n/a.480w.webp 480w, https://m.it/n/a.960w.webp"));
    }

    #[test]
    fn minifies_html_but_keeps_pre_and_attributes() {
        let html = "<p>\n   a   <b>b</b>\n</p><!-- note --><pre>  keep\n   this </pre><p title=\"a   b\">x</p>";
        assert_eq!(minify_html(html), "<p>\na <b>b</b>\n</p><pre>  keep\n   this </pre><p title=\"a   b\">x</p>");
    }

    #[test]
    fn minifies_css_keeping_strings_and_meaningful_spaces() {
        let css = "/* c */\na  .b > c ,d {\n  color : red ;\n  content: \"  x \";\n  margin: 0 auto;\n}\n";
        assert_eq!(minify_css(css), "a .b>c,d{color :red;content:\"  x \";margin:0 auto}");
    }
}
