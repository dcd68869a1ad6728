//! `sito check`: every build-time validation without writing output, plus what a build does
//! not look at: local links and anchors (`links`), missing and out-of-date translations
//! (`translations`), interface strings (`strings`), content rules (`rules`) and, on request,
//! external links (`external`). Findings are `Diagnostic`s; `report` prints them.

pub mod external;
pub mod mark;
pub mod report;
pub mod rules;
pub mod strings;
pub mod translations;

use crate::build::{links, Prepared};
use crate::diag::{Diagnostic, Severity};
use crate::output::MemorySink;
use crate::render::finish::Finish;
use serde::Serialize;
use std::path::PathBuf;

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
    let mut prepared = Prepared::load(&opts.root, opts.base_url.as_deref(), opts.drafts)?;
    // What the last `sito build` published, to tell links to removed pages (read only).
    prepared.previous = crate::output::Manifest::read(&opts.root.join("public")).ok().flatten();
    let sink = MemorySink::default();
    let rendered = prepared.render_unchecked(&sink, Finish::default()).map_err(|mut d| {
        crate::diag::sort(&mut d);
        d
    })?;
    let site = &prepared.shared.site;
    let scans = rendered.scans;

    let mut findings: Vec<Finding> = Vec::new();
    let mut push = |d: Vec<Diagnostic>| findings.extend(d.into_iter().map(Finding::from));
    let renderer = prepared.renderer();
    let template_of = |id: usize| renderer.template_for(&site.entries[id]);
    let made_by = crate::build::template_links::MadeBy { sink: &sink, template_of: &template_of };
    push(links::verify(site, &scans, &rendered.outputs, prepared.previous.as_ref(), None, &made_by).0);
    if let Some(previous) = &prepared.previous {
        // An address `sito build` would refuse to drop: `check` said "no problems" before.
        let now = crate::build::removed::published(site, &prepared.aliases);
        push(crate::build::removed::removed(site, previous, &now));
    }
    push(crate::publish::warnings(site, &prepared.statics.files));
    push(prepared.shared.i18n.warnings.clone());
    push(rules::check(site, &scans));
    push(strings::check(site, &prepared.shared.i18n, &prepared.templates));
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

pub use crate::build::links::{at_body, shown};
