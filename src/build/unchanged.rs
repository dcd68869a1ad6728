//! A rebuild with nothing changed (issue 17) answers from a few stats instead of loading the
//! site. Every build takes a census of its inputs (each file's path and `trace::Stamp`: size,
//! modification and change times, inode) before reading them; after it applied, it keeps that census with a stamp of the
//! output folder as it left it and the report it gave (`.sito/cache/build/*.quick`). The
//! next build with the same settings, the same census, the same output folder and the same
//! answers to the environment variables its pages read repeats the report and touches
//! nothing. Any difference, or any doubt, means the normal build, which is always right.
//!
//! Why stats can be trusted: a file's times can only stay the same across an edit when the
//! edit falls in the same tick of the file system's clock as the census (a modification
//! time set back by `cp -p` still moves the change time). A census in which a file was
//! modified or changed less than `stamp::SETTLED` ago is therefore not kept at all (git's "racy
//! clean" rule).

use super::Report;
use crate::diag::{Diagnostic, Kind, Severity};
use crate::hash::Key;
use crate::output::Applied;
use crate::render::images::Counts;
use crate::stamp::Stamp;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bumped whenever what the file holds changes meaning.
const FORMAT: u32 = 3;

/// Where the inputs of a site are: what `sito serve` watches.
const INPUTS: [&str; 6] = ["site.toml", "content", "themes", "i18n", "static", "templates"];

/// The census of a site's inputs taken before a build reads them: `None` when a file is too
/// recent for its time to tell an edit apart.
#[derive(Clone, Copy)]
pub struct Census(Option<u64>);

impl Census {
    /// Whether the census can be kept: without it, no census file is written.
    pub fn trusted(&self) -> bool {
        self.0.is_some()
    }
}

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
    key: u64,
    outputs: u64,
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

/// The stamp of the output folder `out` as it is, and of its manifest: the folder stamped as
/// the census stamps an input folder (per folder, sub-folders in parallel).
fn outputs(out: &Path) -> Option<u64> {
    let folder = stamp(out, &std::fs::metadata(out).ok()?, None, 0)?;
    with_manifest(out, folder)
}

/// The same stamp from what a build knows: after it applied, `out` holds exactly the `files`
/// it produced; `known` has the stamps the build record took of most of them, the others
/// are read. The folders' hashes are made from the paths as `stamp` makes them from the
/// folders, without listing `public/` again (a tenth of a one-page rebuild).
pub fn outputs_known<'a>(
    out: &Path,
    files: impl Iterator<Item = &'a str>,
    known: &std::collections::HashMap<&str, Stamp>,
) -> Option<u64> {
    use rayon::prelude::*;
    let files: Vec<&str> = files.collect();
    let stamps = files
        .par_iter()
        .map(|rel| known.get(rel).copied().or_else(|| Stamp::of(&out.join(rel))))
        .collect::<Option<Vec<_>>>()?;
    let mut root = Tree::default();
    for (rel, stamp) in files.iter().zip(stamps) {
        root.insert(&rel.split('/').collect::<Vec<_>>(), stamp)?;
    }
    with_manifest(out, root.hash())
}

/// Files by folder, names in the order `stamp` reads them (bytes, as the file system's
/// names sort).
#[derive(Default)]
struct Tree(std::collections::BTreeMap<String, Node>);

enum Node {
    File(Stamp),
    Folder(Tree),
}

impl Tree {
    fn insert(&mut self, parts: &[&str], stamp: Stamp) -> Option<()> {
        let (name, rest) = parts.split_first()?;
        if rest.is_empty() {
            return self.0.insert((*name).to_owned(), Node::File(stamp)).is_none().then_some(());
        }
        match self.0.entry((*name).to_owned()).or_insert_with(|| Node::Folder(Tree::default())) {
            Node::Folder(tree) => tree.insert(rest, stamp),
            Node::File(_) => None,
        }
    }

    /// As `stamp` hashes a folder.
    fn hash(&self) -> u64 {
        let mut h = Key::default();
        for (name, node) in &self.0 {
            let child = match node {
                Node::File(stamp) => stamp.key(),
                Node::Folder(tree) => tree.hash(),
            };
            h.text(name).number(child);
        }
        h.finish()
    }
}

fn with_manifest(out: &Path, folder: u64) -> Option<u64> {
    let mut h = Key::from(folder);
    Stamp::of(&crate::output::manifest::marker_path(out))?.hash_into(&mut h);
    Some(h.finish())
}

fn path(record: &Path) -> PathBuf {
    record.with_extension("quick")
}

/// The report of the last build into `out` when nothing it depends on changed since.
pub fn check(record: &Path, out: &Path, census: Census, settings: &Settings, start: Instant) -> Option<Report> {
    let key = key(census, settings)?;
    let file: File = postcard::from_bytes(&std::fs::read(path(record)).ok()?).ok()?;
    let same = file.format == FORMAT
        && file.version == env!("CARGO_PKG_VERSION")
        && file.key == key
        && file.env.iter().all(|(args, answer)| crate::render::functions::env_answer(args) == Some(*answer))
        && outputs(out) == Some(file.outputs);
    if !same {
        return None;
    }
    let warnings = file.warnings.into_iter().map(Warning::into_diagnostic).collect::<Option<Vec<_>>>()?;
    Some(Report {
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
/// `outputs` is the stamp of the output folder it left (`outputs_known`). Without a census
/// or a stamp to trust, makes sure no older file is used.
pub fn write(
    record: &Path,
    census: Census,
    settings: &Settings,
    report: &Report,
    env: Vec<(String, u64)>,
    outputs: Option<u64>,
) {
    let file = key(census, settings).zip(outputs).map(|(key, outputs)| File {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_owned(),
        key,
        outputs,
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
