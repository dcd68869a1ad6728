//! Printing what `check` found: for people, grouped by file with a header per file (coloured
//! on a terminal), the translation table and a summary; or one JSON document for CI:
//! `{ "errors": N, "warnings": N, "findings": [{severity, kind, path, line, col, message,
//! hint, diff?}] }`.

use super::{translations, Finding, Report};
use crate::msg;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(Serialize)]
struct Json<'a> {
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
}

pub fn print(report: &Report, json: bool) {
    let text = if json {
        let doc = Json { errors: report.errors(), warnings: report.warnings(), findings: &report.findings };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    } else {
        let color = crate::diag::color(&std::io::stdout());
        human(report, color)
    };
    // A closed pipe (`sito check | head`) is not worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub fn human(report: &Report, color: bool) -> String {
    let (bold, reset) = if color { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
    let mut out = String::new();
    let mut i = 0;
    let findings = &report.findings;
    while i < findings.len() {
        let path = &findings[i].diag.path;
        let group = findings[i..].iter().take_while(|f| &f.diag.path == path).count();
        let errors = findings[i..i + group].iter().filter(|f| f.diag.is_error()).count();
        let name = path.as_ref().map_or_else(|| msg!(CheckSite), |p| p.display().to_string().replace('\\', "/"));
        let mut counts = Vec::new();
        if errors > 0 {
            counts.push(msg!(CheckErrors, count = errors));
        }
        if group > errors {
            counts.push(msg!(CheckWarnings, count = group - errors));
        }
        let _ = writeln!(out, "{bold}── {name}{reset} ({})\n", counts.join(", "));
        for f in &findings[i..i + group] {
            out.push_str(&f.diag.render(color));
            if let Some(diff) = &f.diff {
                out.push_str(&translations::paint_diff(diff, "      ", color));
            }
            out.push('\n');
        }
        i += group;
    }
    if let Some(status) = &report.translations {
        if !status.langs.is_empty() {
            out.push_str(&translations::table(status, false, color));
            out.push('\n');
        }
    }
    let files = {
        let mut paths: Vec<_> = findings.iter().map(|f| &f.diag.path).collect();
        paths.dedup();
        paths.len()
    };
    let errors = msg!(CheckErrors, count = report.errors());
    let summary = if report.translations.is_none() {
        msg!(CheckDoesNotBuild, errors = errors)
    } else if findings.is_empty() {
        msg!(CheckClean, entries = report.entries, links = report.links)
    } else {
        let warnings = msg!(CheckWarnings, count = report.warnings());
        msg!(CheckSummary, errors = errors, warnings = warnings, files = msg!(CheckFiles, count = files))
    };
    let _ = writeln!(out, "{bold}{summary}{reset}");
    out
}
