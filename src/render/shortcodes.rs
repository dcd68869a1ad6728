//! Shortcodes, expanded in a page's Markdown before it is rendered, the way Zola does: a
//! Markdown shortcode's output (`NAME.md`) takes the call's place in the text and is rendered
//! with the page; an HTML shortcode's output is kept aside and its call replaced by a
//! placeholder that the renderer swaps back (`placeholder`), so Markdown never mangles it.
//! The body of a `{% … %}` call reaches the template as `body`: rendered to HTML for HTML
//! shortcodes (unless their schema says `body = "text"`), as Markdown for Markdown ones.
//!
//! The expanded text differs in length from the body, so an `OffsetMap` records where each
//! piece came from: links and errors found in the expanded text are reported at their place
//! in the content file.

use crate::diag::{Diagnostic, Kind};
use crate::load::shortcode_defs::{BodyKind, Definition, RESERVED};
use crate::load::shortcodes::{Body, Call, Node, Value};
use crate::load::templates::Templates;
use crate::render::markdown::{self, Link, Rendered};
use crate::render::placeholder::{self, MARK};
use std::collections::HashMap;
use std::ops::Range;
use tera::{Context, Tera};

/// Where each piece of an expanded text came from in the page's body.
#[derive(Debug, Default, Clone)]
pub struct OffsetMap {
    /// (start in the expanded text, start in the body, copied as it is), in order.
    segments: Vec<(usize, usize, bool)>,
}

impl OffsetMap {
    fn push(&mut self, expanded: usize, body: usize, verbatim: bool) {
        self.segments.push((expanded, body, verbatim));
    }

    /// The body offset of an expanded offset: inside copied text, the same character; inside
    /// a shortcode's output, the call.
    pub fn to_body(&self, at: usize) -> usize {
        let i = self.segments.partition_point(|s| s.0 <= at);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some((expanded, body, true)) => body + (at - expanded),
            Some((_, body, false)) => body,
            None => 0,
        }
    }

    pub fn range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.to_body(r.start);
        start..self.to_body(r.end).max(start)
    }
}

/// A page's Markdown rendered with its shortcodes, every range in the page's body.
pub struct Page {
    pub rendered: Rendered,
    /// Shortcodes that failed.
    pub diags: Vec<Diagnostic>,
}

/// What the calls of one page render with.
pub struct Expander<'a> {
    pub tera: &'a Tera,
    pub templates: &'a Templates,
    /// The page's template context (`lang`, `site`, `page` or `section` as a summary…).
    pub context: &'a Context,
    pub resolve: &'a dyn Fn(&str) -> Result<String, String>,
    pub body: &'a str,
    /// The site's path prefix (`/` or `/prefix/`), which URLs in shortcode output carry.
    pub base_path: &'a str,
    /// Places a diagnostic at a range of the body, in the content file.
    pub place: &'a dyn Fn(Diagnostic, Range<usize>) -> Diagnostic,
    /// How Markdown images are shown (`render::images`).
    pub image: markdown::ImageHook<'a>,
}

/// Renders `ex.body` with its shortcode calls `nodes`.
pub fn render(ex: &Expander, nodes: &[Node]) -> Page {
    if nodes.is_empty() {
        // Links that do not resolve stay as written: the build checks them all afterwards.
        let (mut rendered, _) = markdown::render_expanded(ex.body, ex.resolve, &[], ex.image);
        let diags = rendered.image_errors.drain(..).map(|(r, d)| (ex.place)(d, r)).collect();
        return Page { rendered, diags };
    }
    let mut run =
        Run { ex, html: Vec::new(), diags: Vec::new(), links: Vec::new(), spaced: Vec::new(), nth: HashMap::new() };
    let (text, map) = run.expand(0..ex.body.len(), nodes);
    let (mut rendered, _) = markdown::render_expanded(&text, ex.resolve, &run.html, ex.image);
    for (r, d) in rendered.image_errors.drain(..) {
        run.diags.push((ex.place)(d, map.range(&r)));
    }
    for link in &mut rendered.links {
        link.range = map.range(&link.range);
    }
    for r in &mut rendered.spaced {
        *r = map.range(r);
    }
    rendered.spaced.append(&mut run.spaced);
    rendered.links.append(&mut run.links);
    rendered.links.sort_by_key(|l| l.range.start);
    Page { rendered, diags: run.diags }
}

/// One page's expansion under way.
struct Run<'e, 'a> {
    ex: &'e Expander<'a>,
    /// The output of HTML shortcodes, by placeholder number.
    html: Vec<String>,
    diags: Vec<Diagnostic>,
    /// Links in the bodies of HTML shortcodes (rendered apart), with body ranges.
    links: Vec<Link>,
    spaced: Vec<Range<usize>>,
    /// Calls of each shortcode so far (`nth` in templates, as in Zola).
    nth: HashMap<String, usize>,
}

impl Run<'_, '_> {
    /// The text of `range` of the body with the calls in `nodes` expanded.
    fn expand(&mut self, range: Range<usize>, nodes: &[Node]) -> (String, OffsetMap) {
        let body = self.ex.body;
        let mut text = String::with_capacity(range.len());
        let mut map = OffsetMap::default();
        let copy = |text: &mut String, map: &mut OffsetMap, from: usize, to: usize| {
            if let Some(piece) = body.get(from..to).filter(|p| !p.is_empty()) {
                map.push(text.len(), from, true);
                // U+FFFD has the length of U+FFFC: offsets stay right.
                text.push_str(&piece.replace(MARK, "\u{fffd}"));
            }
        };
        let mut at = range.start;
        for node in nodes {
            let (span, output) = match node {
                Node::Escape(span, written) => (span, written.clone()),
                Node::Call(call) => (&call.span, self.call(call)),
                // Text, copied with what follows it.
                Node::Bare(..) => continue,
            };
            copy(&mut text, &mut map, at, span.start);
            map.push(text.len(), span.start, false);
            text.push_str(&output);
            at = span.end;
        }
        copy(&mut text, &mut map, at, range.end);
        (text, map)
    }

    /// What a call puts in the text: a Markdown shortcode's output, or an HTML one's
    /// placeholder. A failed call is reported and leaves nothing.
    fn call(&mut self, call: &Call) -> String {
        // Calls were checked against the definitions before rendering (resolve::shortcodes).
        let Some(def) = self.ex.templates.shortcodes.get(&call.name) else { return String::new() };
        let mut ctx = self.ex.context.clone();
        for arg in &call.args {
            if !RESERVED.contains(&arg.name.as_str()) {
                ctx.insert(arg.name.as_str(), &arg.value.to_json());
            }
        }
        if let Some(schema) = &def.schema {
            for (name, spec) in &schema.args {
                if let Some(default) = spec.default.as_ref().filter(|_| !call.args.iter().any(|a| &a.name == name)) {
                    ctx.insert(name.as_str(), default);
                }
            }
        }
        let nth = self.nth.entry(call.name.clone()).or_insert(0);
        *nth += 1;
        ctx.insert("nth", nth);
        if let Some(body) = &call.body {
            let kind = def.schema.as_ref().map_or(BodyKind::Markdown, |s| s.body);
            let value = if def.markdown {
                self.expand(body.span.clone(), &body.nodes).0.trim().to_owned()
            } else if kind == BodyKind::Text {
                self.ex.body.get(body.span.clone()).unwrap_or("").trim().to_owned()
            } else {
                self.body_html(body)
            };
            ctx.insert("body", &value);
        }
        match self.ex.tera.render(&def.template, &ctx) {
            Ok(out) if def.markdown => out,
            Ok(out) => {
                self.output_links(call, &out);
                // A template file's last newline would break the line the call sits on, and
                // the newline after a leading comment would open the page with an empty,
                // indented line; NUL never reaches the output (as in the page's own text).
                self.html.push(out.trim().replace('\0', "\u{fffd}"));
                placeholder::token(self.html.len() - 1)
            }
            Err(e) => {
                self.diags.push(self.failed(call, def, &e));
                String::new()
            }
        }
    }

    /// The links and images an HTML shortcode wrote, so the build checks them like the
    /// page's own: placed at the argument that gave the address, else at the call.
    fn output_links(&mut self, call: &Call, html: &str) {
        for raw in crate::render::raw_html::links(html) {
            let Some(written) = html.get(raw.range.clone()) else { continue };
            let written = written.trim();
            let arg = call.args.iter().find(|a| a.value == Value::Text(written.to_owned()));
            let range = arg.map_or(call.span.clone(), |a| a.value_span.clone());
            // What the template wrote is a URL, under the base path; links are checked as
            // site paths.
            let dest = match written.strip_prefix(self.ex.base_path) {
                Some(rest) if written.starts_with('/') => format!("/{rest}"),
                _ => written.to_owned(),
            };
            let decorative = raw.alt.as_deref() == Some("");
            let alt = raw.alt.unwrap_or_default();
            self.links.push(Link { dest, range, image: raw.image, empty: false, alt, html: true, decorative });
        }
    }

    /// A body rendered as Markdown. A body on one line is inline: no paragraph around it.
    fn body_html(&mut self, body: &Body) -> String {
        let (text, map) = self.expand(body.span.clone(), &body.nodes);
        let (rendered, _) = markdown::render_expanded(&text, self.ex.resolve, &self.html, self.ex.image);
        for (r, d) in rendered.image_errors {
            self.diags.push((self.ex.place)(d, map.range(&r)));
        }
        self.links.extend(rendered.links.into_iter().map(|l| Link { range: map.range(&l.range), ..l }));
        self.spaced.extend(rendered.spaced.iter().map(|r| map.range(r)));
        let html = rendered.html;
        if !text.contains('\n') {
            if let Some(inner) = html.strip_prefix("<p>").and_then(|h| h.strip_suffix("</p>\n")) {
                if !inner.contains("<p>") {
                    return inner.to_owned();
                }
            }
        }
        html
    }

    /// A shortcode template's error, at the call, naming where the template failed.
    fn failed(&self, call: &Call, def: &Definition, e: &tera::Error) -> Diagnostic {
        let placed = self.ex.templates.error(e, Some(&def.template));
        let mut at = placed.path.as_ref().map_or(def.template.clone(), |p| p.display().to_string().replace('\\', "/"));
        if let Some(line) = placed.line {
            at.push_str(&format!(":{line}"));
            if let Some(col) = placed.col {
                at.push_str(&format!(":{col}"));
            }
        }
        let message =
            crate::msg!(ShortcodeFailed, name = call.name.as_str(), error = placed.message.as_str(), at = at.as_str());
        let d = Diagnostic::error(Kind::ShortcodeFailed, message);
        // A shortcode made to wrap text, called without any: the template is not at fault.
        let hint = if call.body.is_none() && placed.message.starts_with("Variable `body` not found") {
            crate::msg!(ShortcodeNeedsBodyHint, name = call.name.as_str())
        } else {
            crate::msg!(ShortcodeFailedHint, at = at)
        };
        (self.ex.place)(d, call.name_span.clone()).hint(hint)
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn offsets_map_back_to_the_body() {
        // body: "ab{{ x() }}cd" → expanded "abXYZcd"
        let mut map = OffsetMap::default();
        map.push(0, 0, true);
        map.push(2, 2, false);
        map.push(5, 11, true);
        assert_eq!(map.to_body(1), 1);
        assert_eq!(map.to_body(3), 2);
        assert_eq!(map.to_body(6), 12);
        assert_eq!(map.range(&(1..6)), 1..12);
    }
}
