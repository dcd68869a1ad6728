//! Placeholders for HTML shortcodes: the Markdown renderer must not see a shortcode's HTML
//! (it would wrap it in paragraphs, or read its indented lines as code), so each call is
//! replaced by a token before rendering and the token by the HTML afterwards. A token on a
//! paragraph of its own replaces the whole paragraph, so block HTML is not put inside `<p>`.
//! (Zola does the same.)

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::ops::Range;

/// The OBJECT REPLACEMENT CHARACTER, which stands for an object in text. Pages do not hold
/// it; the expansion replaces any that a page holds by U+FFFD (same length), so a token is
/// never forged by the text around it.
pub const MARK: char = '\u{FFFC}';

/// The token for the `i`th HTML fragment.
pub fn token(i: usize) -> String {
    format!("{MARK}{i}{MARK}")
}

/// The fragment a token at the start of `text` stands for, and the token's length.
fn at_start<'h>(text: &str, html: &'h [String]) -> Option<(&'h str, usize)> {
    let rest = text.strip_prefix(MARK)?;
    let digits = rest.find(MARK)?;
    let i: usize = rest[..digits].parse().ok()?;
    Some((html.get(i)?.as_str(), MARK.len_utf8() * 2 + digits))
}

/// `text` with every token replaced by its fragment; `None` when it holds no token.
fn replace_in(text: &str, html: &[String]) -> Option<String> {
    if !text.contains(MARK) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(MARK) {
        out.push_str(&rest[..i]);
        match at_start(&rest[i..], html) {
            Some((fragment, len)) => {
                out.push_str(fragment);
                rest = &rest[i + len..];
            }
            None => {
                out.push(MARK);
                rest = &rest[i + MARK.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

/// `text` without tokens (a heading's id and its table-of-contents entry leave them out).
pub fn strip(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(MARK) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(MARK) {
        out.push_str(&rest[..i]);
        let after = &rest[i + MARK.len_utf8()..];
        let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        if digits > 0 && after[digits..].starts_with(MARK) {
            rest = &after[digits + MARK.len_utf8()..];
        } else {
            out.push(MARK);
            rest = after;
        }
    }
    out.push_str(rest);
    out.into()
}

/// Puts the fragments in place of their tokens in rendered events.
pub fn substitute(events: &mut Vec<(Event, Range<usize>)>, html: &[String]) {
    if html.is_empty() {
        return;
    }
    merge_texts(events);
    let old = std::mem::take(events);
    let mut i = 0;
    while i < old.len() {
        // A paragraph that is only a token becomes the fragment.
        if let (Event::Start(Tag::Paragraph), Some((Event::Text(t), _)), Some((Event::End(TagEnd::Paragraph), end))) =
            (&old[i].0, old.get(i + 1), old.get(i + 2))
        {
            if let Some((fragment, len)) = at_start(t.trim(), html) {
                if len == t.trim().len() {
                    let mut block = fragment.to_owned();
                    if !block.ends_with('\n') {
                        block.push('\n');
                    }
                    events.push((Event::Html(CowStr::from(block)), old[i].1.start..end.end));
                    i += 3;
                    continue;
                }
            }
        }
        let (event, range) = old[i].clone();
        match event {
            Event::Text(t) if t.contains(MARK) => split_text(&t, &range, html, events),
            Event::Html(t) => events.push((Event::Html(replace_in(&t, html).map_or(t, CowStr::from)), range)),
            Event::InlineHtml(t) => {
                events.push((Event::InlineHtml(replace_in(&t, html).map_or(t, CowStr::from)), range));
            }
            other => events.push((other, range)),
        }
        i += 1;
    }
}

/// A text with tokens becomes text and inline HTML, in order.
fn split_text<'a>(t: &str, range: &Range<usize>, html: &[String], out: &mut Vec<(Event<'a>, Range<usize>)>) {
    let mut rest = t;
    let mut plain = String::new();
    while let Some(i) = rest.find(MARK) {
        plain.push_str(&rest[..i]);
        match at_start(&rest[i..], html) {
            Some((fragment, len)) => {
                if !plain.is_empty() {
                    out.push((Event::Text(CowStr::from(std::mem::take(&mut plain))), range.clone()));
                }
                out.push((Event::InlineHtml(CowStr::from(fragment.to_owned())), range.clone()));
                rest = &rest[i + len..];
            }
            None => {
                plain.push(MARK);
                rest = &rest[i + MARK.len_utf8()..];
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push((Event::Text(CowStr::from(plain)), range.clone()));
    }
}

/// pulldown-cmark may split one run of text into several events; a token must be whole.
fn merge_texts(events: &mut Vec<(Event, Range<usize>)>) {
    let old = std::mem::take(events);
    for (event, range) in old {
        if let (Event::Text(t), Some((Event::Text(prev), prev_range))) = (&event, events.last_mut()) {
            let mut joined = prev.to_string();
            joined.push_str(t);
            *prev = CowStr::from(joined);
            prev_range.end = range.end.max(prev_range.end);
            continue;
        }
        events.push((event, range));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn html_of(md: &str, fragments: &[&str]) -> String {
        let fragments: Vec<String> = fragments.iter().map(|s| (*s).to_owned()).collect();
        let mut events: Vec<(Event, Range<usize>)> = Parser::new(md).into_offset_iter().collect();
        substitute(&mut events, &fragments);
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, events.into_iter().map(|(e, _)| e));
        out
    }

    #[test]
    fn block_tokens_replace_their_paragraph_and_inline_ones_stay_inline() {
        let md = format!("{}\n\nSee {} here.\n", token(0), token(1));
        assert_eq!(html_of(&md, &["<aside>a</aside>", "<b>x</b>"]), "<aside>a</aside>\n<p>See <b>x</b> here.</p>\n");
        let unknown = format!("{MARK}9{MARK} and {MARK}");
        assert!(html_of(&unknown, &["x"]).contains(&unknown));
    }
}
