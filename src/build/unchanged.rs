//! A rebuild with nothing changed (issue 17) answers from a few stats instead of loading the
//! site. Every build takes a census of its inputs (each file's path and `stamp::Stamp`: size,
//! modification and change times, inode) before reading them; after it applied, it keeps
//! that census with what it left in the output (`output::Left`: every file and folder) and
//! the report it gave (`.sito/cache/build/*.quick`). The next build with the same settings,
//! the same census, the same output and the same answers to the environment variables its
//! pages read repeats the report and touches nothing. Any difference, or any doubt, means
//! the normal build, which is always right.
//!
//! Why stats can be trusted: a file's times can only stay the same across an edit when the
//! edit falls in the same tick of the file system's clock as the census (a modification
//! time set back by `cp -p` still moves the change time). A census in which a file was
//! modified or changed less than `stamp::SETTLED` ago is therefore not kept at all (git's
//! "racy clean" rule); an output folder that recent is listed rather than stamped.

use super::Report;
use crate::diag::{Diagnostic, Kind, Severity};
use crate::hash::Key;
use crate::output::{Applied, Left};
use crate::render::images::Counts;
use crate::stamp::Stamp;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bumped whenever what the file holds changes meaning.
const FORMAT: u32 = 5;

/// Where the inputs of a site are: what `sito serve` watches.
const INPUTS: [&str; 6] = ["site.toml", "content", "themes", "i18n", "static", "templates"];

/// The census of a site's inputs taken before a build reads them: `None` when a file is too
/// recent for its time to tell an edit apart.
#[derive(Clone, Copy)]
pub struct Census(Option<u64>);

/// The settings that change what a build writes, with the census.
pub struct Settings<'a> {
    pub base_url: Option<&'a str>,
    pub drafts: bool,
    pub relative: bool,
    pub minify: bool,
}

#[derive(Serialize, Deserialize)]
struct File {
    format: u32,
    version: String,
    /// `None` when the census could not be kept: the file then only says what the build left.
    key: Option<u64>,
    left: Left,
    /// Each `get_env` call a page made (its arguments) with the hash of its answer.
    env: Vec<(String, u64)>,
    pages: Vec<(String, usize)>,
    files: usize,
    drafts: usize,
    images: usize,
    reused: usize,
    warnings: Vec<Warning>,
}

/// A warning as the last build reported it.
#[derive(Serialize, Deserialize)]
struct Warning {
    code: String,
    path: Option<PathBuf>,
    line: Option<usize>,
    col: Option<usize>,
    len: usize,
    message: String,
    hint: Option<String>,
    source_line: Option<String>,
}

/// Takes the census of the site at `root`.
pub fn census(root: &Path) -> Census {
    let settled = crate::stamp::settled_before();
    let mut h = Key::default();
    for top in INPUTS {
        let path = root.join(top);
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        // A file that cannot be read is the normal build's to report.
        let Some(stamp) = stamp(&path, &meta, Some(settled), 0) else { return Census(None) };
        h.text(top).number(stamp);
    }
    Census(Some(h.finish()))
}

/// Symbolic links are followed (content may be linked in); this deep means a loop.
const DEEPEST: usize = 64;

/// The hash of a file's `Stamp`, or of a folder's names and their stamps, the
/// sub-folders read in parallel: ten thousand files take a few stats each, not a walk of
/// full paths. `None` when something cannot be read, or is not older than `settled`.
fn stamp(path: &Path, meta: &std::fs::Metadata, settled: Option<i128>, depth: usize) -> Option<u64> {
    use rayon::prelude::*;
    if !meta.is_dir() {
        let file = Stamp::from_metadata(meta)?;
        return settled.is_none_or(|s| file.latest_ns() < s).then(|| file.key());
    }
    if depth > DEEPEST {
        return None;
    }
    let mut entries = std::fs::read_dir(path).ok()?.collect::<Result<Vec<_>, _>>().ok()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    let stamps = entries
        .par_iter()
        .map(|e| {
            let meta = e.metadata().ok()?;
            let meta = if meta.is_symlink() { std::fs::metadata(e.path()).ok()? } else { meta };
            stamp(&e.path(), &meta, settled, depth + 1)
        })
        .collect::<Option<Vec<u64>>>()?;
    let mut h = Key::default();
    for (e, stamp) in entries.iter().zip(stamps) {
        h.text(&e.file_name().to_string_lossy()).number(stamp);
    }
    Some(h.finish())
}

/// The hash of what decides a build's output besides the files: sito, the settings, and the
/// language messages are printed in (the warnings kept are in it).
fn key(census: Census, settings: &Settings) -> Option<u64> {
    let mut h = Key::from(census.0?);
    h.number(u64::from(FORMAT)).text(env!("CARGO_PKG_VERSION")).text(crate::diag::language().code());
    h.text(settings.base_url.unwrap_or("\u{0}"));
    for flag in [settings.drafts, settings.relative, settings.minify] {
        h.number(u64::from(flag));
    }
    Some(h.finish())
}

fn path(record: &Path) -> PathBuf {
    record.with_extension("quick")
}

/// The report of the last build into `out` when nothing it depends on changed since; else
/// what that build left in `out`, when it said.
pub fn check(
    record: &Path,
    out: &Path,
    census: Census,
    settings: &Settings,
    start: Instant,
) -> Result<Report, Option<Left>> {
    let read = std::fs::read(path(record)).ok().and_then(|b| postcard::from_bytes::<File>(&b).ok());
    let mut file = read.filter(|f| f.format == FORMAT && f.version == env!("CARGO_PKG_VERSION")).ok_or(None)?;
    let same = file.key.is_some_and(|k| key(census, settings) == Some(k))
        && file.env.iter().all(|(args, answer)| crate::render::functions::env_answer(args) == Some(*answer));
    if !same {
        return Err(Some(file.left));
    }
    match file.left.unchanged(out) {
        None => return Err(Some(file.left)),
        Some(Some(settled)) => {
            // Folders this build would list again are settled: keep their stamps instead.
            file.left = settled;
            super::record::store(&path(record), Some(&file));
        }
        Some(None) => {}
    }
    let warnings = file.warnings.into_iter().map(Warning::into_diagnostic).collect::<Option<Vec<_>>>().ok_or(None)?;
    Ok(Report {
        pages: file.pages,
        applied: Applied { written: 0, unchanged: file.files, removed: 0 },
        elapsed: start.elapsed(),
        warnings,
        drafts: file.drafts,
        removed: 0,
        images: Counts { encoded: 0, cached: file.images },
        reused: file.reused,
    })
}

/// Keeps what the next build needs to find that nothing changed, after `report` applied:
/// `left` is what it left in the output folder. Without a census to trust, keeps only
/// `left`; without `left` either, makes sure no older file is used.
pub fn write(
    record: &Path,
    census: Census,
    settings: &Settings,
    report: &Report,
    env: Vec<(String, u64)>,
    left: Option<Left>,
) {
    let file = left.map(|left| File {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        key: key(census, settings),
        left,
        env,
        pages: report.pages.clone(),
        files: report.applied.written + report.applied.unchanged,
        drafts: report.drafts,
        images: report.images.encoded + report.images.cached,
        reused: report.pages.iter().map(|(_, n)| n).sum(),
        warnings: report.warnings.iter().map(Warning::from).collect(),
    });
    super::record::store(&path(record), file.as_ref());
}

/// Removes what the last build said it left (the output is no longer that).
pub fn forget(record: &Path) {
    let _ = std::fs::remove_file(path(record));
}

impl From<&Diagnostic> for Warning {
    fn from(d: &Diagnostic) -> Warning {
        Warning {
            code: d.kind.code().to_owned(),
            path: d.path.clone(),
            line: d.line,
            col: d.col,
            len: d.len,
            message: d.message.clone(),
            hint: d.hint.clone(),
            source_line: d.source_line.clone(),
        }
    }
}

impl Warning {
    fn into_diagnostic(self) -> Option<Diagnostic> {
        let kind = Kind::ALL.iter().copied().find(|k| k.code() == self.code)?;
        Some(Diagnostic {
            severity: Severity::Warning,
            kind,
            path: self.path,
            line: self.line,
            col: self.col,
            len: self.len,
            message: self.message,
            hint: self.hint,
            source_line: self.source_line,
        })
    }
}
