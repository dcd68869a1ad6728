//! A rebuild with nothing changed (issue 17) answers from a few stats instead of loading the
//! site. Every build takes a census of its inputs (each file's path and `stamp::Stamp`: size,
//! modification and change times, inode) before reading them; after it applied, it keeps
//! that census with the stamps of the output it left (`Outputs`: every file and folder) and
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
use crate::output::Applied;
use crate::render::images::Counts;
use crate::stamp::{Stamp, Under};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bumped whenever what the file holds changes meaning.
const FORMAT: u32 = 4;

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
    outputs: Outputs,
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

/// What the next build checks to tell that the output folder is still as a build left it,
/// without listing it: a stat of every file and of every folder. A folder's times move
/// whenever an entry is added to it or removed from it, so an unchanged stamp means the
/// same names inside; a folder written too recently for that (`stamp::SETTLED`, as the
/// census) is listed instead, until a check finds it settled and keeps its stamp.
#[derive(Serialize, Deserialize)]
pub struct Outputs {
    /// Every file the build left in the output, sorted.
    files: Vec<String>,
    /// The folders to list rather than stat (`""` is the output folder itself), sorted.
    listed: Vec<String>,
    /// Every file's stamp, every other folder's and the manifest's, hashed in order.
    hash: u64,
}

/// The folders of `files` (`""` the output itself), each with the names it holds.
fn folders(files: &[String]) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut folders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::from([("", BTreeSet::new())]);
    for rel in files {
        let mut child = rel.as_str();
        while let Some((parent, name)) = child.rsplit_once('/') {
            let fresh = !folders.contains_key(parent);
            folders.entry(parent).or_default().insert(name);
            if !fresh {
                break;
            }
            child = parent;
        }
        // Every chain of folders ends in the output folder itself.
        let top = child.split_once('/').map_or(child, |(top, _)| top);
        folders.entry("").or_default().insert(top);
    }
    folders
}

/// Whether the folder holds exactly `names`.
fn holds_only(dir: &Path, names: &BTreeSet<&str>) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else { return false };
    let mut found = 0;
    for entry in entries {
        let Ok(entry) = entry else { return false };
        if !entry.file_name().to_str().is_some_and(|n| names.contains(n)) {
            return false;
        }
        found += 1;
    }
    found == names.len()
}

impl Outputs {
    /// The output folder `out` as a build left it: it holds exactly the `files` it produced;
    /// `known` has the stamps the build record took of most of them, the others are read.
    pub fn known<'a>(
        out: &Path,
        files: impl Iterator<Item = &'a str>,
        known: &std::collections::HashMap<&str, Stamp>,
    ) -> Option<Outputs> {
        let mut files: Vec<String> = files.map(str::to_owned).collect();
        files.sort_unstable();
        let under = Under::open(out)?;
        let stamps = files
            .par_iter()
            .map(|rel| known.get(rel.as_str()).copied().or_else(|| under.stamp(rel, false)))
            .collect::<Option<Vec<_>>>()?;
        let settled = crate::stamp::settled_before();
        let folders: Vec<&str> = folders(&files).into_keys().collect();
        let folder_stamps = folders.par_iter().map(|rel| under.stamp(rel, true)).collect::<Option<Vec<_>>>()?;
        let kept = |s: &Stamp| s.latest_ns() < settled;
        let listed = folders.iter().zip(&folder_stamps).filter(|(_, s)| !kept(s)).map(|(f, _)| (*f).to_owned());
        let listed = listed.collect();
        let hash = Outputs::hash(out, &files, &stamps, folder_stamps.iter().filter(|s| kept(s)))?;
        Some(Outputs { files, listed, hash })
    }

    fn hash<'a>(
        out: &Path,
        files: &[String],
        stamps: &[Stamp],
        folders: impl Iterator<Item = &'a Stamp>,
    ) -> Option<u64> {
        let mut h = Key::default();
        for (rel, stamp) in files.iter().zip(stamps) {
            stamp.hash_into(h.text(rel));
        }
        for stamp in folders {
            stamp.hash_into(&mut h);
        }
        Stamp::of(&crate::output::manifest::marker_path(out))?.hash_into(&mut h);
        Some(h.finish())
    }

    /// Whether `out` is still as these outputs say: `None` if not; else, when folders
    /// that had to be listed are settled now, the outputs to keep instead.
    fn check(&self, out: &Path) -> Option<Option<Outputs>> {
        let folders = folders(&self.files);
        let listed = |rel: &str| self.listed.binary_search_by(|l| l.as_str().cmp(rel)).is_ok();
        let settled = crate::stamp::settled_before();
        let under = Under::open(out)?;
        // Stamped before it is listed: a change after the listing moves the stamp kept.
        let looked = folders
            .par_iter()
            .map(|(rel, names)| {
                let stamp = under.stamp(rel, true)?;
                (!listed(rel) || holds_only(&out.join(rel), names)).then_some(stamp)
            })
            .collect::<Option<Vec<Stamp>>>()?;
        let stamps = self.files.par_iter().map(|rel| under.stamp(rel, false)).collect::<Option<Vec<_>>>()?;
        let was_stamped = folders.keys().zip(&looked).filter(|(rel, _)| !listed(rel)).map(|(_, s)| s);
        if Outputs::hash(out, &self.files, &stamps, was_stamped)? != self.hash {
            return None;
        }
        let still: Vec<String> = folders
            .keys()
            .zip(&looked)
            .filter(|(rel, s)| listed(rel) && s.latest_ns() >= settled)
            .map(|(rel, _)| (*rel).to_owned())
            .collect();
        if still.len() == self.listed.len() {
            return Some(None);
        }
        let kept = folders.keys().zip(&looked).filter(|(rel, s)| !listed(rel) || s.latest_ns() < settled);
        let hash = Outputs::hash(out, &self.files, &stamps, kept.map(|(_, s)| s))?;
        Some(Some(Outputs { files: self.files.clone(), listed: still, hash }))
    }
}

fn path(record: &Path) -> PathBuf {
    record.with_extension("quick")
}

/// The report of the last build into `out` when nothing it depends on changed since.
pub fn check(record: &Path, out: &Path, census: Census, settings: &Settings, start: Instant) -> Option<Report> {
    let key = key(census, settings)?;
    let mut file: File = postcard::from_bytes(&std::fs::read(path(record)).ok()?).ok()?;
    let same = file.format == FORMAT
        && file.version == env!("CARGO_PKG_VERSION")
        && file.key == key
        && file.env.iter().all(|(args, answer)| crate::render::functions::env_answer(args) == Some(*answer));
    if !same {
        return None;
    }
    if let Some(settled) = file.outputs.check(out)? {
        // Folders this build would list again are settled: keep their stamps instead.
        file.outputs = settled;
        super::record::store(&path(record), Some(&file));
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
/// `outputs` is the output folder it left (`Outputs::known`). Without a census
/// or a stamp to trust, makes sure no older file is used.
pub fn write(
    record: &Path,
    census: Census,
    settings: &Settings,
    report: &Report,
    env: Vec<(String, u64)>,
    outputs: Option<Outputs>,
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
