//! `sito check`: every build-time validation without writing output, plus what a build does
//! not look at: local links and anchors (`links`), missing and out-of-date translations
//! (`translations`), interface strings (`strings`), content rules (`rules`) and, on request,
//! external links (`external`). Findings are `Diagnostic`s; `report` prints them.

pub mod external;
pub mod links;
pub mod mark;
pub mod report;
pub mod rules;
pub mod strings;
pub mod translations;

use crate::build::Prepared;
use crate::diag::{Diagnostic, Severity};
use crate::output::{MemoryFile, MemorySink};
use crate::render::finish::Finish;
use crate::resolve::Entry;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub strict: bool,
    pub json: bool,
    pub external: bool,
}

/// One thing `check` found: a diagnostic, and for a stale translation what changed in the
/// original since it was translated.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub diag: Diagnostic,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
}

impl From<Diagnostic> for Finding {
    fn from(diag: Diagnostic) -> Self {
        Finding { diag, diff: None }
    }
}

/// Everything one run found.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Missing and stale translations per language (absent when the site did not load).
    pub translations: Option<translations::Status>,
    /// Pages and sections checked.
    pub entries: usize,
    /// Links and images checked.
    pub links: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.diag.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// 0 when clean, 1 on errors (with `--strict`, warnings have become errors).
    pub fn exit_code(&self) -> u8 {
        u8::from(self.errors() > 0)
    }
}

/// Runs the checks, prints the findings, returns the exit code (0 clean, 1 errors, or
/// warnings with --strict).
pub fn run(opts: &Options) -> u8 {
    let report = check(opts);
    report::print(&report, opts.json);
    report.exit_code()
}

/// Runs every check and returns what they found, sorted; with `strict`, warnings are
/// promoted to errors. A site that does not build yields just the build's errors.
pub fn check(opts: &Options) -> Report {
    let mut report = match collect(opts) {
        Ok(r) => r,
        Err(diags) => Report { findings: diags.into_iter().map(Finding::from).collect(), ..Report::default() },
    };
    report.findings.sort_by(|a, b| order(&a.diag, &b.diag));
    if opts.strict {
        for f in &mut report.findings {
            f.diag.severity = Severity::Error;
        }
    }
    report
}

/// `diag::sort`'s order (file, position, severity, message), then kind, so findings at one
/// spot come out the same every time.
fn order(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (&a.path, a.line, a.col, a.severity, &a.message, a.kind)
        .cmp(&(&b.path, b.line, b.col, b.severity, &b.message, b.kind))
}

fn collect(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let prepared = Prepared::load(&opts.root, opts.base_url.as_deref(), opts.drafts)?;
    let sink = MemorySink::default();
    let rendered = prepared.render(&sink, Finish::default()).map_err(|mut d| {
        crate::diag::sort(&mut d);
        d
    })?;
    let files = sink.into_files();
    let site = &prepared.shared.site;
    let scans = rendered.scans;
    let built = links::Built::new(site, &files, &scans);

    let mut findings: Vec<Finding> = Vec::new();
    let mut push = |d: Vec<Diagnostic>| findings.extend(d.into_iter().map(Finding::from));
    push(links::check(site, &scans, &built));
    push(links::check_menus(site, &opts.root, &built));
    push(rules::check(site, &opts.root, &scans));
    push(strings::check(&opts.root, site, &prepared.shared.i18n, &prepared.templates));
    let mut status = translations::status(site, &opts.root);
    findings.append(&mut status.findings);
    if opts.external {
        findings.extend(external::check(site, &scans).into_iter().map(Finding::from));
    }
    Ok(Report {
        findings,
        translations: Some(status),
        entries: site.entries.len(),
        links: scans.iter().map(|s| s.links.len()).sum(),
    })
}

/// `content/reti/c40.md`: how findings name an entry's file.
pub fn shown(e: &Entry) -> PathBuf {
    Path::new("content").join(&e.src.rel)
}

/// A diagnostic placed at `len` bytes from `offset` in the entry's body, underlining at most
/// the rest of that line.
pub fn at_body(d: Diagnostic, e: &Entry, offset: usize, len: usize) -> Diagnostic {
    let body = &e.src.body;
    let line_end = body[offset.min(body.len())..].find('\n').map_or(body.len(), |i| offset + i);
    let len = body.get(offset..line_end.min(offset + len)).map_or(1, |s| s.chars().count().max(1));
    d.in_file(shown(e)).at_offset(body, e.src.body_line, offset, len)
}

/// A diagnostic placed at a top-level front-matter key of an entry's file (the file is read
/// again: the loaded entry keeps only the parsed values). Falls back to line 1.
pub fn at_front_key(d: Diagnostic, root: &Path, e: &Entry, key: &str) -> Diagnostic {
    let d = d.in_file(shown(e));
    let Ok(text) = std::fs::read_to_string(root.join("content").join(&e.src.rel)) else {
        return d.line_only(1);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let Ok(split) = crate::load::front_matter::split(text, Path::new("")) else {
        return d.line_only(1);
    };
    match crate::load::toml_input::key_position(split.front, "", key) {
        Some((line, col)) => {
            let mut d = d.at(split.front, line, col, key.len());
            d.line = Some(line + 1);
            d
        }
        None => d.at(text, 1, 1, 3),
    }
}

/// Output files as the site paths a link would name: `reti/c40/index.html` → `/reti/c40/`,
/// `css/site.css` → `/css/site.css`.
pub fn site_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{file}"),
    }
}

/// The text of an HTML output file, if it is one.
pub fn html_text(file: &MemoryFile) -> Option<String> {
    match file {
        MemoryFile::Bytes(b) => std::str::from_utf8(b).ok().map(str::to_owned),
        MemoryFile::Source(p) => std::fs::read_to_string(p).ok(),
    }
}

/// Output files produced by the render, by path.
pub type Files = BTreeMap<String, MemoryFile>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files_as_site_paths() {
        assert_eq!(site_path("index.html"), "/");
        assert_eq!(site_path("reti/c40/index.html"), "/reti/c40/");
        assert_eq!(site_path("css/site.css"), "/css/site.css");
        assert_eq!(site_path("404.html"), "/404.html");
        assert_eq!(site_path("myindex.html"), "/myindex.html");
    }
}
