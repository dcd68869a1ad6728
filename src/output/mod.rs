//! Output: the only code that writes the built site. Rendering hands finished files to a
//! `render::Sink`; the disk sink (`disk`) stages what changed beside the output folder and
//! applies it only once the whole build succeeded, so a failed build leaves the previous
//! output untouched and a rebuild rewrites only what changed. The memory sink keeps the
//! site for the preview server. Static files and page assets are copied here too.

mod disk;
pub mod html_scan;
mod left;
pub mod listing;
pub mod manifest;
mod record;

pub use disk::{Applied, ApplyError, DiskSink, Held};
pub use left::Left;
pub use manifest::{Manifest, Published};
pub use record::{targets, Outputs, Recording};

use crate::diag::Diagnostic;
use crate::load::statics::Statics;
use crate::render::{Sink, Writer};
use crate::resolve::Site;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Keeps the built site in memory (the preview server).
#[derive(Default)]
pub struct MemorySink {
    pub files: Mutex<BTreeMap<String, MemoryFile>>,
    /// The last build's files, which pages that did not change keep.
    previous: BTreeMap<String, MemoryFile>,
}

#[derive(Clone, Debug)]
pub enum MemoryFile {
    Bytes(std::sync::Arc<Vec<u8>>),
    /// A static file or asset, read from its source when asked for.
    Source(PathBuf),
}

impl MemorySink {
    /// A sink that can keep the files of `previous`, the last build's.
    pub fn after(previous: BTreeMap<String, MemoryFile>) -> Self {
        MemorySink { files: Mutex::default(), previous }
    }

    fn put(&self, rel: &str, file: MemoryFile) {
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_owned(), file);
        }
    }

    pub fn into_files(self) -> BTreeMap<String, MemoryFile> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.put(rel, MemoryFile::Bytes(std::sync::Arc::new(bytes.to_vec())));
        Ok(())
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.put(rel, MemoryFile::Source(from.to_path_buf()));
        Ok(())
    }

    fn holds(&self, rel: &str, _stamp: Option<&crate::stamp::Stamp>) -> bool {
        self.previous.contains_key(rel)
    }

    fn read_kept(&self, rel: &str) -> Option<Vec<u8>> {
        match self.previous.get(rel)? {
            MemoryFile::Bytes(bytes) => Some(bytes.to_vec()),
            MemoryFile::Source(path) => std::fs::read(path).ok(),
        }
    }

    fn keep(&self, rel: &str, _ids: Option<&crate::render::Ids>) -> io::Result<()> {
        let file = self.previous.get(rel).ok_or_else(|| io::Error::other(crate::msg!(KeepNotHeld, rel = rel)))?;
        self.put(rel, file.clone());
        Ok(())
    }
}

/// Copies the static files (under their fingerprinted names too, for CSS and JS) and every
/// page's bundle or section files, except those in `skip` (images already written resized).
pub fn copy_files(site: &Site, statics: &Statics, root: &Path, w: &Writer, skip: &BTreeSet<String>) -> Vec<Diagnostic> {
    let shown = |p: &Path| crate::diag::display_path(root, p);
    let fingerprinted =
        statics.fingerprints.par_iter().filter(|(a, b)| a != b).map(|(rel, fp)| (fp, &statics.files[rel]));
    let assets = site.entries.par_iter().flat_map_iter(|e| {
        e.assets.iter().map(move |&a| (format!("{}{}", &e.path[1..], site.assets[a].rel), &site.assets[a].abs))
    });
    let results: Vec<Result<(), Diagnostic>> = statics
        .files
        .par_iter()
        .filter(|(rel, _)| !skip.contains(*rel))
        .map(|(rel, src)| w.copy(rel, src, &shown(src)))
        .chain(fingerprinted.map(|(fp, src)| w.copy(fp, src, &shown(src))))
        .chain(assets.filter(|(rel, _)| !skip.contains(rel)).map(|(rel, src)| {
            w.sink.copy(&rel, src).map_err(|e| crate::render::write_error(&rel, e).in_file(shown(src)))
        }))
        .collect();
    results.into_iter().filter_map(Result::err).collect()
}
