//! Content rules, all warnings (errors with `--strict`): images without alt text, links
//! without text, pages without `description`, headings that skip a level, and titles used
//! twice within a language.

use super::{at_body, shown};
use crate::diag::{Diagnostic, Kind};
use crate::render::Scan;
use crate::resolve::{Entry, Site};
use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::ops::Range;

pub fn check(site: &Site, scans: &[Scan]) -> Vec<Diagnostic> {
    let per_entry: Vec<Vec<Diagnostic>> = site
        .entries
        .par_iter()
        .zip(scans)
        .map(|(e, scan)| {
            let mut diags = links(e, scan);
            diags.extend(heading_skips(e));
            diags.extend(description(e));
            diags
        })
        .collect();
    let mut diags: Vec<Diagnostic> = per_entry.into_iter().flatten().collect();
    diags.extend(duplicate_titles(site));
    diags
}

fn links(e: &Entry, scan: &Scan) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for l in &scan.links {
        if l.image && l.alt.trim().is_empty() && !l.decorative {
            let d = Diagnostic::warning(Kind::MissingAlt, crate::msg!(MissingAlt, dest = l.dest.as_str()));
            let hint = crate::msg!(MissingAltHint);
            diags.push(at_body(d, e, l.range.start, l.range.len()).hint(hint));
        } else if !l.image && l.empty {
            let d = Diagnostic::warning(Kind::EmptyLink, crate::msg!(EmptyLink, dest = l.dest.as_str()));
            let hint = crate::msg!(EmptyLinkHint);
            diags.push(at_body(d, e, l.range.start, l.range.len()).hint(hint));
        }
    }
    diags
}

/// (level, byte range) of every heading in a body.
fn headings(body: &str) -> Vec<(u8, Range<usize>)> {
    Parser::new_ext(body, crate::render::markdown::options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Heading { level, .. }) => Some((crate::render::markdown::heading_number(level), range)),
            _ => None,
        })
        .collect()
}

/// A heading more than one level below the one before it. The page title is the `h1` the
/// templates print, so the body's first heading should be `##`.
fn heading_skips(e: &Entry) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut previous = 1;
    for (level, range) in headings(&e.src.body()) {
        if level > previous + 1 {
            let marks = e.src.body().get(range.clone()).unwrap_or_default().chars().take_while(|c| *c == '#').count();
            let len = if marks > 0 { marks } else { range.len() };
            let wanted = "#".repeat(usize::from(previous) + 1);
            let d =
                Diagnostic::warning(Kind::HeadingSkip, crate::msg!(HeadingSkip, previous = previous, level = level));
            let hint = if previous == 1 {
                crate::msg!(HeadingSkipFirstHint, wanted = wanted)
            } else {
                crate::msg!(HeadingSkipHint, wanted = wanted)
            };
            diags.push(at_body(d, e, range.start, len).hint(hint));
        }
        previous = level;
    }
    diags
}

fn description(e: &Entry) -> Option<Diagnostic> {
    if e.src.fm.description.as_deref().is_some_and(|d| !d.trim().is_empty()) {
        return None;
    }
    let d = Diagnostic::warning(Kind::MissingDescription, crate::msg!(MissingDescription));
    // At an empty `description = ""` when there is one, else where it would go.
    let at = if e.src.front.has("description") { "description" } else { "title" };
    Some(e.src.at_key(d, at).hint(crate::msg!(MissingDescriptionHint)))
}

/// Titles used by more than one page or section of a language: each one after the first
/// (in file order) is reported, naming the first.
fn duplicate_titles(site: &Site) -> Vec<Diagnostic> {
    let mut by_title: BTreeMap<(usize, String), Vec<&Entry>> = BTreeMap::new();
    for e in &site.entries {
        by_title.entry((e.lang(), e.src.fm.title.trim().to_lowercase())).or_default().push(e);
    }
    let mut diags = Vec::new();
    for mut group in by_title.into_values().filter(|g| g.len() > 1) {
        group.sort_by(|a, b| a.src.rel.cmp(&b.src.rel));
        let first = shown(group[0]).display().to_string().replace('\\', "/");
        for e in &group[1..] {
            let message = crate::msg!(DuplicateTitle, title = e.src.fm.title.trim(), first = first.as_str());
            let d = Diagnostic::warning(Kind::DuplicateTitle, message);
            diags.push(e.src.at_key(d, "title").hint(crate::msg!(DuplicateTitleHint)));
        }
    }
    diags
}
