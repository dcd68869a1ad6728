//! URLs in finished files rewritten in one streaming pass: every URL-bearing attribute
//! (`href`, `src`, `poster`, `action`, each candidate of `srcset`/`imagesrcset`), `url()` in
//! `style` attributes and `<style>` elements, and `url()` in stylesheets.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, RewriteStrSettings};
use std::cell::RefCell;

/// Maps one URL to its replacement, or `None` to leave it as written.
pub type Map<'a> = &'a dyn Fn(&str) -> Option<String>;

const PLAIN: [&str; 4] = ["href", "src", "poster", "action"];
const SRCSETS: [&str; 2] = ["srcset", "imagesrcset"];

/// Passes every URL of an HTML document through `map`.
pub fn rewrite_html(html: &str, map: Map) -> String {
    // A `<style>` element's text can arrive in several chunks: gather it, rewrite it whole.
    let style = RefCell::new(String::new());
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("*", |el| {
            for name in PLAIN {
                if let Some(new) = el.get_attribute(name).and_then(|v| map(&v)) {
                    el.set_attribute(name, &new)?;
                }
            }
            for name in SRCSETS {
                if let Some(new) = el.get_attribute(name).and_then(|v| rewrite_srcset(&v, map)) {
                    el.set_attribute(name, &new)?;
                }
            }
            if let Some(new) = el.get_attribute("style").and_then(|v| changed(&v, rewrite_css(&v, map))) {
                el.set_attribute("style", &new)?;
            }
            let refresh = el.get_attribute("http-equiv").is_some_and(|v| v.trim().eq_ignore_ascii_case("refresh"));
            if let Some(new) = el.get_attribute("content").filter(|_| refresh).and_then(|v| rewrite_refresh(&v, map)) {
                el.set_attribute("content", &new)?;
            }
            Ok(())
        }))
        .append_element_content_handler(text!("style", |chunk| {
            let mut gathered = style.borrow_mut();
            gathered.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                let css = rewrite_css(&gathered, map);
                chunk.replace(&css, ContentType::Html);
                gathered.clear();
            } else {
                chunk.remove();
            }
            Ok(())
        }));
    // Without a memory limit set, rewriting a UTF-8 string cannot fail; keep the page as
    // rendered if it ever does.
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_owned())
}

/// Makes local URLs absolute on `origin` (for feeds, which are read away from the site):
/// root-relative ones, and those relative to the page at `page` (`/reti/c40/`), which a
/// feed reader would otherwise resolve against the feed's own address (hosts' trial: a
/// bundle's `documento.pdf` and `#foto` led nowhere).
pub fn absolutize(html: &str, origin: &str, page: &str) -> String {
    rewrite_html(html, &|url: &str| absolute(url, origin, page))
}

fn absolute(url: &str, origin: &str, page: &str) -> Option<String> {
    if url.is_empty() || url.starts_with("//") || has_scheme(url) {
        return None;
    }
    if url.starts_with('/') {
        return Some(format!("{origin}{url}"));
    }
    let (path, rest) = url.split_at(url.find(['?', '#']).unwrap_or(url.len()));
    let mut folder: Vec<&str> = page.split('/').filter(|s| !s.is_empty()).collect();
    if !page.ends_with('/') {
        folder.pop();
    }
    // Above the root stays at the root, as browsers resolve it.
    let path = crate::url_path::remove_dots(folder, path, true)?;
    Some(format!("{origin}{path}{rest}"))
}

/// `mailto:`, `https:`, `data:`…: a scheme before any `/`, `?` or `#`.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else { return false };
    scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
}

/// The URL of `value` (root-relative, under `base_path`) relative to a file `up` folders
/// deep, pointing folder URLs at their `index.html` so they open from disk.
pub fn relative_url(value: &str, up: &str, base_path: &str) -> Option<String> {
    if value.starts_with("//") {
        return None;
    }
    let inside = value.strip_prefix(base_path)?;
    let (path, suffix) = match inside.find(['#', '?']) {
        Some(i) => inside.split_at(i),
        None => (inside, ""),
    };
    let mut target = format!("{up}{path}");
    if target.is_empty() || target.ends_with('/') {
        target.push_str("index.html");
    }
    Some(format!("{target}{suffix}"))
}

/// Rewrites each candidate URL of a `srcset` (`a.jpg 480w, b.jpg 960w`); `None` if none
/// changed.
fn rewrite_srcset(srcset: &str, map: Map) -> Option<String> {
    let mut out = Vec::new();
    let mut any = false;
    for candidate in srcset.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let (url, descriptor) = candidate.split_once(char::is_whitespace).unwrap_or((candidate, ""));
        let url = match map(url) {
            Some(new) => {
                any = true;
                new
            }
            None => url.to_owned(),
        };
        let descriptor = descriptor.trim();
        out.push(if descriptor.is_empty() { url } else { format!("{url} {descriptor}") });
    }
    any.then(|| out.join(", "))
}

/// The URL of a refresh (`<meta http-equiv="refresh" content="0; url=/to/">`, the alias
/// pages' redirect), quotes kept; `None` if it has none or it did not change.
fn rewrite_refresh(content: &str, map: Map) -> Option<String> {
    let at = content.to_ascii_lowercase().find("url=")? + "url=".len();
    let (head, url) = content.split_at(at);
    let url = url.trim();
    let quote = url.chars().next().filter(|q| *q == '"' || *q == '\'');
    let bare = quote.map_or(url, |q| url.trim_matches(q));
    let q = quote.map(String::from).unwrap_or_default();
    map(bare).map(|new| format!("{head}{q}{new}{q}"))
}

/// Passes the URL of every `url(…)` in a stylesheet through `map`, keeping its quotes.
pub fn rewrite_css(css: &str, map: Map) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = find_url_call(rest) {
        let (before, call) = rest.split_at(at + 4);
        out.push_str(before);
        let Some(close) = call.find(')') else { break };
        let inner = &call[..close];
        let trimmed = inner.trim();
        let quote = trimmed.chars().next().filter(|q| *q == '"' || *q == '\'');
        let url = match quote {
            Some(q) => trimmed.trim_start_matches(q).trim_end_matches(q),
            None => trimmed,
        };
        match map(url) {
            Some(new) => {
                let q = quote.map(String::from).unwrap_or_default();
                out.push_str(&format!("{q}{new}{q}"));
            }
            None => out.push_str(inner),
        }
        rest = &call[close..];
    }
    out.push_str(rest);
    out
}

/// The offset of the next `url(`, in any case.
fn find_url_call(css: &str) -> Option<usize> {
    css.as_bytes().windows(4).position(|w| w.eq_ignore_ascii_case(b"url("))
}

fn changed(old: &str, new: String) -> Option<String> {
    (new != old).then_some(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relative(html: &str, rel: &str, base: &str) -> String {
        let up = "../".repeat(rel.matches('/').count());
        rewrite_html(html, &|u: &str| relative_url(u, &up, base))
    }

    #[test]
    fn relative_links_from_nested_pages() {
        let html = r#"<a href="/reti/c40/">x</a> <img src="/img/a.png"> <a href="https://x.org/">e</a> <a href="/">h</a> <a href="/en/#top">t</a>"#;
        assert_eq!(
            relative(html, "reti/c40/index.html", "/"),
            r#"<a href="../../reti/c40/index.html">x</a> <img src="../../img/a.png"> <a href="https://x.org/">e</a> <a href="../../index.html">h</a> <a href="../../en/index.html#top">t</a>"#
        );
        let sub = relative(r#"<a href="/sub/x/">x</a><a href="/other/">o</a>"#, "index.html", "/sub/");
        assert_eq!(sub, r#"<a href="x/index.html">x</a><a href="/other/">o</a>"#);
    }

    #[test]
    fn every_attribute_form_is_seen() {
        let html = "<a\nhref='/a/'>a</a><img alt=x\n  src=/b.png srcset=\"/b-480.png 480w, /b-960.png 960w\">\
                    <div style=\"background: url('/c.png')\"></div><style>p{background:URL(/d.png)}</style>";
        assert_eq!(
            relative(html, "x/index.html", "/"),
            "<a href=\"../a/index.html\">a</a><img alt=x src=\"../b.png\" srcset=\"../b-480.png 480w, ../b-960.png 960w\">\
             <div style=\"background: url('../c.png')\"></div><style>p{background:URL(../d.png)}</style>"
        );
    }

    #[test]
    fn a_refresh_goes_where_its_link_goes() {
        let html = "<meta http-equiv=\"refresh\" content=\"0; url=/reti/nuova/\"><meta http-equiv=Refresh content=\"5;URL='/en/'\">\
                    <meta name=\"description\" content=\"url=/not/\"><a href=\"/reti/nuova/\">x</a>";
        assert_eq!(
            relative(html, "reti/vecchia/index.html", "/"),
            "<meta http-equiv=\"refresh\" content=\"0; url=../../reti/nuova/index.html\"><meta http-equiv=Refresh content=\"5;URL='../../en/index.html'\">\
             <meta name=\"description\" content=\"url=/not/\"><a href=\"../../reti/nuova/index.html\">x</a>"
        );
    }

    #[test]
    fn feeds_get_absolute_urls() {
        let html = r#"<a href="/a/">a</a><a href="//cdn/x">c</a><img srcset="/i.png 2x">"#;
        assert_eq!(
            absolutize(html, "https://example.org", "/a/"),
            r#"<a href="https://example.org/a/">a</a><a href="//cdn/x">c</a><img srcset="https://example.org/i.png 2x">"#
        );
        let page = "/sub/reti/prova/";
        for (url, want) in [
            ("documento.pdf", "https://o.it/sub/reti/prova/documento.pdf"),
            ("./documento.pdf?v=2#p3", "https://o.it/sub/reti/prova/documento.pdf?v=2#p3"),
            ("#foto", "https://o.it/sub/reti/prova/#foto"),
            ("../c40/", "https://o.it/sub/reti/c40/"),
            ("../../../../x.png", "https://o.it/x.png"),
            ("..", "https://o.it/sub/reti/"),
        ] {
            assert_eq!(absolute(url, "https://o.it", page).as_deref(), Some(want), "{url}");
        }
        for kept in ["mailto:a@b.it", "https://x.org/", "tel:+39", "data:image/png;base64,AA", ""] {
            assert_eq!(absolute(kept, "https://o.it", page), None, "{kept}");
        }
        assert_eq!(absolute("b.html", "https://o.it", "/a/404.html").as_deref(), Some("https://o.it/a/b.html"));
    }

    #[test]
    fn srcset_addresses_are_rewritten_too() {
        let html = r#"<source srcset="/n/a.480w.webp 480w, /n/a.960w.webp 960w"><img src="/n/a.jpg" srcset="/n/a.480w.jpg 480w">"#;
        assert_eq!(
            relative(html, "n/x/index.html", "/"),
            r#"<source srcset="../../n/a.480w.webp 480w, ../../n/a.960w.webp 960w"><img src="../../n/a.jpg" srcset="../../n/a.480w.jpg 480w">"#
        );
        assert!(absolutize(html, "https://m.it", "/")
            .contains("srcset=\"https://m.it/n/a.480w.webp 480w, https://m.it/n/a.960w.webp"));
    }

    #[test]
    fn forty_thousand_links_are_all_rewritten() {
        // The hand-written rewriter rescanned the rest of the page per link (7.9 s here);
        // a streaming pass is linear. What is asserted is that none is missed.
        let html: String = (0..40_000).map(|i| format!("<a href=\"/p{i}/\">{i}</a>\n")).collect();
        let out = relative(&html, "a/index.html", "/");
        assert_eq!(out.matches("href=\"../p").count(), 40_000);
        assert!(out.contains("<a href=\"../p39999/index.html\">39999</a>"));
    }
}
