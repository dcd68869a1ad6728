//! Links that templates write (E0606). Every HTML file the build writes is read for the
//! addresses it points at as it passes to the sink (`output::Recording`), whoever wrote
//! them; those of content files were checked at their line before (`links`), so this runs
//! only when they passed, and what it finds comes from templates, partials, macros and
//! shortcodes. Only the address is checked, not the anchor: a template's `#top` is its own.
//!
//! A file the build kept as the last build left it is not read again when the output holds
//! the same paths as then: its links were sound when it was written, and every path they
//! could name is still there. When a path went (or the last build's checks are unknown),
//! the kept files are read back from the sink.

use super::links::Built;
use crate::diag::{Diagnostic, Kind};
use crate::msg;
use crate::output::{html_scan, targets, Outputs};
use crate::render::Sink;
use crate::resolve::Site;
use rayon::prelude::*;

/// What made the files whose links are checked.
pub struct MadeBy<'a> {
    pub sink: &'a dyn Sink,
    /// The template an entry is rendered with.
    pub template_of: &'a (dyn Fn(usize) -> String + Sync),
}

/// So many broken addresses come from one mistake (a template that builds every page's
/// links wrong): the first are enough to find it.
const SHOWN: usize = 20;

pub fn check(site: &Site, built: &Built, outputs: &Outputs, reread: bool, made_by: &MadeBy) -> Vec<Diagnostic> {
    let base = &site.config.base_path;
    let mut broken: Vec<(&str, &str)> = outputs
        .targets
        .iter()
        .filter(|(target, _)| !reaches(built, base, target))
        .map(|(target, first)| (&**first, &**target))
        .collect();
    let kept = if reread { kept_targets(outputs, base, made_by.sink) } else { Vec::new() };
    broken
        .extend(kept.iter().filter(|(_, target)| !reaches(built, base, target)).map(|(f, t)| (f.as_str(), t.as_str())));
    // One message per address, at the first file (in path order) that has it.
    broken.sort_unstable();
    let mut seen = std::collections::HashSet::new();
    broken.retain(|(_, target)| seen.insert(*target));
    let mut diags: Vec<Diagnostic> =
        broken.iter().take(SHOWN).map(|(file, target)| diagnostic(site, built, file, target, made_by)).collect();
    if broken.len() > SHOWN {
        let more = msg!(TemplateLinkMore, count = broken.len() - SHOWN);
        diags.push(Diagnostic::error(Kind::TemplateLink, more));
    }
    diags
}

/// The entry whose template made the output `file`: its own page, or the list a pager
/// (`reti/pagina/2/index.html`) continues.
fn maker(site: &Site, built: &Built, file: &str) -> Option<usize> {
    built.entry_of(file).or_else(|| {
        let folder = file.strip_suffix("index.html")?.strip_suffix('/')?;
        let (rest, n) = folder.rsplit_once('/')?;
        let (list, segment) = rest.rsplit_once('/').unwrap_or(("", rest));
        let is_pager = n.parse::<usize>().is_ok() && site.pager_segments.iter().any(|s| s == segment);
        let list = if list.is_empty() { "index.html".to_owned() } else { format!("{list}/index.html") };
        is_pager.then(|| built.entry_of(&list)).flatten()
    })
}

/// The addresses the kept HTML files point at, each with the file.
fn kept_targets(outputs: &Outputs, base: &str, sink: &dyn Sink) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = outputs
        .kept_html
        .par_iter()
        .flat_map_iter(|rel| {
            let html = sink.read_kept(rel).unwrap_or_default();
            let found = html_scan::scan(&String::from_utf8_lossy(&html));
            targets(rel, base, &found).map(|t| (rel.clone(), t)).collect::<Vec<_>>()
        })
        .collect();
    found.sort_unstable();
    found
}

/// Whether the URL path `target` names a file of the build under the site's `base` path.
fn reaches(built: &Built, base: &str, target: &str) -> bool {
    let Some(path) = under(base, target) else { return false };
    built.find(path).is_some()
}

/// `target` as a site path, when it is under the site's `base` path. Targets are decoded
/// (`join`); the base path is written escaped (`/citt%C3%A0/`).
fn under<'t>(base: &str, target: &'t str) -> Option<&'t str> {
    let base = percent_encoding::percent_decode_str(base.trim_end_matches('/')).decode_utf8_lossy();
    let path = target.strip_prefix(&*base)?;
    let path = if path.is_empty() { "/" } else { path };
    path.starts_with('/').then_some(path)
}

fn diagnostic(site: &Site, built: &Built, file: &str, target: &str, made_by: &MadeBy) -> Diagnostic {
    let base = &site.config.base_path;
    let shown = percent_encoding::percent_decode_str(base).decode_utf8_lossy();
    let page = format!("{}{}", shown.trim_end_matches('/'), super::links::site_path(file));
    let d = Diagnostic::error(Kind::TemplateLink, msg!(TemplateLinkBroken, page = page.as_str(), target = target));
    let template = match maker(site, built, file) {
        Some(id) => msg!(TemplateLinkNamed, name = (made_by.template_of)(id)),
        None if file.ends_with("404.html") => msg!(TemplateLinkNamed, name = "404.html"),
        None => msg!(TemplateLinkOther, page = page.as_str()),
    };
    let hint = match under(base, target) {
        Some(path) => super::links::target_hint(site, built, path),
        None => msg!(TemplateLinkOutside, target = target, base = &*shown),
    };
    d.hint(msg!(TemplateLinkHint, template = template, hint = hint))
}
