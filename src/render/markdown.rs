//! Markdown to HTML with pulldown-cmark: the options we turn on, stable unique heading ids,
//! the table of contents, and internal `@/` links rewritten to URLs (with the byte offset of
//! each link kept, so a broken one is reported at its line). Links written as raw HTML
//! (`<a href>`, `<img src>`) are kept and rewritten the same way.

use crate::diag::Diagnostic;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// Every heading id on the page, for anchor checks.
    pub ids: Vec<String>,
    /// Every link and image destination with its byte range in the body.
    pub links: Vec<Link>,
    /// Text that looks like a link or image whose address has a space
    /// (`![a](foto sindaco.png)`), which Markdown shows as written: its byte range.
    pub spaced: Vec<Range<usize>>,
    /// Images the image hook refused (no alt text, not an image…), at their byte range.
    pub image_errors: Vec<(Range<usize>, Diagnostic)>,
    /// Zola's `page.summary`: the HTML before the first `<!-- more -->` written as a block of
    /// its own at the top level (so what comes before is whole), without footnotes.
    pub summary: Option<String>,
}

/// A Markdown image as written, for the image hook.
pub struct ImageRef<'a> {
    pub dest: &'a str,
    /// The alt text, as text.
    pub alt: &'a str,
    pub title: &'a str,
}

/// What the image hook makes of an image.
pub enum ImageHtml {
    /// Render it as Markdown does.
    Keep,
    /// Show it with this HTML instead.
    Html(String),
    /// Refuse it (the image is rendered as written, the page fails).
    Error(Diagnostic),
}

/// Decides how each Markdown image is shown (`render::images`).
pub type ImageHook<'a> = &'a dyn Fn(&ImageRef) -> ImageHtml;

/// The hook that leaves every image as Markdown renders it.
pub fn keep_images(_: &ImageRef) -> ImageHtml {
    ImageHtml::Keep
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub dest: String,
    pub range: Range<usize>,
    pub image: bool,
    /// True for a link with no text (`[](…)`).
    pub empty: bool,
    /// Images: the alt text.
    pub alt: String,
    /// Written as raw HTML (`<a href="…">`): `range` is the attribute's value.
    pub html: bool,
    /// An image marked as decoration, whose empty alt text is meant: the title
    /// `"decorative"` in Markdown, `alt=""` written out in HTML (as `figure(alt="")` does).
    pub decorative: bool,
}

/// A link the resolver refused, with where it is in the body.
#[derive(Debug)]
pub struct LinkError {
    pub dest: String,
    pub range: Range<usize>,
    pub message: String,
}

pub fn options() -> Options {
    crate::load::markdown_options()
}

/// Renders `body`. `resolve` turns an `@/…` destination into a URL, and may rewrite a
/// root-relative one (`/reti/`).
pub fn render(body: &str, resolve: &dyn Fn(&str) -> Result<String, String>) -> (Rendered, Vec<LinkError>) {
    render_expanded(body, resolve, &[], &keep_images)
}

/// Renders Markdown whose HTML shortcodes stand as placeholder tokens for `html`; ranges
/// are in `body`.
pub fn render_expanded(
    body: &str,
    resolve: &dyn Fn(&str) -> Result<String, String>,
    html: &[String],
    image: ImageHook,
) -> (Rendered, Vec<LinkError>) {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options()).into_offset_iter().collect();
    let mut out = Rendered::default();
    let mut errors = Vec::new();
    let mut events = apply_images(events, image, &mut out);
    scrub_nul(&mut events);
    let headings = assign_heading_ids(&mut events);
    out.ids = headings.iter().map(|h| h.1.clone()).collect();
    out.toc = build_toc(&headings);

    collect_links(&mut events, resolve, &mut out.links, &mut errors);
    raw_html_links(body, &mut events, resolve, &mut out.links, &mut errors);
    out.links.sort_by_key(|l| l.range.start);
    out.spaced = spaced_links(body, &events);
    // Last, so that nothing above reads a shortcode's HTML as the page's own source.
    super::placeholder::substitute(&mut events, html);
    out.html.reserve(body.len() * 3 / 2);
    if let Some(at) = more_marker(&events) {
        out.summary = Some(summary_html(&events, at));
        // Zola's anchor at the marker, which its themes' "continue reading" links name.
        events[at + 1].0 = Event::Html(CowStr::Borrowed(CONTINUE_READING));
        out.ids.push("continue-reading".to_owned());
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    (out, errors)
}

const CONTINUE_READING: &str = "<span id=\"continue-reading\"></span>\n";

/// The index of the first event that is a top-level HTML block reading `<!-- more -->`.
fn more_marker(events: &[(Event, Range<usize>)]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::HtmlBlock) if depth == 0 => {
                if let Some((Event::Html(text), _)) = events.get(i + 1) {
                    if crate::load::is_more_marker(text) {
                        return Some(i);
                    }
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The HTML of the events before `marker`, without footnotes (their references would point
/// at notes the summary does not hold) and without heading ids (a list showing several
/// summaries would repeat them; links go to the page's own).
fn summary_html(events: &[(Event, Range<usize>)], marker: usize) -> String {
    let mut in_note = 0usize;
    let kept = events[..marker].iter().filter_map(|(e, _)| {
        match e {
            Event::Start(Tag::FootnoteDefinition(_)) => in_note += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                in_note = in_note.saturating_sub(1);
                return None;
            }
            Event::Start(Tag::Heading { level, classes, attrs, .. }) if in_note == 0 => {
                let (level, classes, attrs) = (*level, classes.clone(), attrs.clone());
                return Some(Event::Start(Tag::Heading { level, id: None, classes, attrs }));
            }
            _ => {}
        }
        (in_note == 0 && !matches!(e, Event::FootnoteReference(_))).then(|| e.clone())
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, kept);
    html
}

/// Resolves `@/` and root-relative destinations in place, and notes every link and image
/// with its source range, whether it has visible text, and an image's alt text.
fn collect_links(
    events: &mut [(Event, Range<usize>)],
    resolve: &dyn Fn(&str) -> Result<String, String>,
    links: &mut Vec<Link>,
    errors: &mut Vec<LinkError>,
) {
    let mut open_link: Option<(usize, bool)> = None; // index into links, saw text
    for (event, range) in events.iter_mut() {
        let image = matches!(event, Event::Start(Tag::Image { .. }));
        let decorative = matches!(event, Event::Start(Tag::Image { title, .. }) if super::images::is_decorative(title));
        match event {
            Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
                let dest = dest_url.to_string();
                if dest.starts_with("@/") {
                    match resolve(&dest) {
                        Ok(url) => *dest_url = CowStr::from(url),
                        Err(message) => errors.push(LinkError { dest: dest.clone(), range: range.clone(), message }),
                    }
                } else if dest.starts_with('/') && !dest.starts_with("//") {
                    // Root-relative links follow the site when it is hosted under a sub-path.
                    if let Ok(url) = resolve(&dest) {
                        *dest_url = CowStr::from(url);
                    }
                }
                open_link = Some((links.len(), false));
                let alt = String::new();
                links.push(Link { dest, range: range.clone(), image, empty: true, alt, html: false, decorative });
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((i, saw)) = open_link.take() {
                    links[i].empty = !saw;
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((i, saw)) = open_link.as_mut() {
                    if !t.trim().is_empty() {
                        *saw = true;
                    }
                    if links[*i].image {
                        links[*i].alt.push_str(t);
                    }
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some((_, saw)) = open_link.as_mut() {
                    *saw = true;
                }
            }
            _ => {}
        }
    }
}

/// Passes every image to `hook`, replacing those it shows its own way with its HTML (and
/// noting them as links, as the main pass would have).
fn apply_images<'e>(
    events: Vec<(Event<'e>, Range<usize>)>,
    hook: ImageHook,
    out: &mut Rendered,
) -> Vec<(Event<'e>, Range<usize>)> {
    let mut result = Vec::with_capacity(events.len());
    let mut it = events.into_iter();
    while let Some((event, range)) = it.next() {
        let Event::Start(Tag::Image { dest_url, title, .. }) = &event else {
            result.push((event, range));
            continue;
        };
        let (dest, title) = (dest_url.to_string(), title.to_string());
        let mut inner = vec![(event, range.clone())];
        let mut depth = 1;
        for (e, r) in it.by_ref() {
            match e {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => depth -= 1,
                _ => {}
            }
            inner.push((e, r));
            if depth == 0 {
                break;
            }
        }
        let alt: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(&**t),
                _ => None,
            })
            .collect();
        match hook(&ImageRef { dest: &dest, alt: &alt, title: &title }) {
            ImageHtml::Keep => result.extend(inner),
            ImageHtml::Error(d) => {
                out.image_errors.push((range.clone(), d));
                result.extend(inner);
            }
            ImageHtml::Html(html) => {
                let empty = alt.trim().is_empty();
                let decorative = super::images::is_decorative(&title);
                out.links.push(Link { dest, range: range.clone(), image: true, empty, alt, html: false, decorative });
                result.push((Event::InlineHtml(CowStr::from(html)), range));
            }
        }
    }
    result
}

/// Finds the links of raw HTML (whole HTML blocks and inline tags, read from the source so
/// that a tag may span lines) and rewrites `@/` and root-relative destinations in the HTML
/// events as Markdown links are.
fn raw_html_links(
    body: &str,
    events: &mut [(Event, Range<usize>)],
    resolve: &dyn Fn(&str) -> Result<String, String>,
    links: &mut Vec<Link>,
    errors: &mut Vec<LinkError>,
) {
    let mut rewrites: Vec<(Range<usize>, String)> = Vec::new();
    for (event, range) in events.iter() {
        if !matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)) {
            continue;
        }
        let Some(fragment) = body.get(range.clone()) else { continue };
        for raw in super::raw_html::links(fragment) {
            let at = range.start + raw.range.start..range.start + raw.range.end;
            let dest = body[at.clone()].trim().to_owned();
            let rooted = dest.starts_with('/') && !dest.starts_with("//");
            if dest.starts_with("@/") || rooted {
                match resolve(&dest) {
                    Ok(url) if url != dest => rewrites.push((at.clone(), url)),
                    Ok(_) => {}
                    Err(message) => errors.push(LinkError { dest: dest.clone(), range: at.clone(), message }),
                }
            }
            let decorative = raw.alt.as_deref() == Some("");
            let alt = raw.alt.clone().unwrap_or_default();
            links.push(Link { dest, range: at, image: raw.image, empty: false, alt, html: true, decorative });
        }
    }
    if rewrites.is_empty() {
        return;
    }
    for (event, range) in events.iter_mut() {
        let (Event::Html(text) | Event::InlineHtml(text)) = event else { continue };
        // Only an event that is its source verbatim can be rewritten by source offsets.
        if body.get(range.clone()) != Some(&**text) {
            continue;
        }
        let inside: Vec<&(Range<usize>, String)> =
            rewrites.iter().filter(|(r, _)| range.start <= r.start && r.end <= range.end).collect();
        if inside.is_empty() {
            continue;
        }
        let mut new = String::with_capacity(text.len() + 16);
        let mut at = range.start;
        for (r, url) in inside {
            new.push_str(&body[at..r.start]);
            new.push_str(&crate::load::templates::escape_html(url));
            at = r.end;
        }
        new.push_str(&body[at..range.end]);
        *text = CowStr::from(new);
    }
}

/// `](foto sindaco.png)` in the text: a link or image that Markdown did not read because its
/// address has a space. Runs of text are joined (the parser splits them at brackets), and
/// only the source of text events is looked at, so code spans and blocks never match.
fn spaced_links(body: &str, events: &[(Event, Range<usize>)]) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut flush = |run: &mut Option<Range<usize>>| {
        let Some(r) = run.take() else { return };
        let text = &body[r.clone()];
        let mut from = 0;
        while let Some(i) = text[from..].find("](").map(|i| from + i) {
            from = i + 2;
            let Some(end) = text[from..].find(')').map(|e| from + e) else { break };
            let dest = &text[from..end];
            if dest.trim().contains(' ') && !dest.starts_with('<') && !dest.contains(['"', '\'', '(']) {
                let start = text[..i].rfind('[').map_or(i, |s| if text[..s].ends_with('!') { s - 1 } else { s });
                found.push(r.start + start..r.start + end + 1);
            }
        }
    };
    for (event, range) in events {
        let is_text = matches!(event, Event::Text(_)) && body.get(range.clone()).is_some();
        match (&mut run, is_text) {
            (Some(r), true) if r.end == range.start => r.end = range.end,
            (_, true) => {
                flush(&mut run);
                run = Some(range.clone());
            }
            (_, false) => flush(&mut run),
        }
    }
    flush(&mut run);
    found
}

/// CommonMark replaces U+0000 with U+FFFD, for safety; pulldown-cmark passes it through to
/// the HTML, so do it here (a NUL byte pasted into a page must not reach the output).
fn scrub_nul(events: &mut [(Event, Range<usize>)]) {
    fn scrub(t: &mut CowStr) {
        if t.contains('\0') {
            *t = CowStr::from(t.replace('\0', "\u{fffd}"));
        }
    }
    for (event, _) in events {
        match event {
            Event::Text(t)
            | Event::Code(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::FootnoteReference(t)
            | Event::Start(Tag::FootnoteDefinition(t))
            | Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(t))) => scrub(t),
            Event::Start(Tag::Link { dest_url, title, id, .. } | Tag::Image { dest_url, title, id, .. }) => {
                for t in [dest_url, title, id] {
                    scrub(t);
                }
            }
            Event::Start(Tag::Heading { id, classes, attrs, .. }) => {
                id.iter_mut().chain(classes.iter_mut()).for_each(scrub);
                for (k, v) in attrs {
                    scrub(k);
                    v.iter_mut().for_each(scrub);
                }
            }
            _ => {}
        }
    }
}

/// Gives every heading an id: its own `{#id}` if written, else a slug of its text, made
/// unique on the page with `-1`, `-2`… Returns (level, id, text) in order.
fn assign_heading_ids(events: &mut [(Event, Range<usize>)]) -> Vec<(u8, String, String)> {
    let mut used: HashSet<String> = HashSet::new();
    for (e, _) in events.iter() {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = e {
            used.insert(id.to_string());
        }
    }
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i].0 {
            let level = heading_number(*level);
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    text.push_str(&super::placeholder::strip(t));
                }
                j += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                let chosen = match id {
                    Some(existing) => existing.to_string(),
                    None => {
                        let base = match crate::slug::slugify(&text) {
                            s if s.is_empty() => "section".to_owned(),
                            s => s,
                        };
                        let mut candidate = base.clone();
                        let mut n = 1;
                        while used.contains(&candidate) {
                            candidate = format!("{base}-{n}");
                            n += 1;
                        }
                        used.insert(candidate.clone());
                        *id = Some(CowStr::from(candidate.clone()));
                        candidate
                    }
                };
                headings.push((level, chosen, text.trim().to_owned()));
            }
            i = j;
        }
        i += 1;
    }
    headings
}

pub fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Nests a flat list of headings by level.
fn build_toc(headings: &[(u8, String, String)]) -> Vec<TocEntry> {
    fn insert(list: &mut Vec<TocEntry>, entry: TocEntry) {
        match list.last_mut() {
            Some(last) if last.level < entry.level => insert(&mut last.children, entry),
            _ => list.push(entry),
        }
    }
    let mut toc = Vec::new();
    for (level, id, title) in headings {
        insert(&mut toc, TocEntry { level: *level, id: id.clone(), title: title.clone(), children: Vec::new() });
    }
    toc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_links(_: &str) -> Result<String, String> {
        Err("no".into())
    }

    #[test]
    fn the_summary_is_what_comes_before_a_top_level_more_marker() {
        let body = "Lead[^n] with *words*.\n\n<!--  more -->\n\nRest.\n\n[^n]: A note.\n";
        let (r, _) = render(body, &no_links);
        assert_eq!(r.summary.as_deref(), Some("<p>Lead with <em>words</em>.</p>\n"));
        assert!(r.html.contains("<span id=\"continue-reading\"></span>\n<p>Rest.</p>"), "{}", r.html);
        assert!(r.html.contains("footnote-reference"), "the page keeps its notes: {}", r.html);
        assert!(r.ids.contains(&"continue-reading".to_owned()));
        let (r, _) = render("## Che cos'è\n\nLead.\n\n<!-- MORE -->\n", &no_links);
        assert_eq!(r.summary.as_deref(), Some("<h2>Che cos’è</h2>\n<p>Lead.</p>\n"), "no heading ids");
        assert!(r.html.starts_with("<h2 id=\"che-cos-e\">"), "{}", r.html);
        // Only the first marker cuts; later ones stay comments.
        let (r, _) = render("A\n\n<!-- more -->\n\nB\n\n<!-- more -->\n", &no_links);
        assert_eq!(r.summary.as_deref(), Some("<p>A</p>\n"));
        assert!(r.html.ends_with("<p>B</p>\n<!-- more -->\n"), "{}", r.html);
    }

    #[test]
    fn a_marker_in_code_a_list_or_a_paragraph_is_no_summary() {
        for body in [
            "```\n<!-- more -->\n```\n",
            "    <!-- more -->\n",
            "- item\n\n  <!-- more -->\n",
            "> <!-- more -->\n",
            "Text <!-- more --> inline.\n",
            "<!-- more or less -->\n",
        ] {
            let (r, _) = render(body, &no_links);
            assert_eq!(r.summary, None, "{body:?}");
            assert!(!r.html.contains("continue-reading"), "{body:?}: {}", r.html);
        }
    }

    #[test]
    fn heading_ids_are_unique_and_stable() {
        let (r, _) = render("## Città\n\n## Città\n\n### Sub {#custom}\n\n## custom\n", &no_links);
        assert_eq!(r.ids, ["citta", "citta-1", "custom", "custom-1"]);
        assert!(r.html.contains("<h2 id=\"citta-1\">"), "{}", r.html);
        assert_eq!(r.toc.len(), 3);
        assert_eq!(r.toc[1].children[0].id, "custom");
    }

    #[test]
    fn internal_links_resolve_and_errors_keep_their_offset() {
        let resolve = |d: &str| if d == "@/a.md" { Ok("/a/".to_owned()) } else { Err(format!("missing {d}")) };
        let (r, errs) = render("[ok](@/a.md)\n\n[bad](@/b.md)\n", &resolve);
        assert!(r.html.contains("href=\"/a/\""), "{}", r.html);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].range.start, 14);
    }

    #[test]
    fn tables_footnotes_strikethrough_tasks_smart_punctuation() {
        let (r, _) = render("|a|\n|-|\n|1|\n\n~~x~~ \"q\"\n\n- [x] done\n\nNote[^1]\n\n[^1]: f\n", &no_links);
        for needle in ["<table>", "<del>x</del>", "“q”", "checkbox", "footnote"] {
            assert!(r.html.contains(needle), "{needle} in {}", r.html);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let body = format!("{}x\n\n{}y\n", "> ".repeat(5000), "- ".repeat(5000));
        let (r, _) = render(&body, &no_links);
        assert!(r.html.contains("x"));
    }
}
