//! Where `sito build` keeps each entry's rendered Markdown between builds
//! (`render::md_cache`): beside the build record, `NAME.markdown` holds the entries one after
//! the other and `NAME.markdown-index` where the latest of each is, with its length and hash.
//! A build appends what it renders (a one-page edit writes one entry, not the whole site's
//! Markdown again: 58 MB on 10,000 pages) and writes the index once it has applied; a failed build leaves the index as it
//! was, and what it appended is never read. The file starts over when the key of what all
//! Markdown reads changed (every entry is rendered again anyway) or when more than half of
//! it is entries no index names any more.
//!
//! Any doubt is a miss: an index of another sito or key is not read, an entry whose bytes
//! do not hash as the index says (a file cut short, or replaced) is rendered.

use crate::hash::Key;
use crate::render::md_cache::Store;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bumped whenever what the files hold changes meaning.
const FORMAT: u32 = 3;

/// Past this many bytes of entries no index names, and more than the entries it names,
/// the file starts over.
const SLACK: u64 = 4 << 20;

#[derive(Serialize, Deserialize)]
struct Index {
    format: u32,
    version: String,
    global: u64,
    entries: Vec<(String, At)>,
}

/// Where an entry is in the data file.
#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug)]
struct At {
    offset: u64,
    len: u64,
    sum: u64,
}

pub struct FileStore {
    global: u64,
    data: PathBuf,
    index: PathBuf,
    /// The last build's entries, when they can be read and this build appends to them.
    old: HashMap<String, At>,
    reader: Option<File>,
    /// The data file's length when opened: no entry of `old` reads past it.
    len: u64,
    /// The file this build writes into: the data file itself, or a new one (`fresh`).
    writing: Mutex<Writing>,
    fresh: Option<PathBuf>,
    /// `fresh` became the data file: dropping the store must not remove that name, which a
    /// later build into the same folder may be writing by then.
    renamed: std::sync::atomic::AtomicBool,
}

struct Writing {
    out: Option<io::BufWriter<File>>,
    end: u64,
    /// By the hash of the entry's path, not the path: a cold build would hold ten thousand
    /// paths to its end. Two paths of one hash would only make a miss: an entry's key holds
    /// its path.
    put: HashMap<u64, At>,
}

impl FileStore {
    /// The store beside the record at `record`, for a build whose Markdown key is `global`;
    /// `read` false starts it over (`--no-cache`).
    pub fn open(record: &Path, global: u64, read: bool) -> FileStore {
        let data = record.with_extension("markdown");
        let index = record.with_extension("markdown-index");
        let old = if read { read_index(&index, global) } else { None };
        let reader = old.as_ref().and_then(|_| File::open(&data).ok());
        let len = reader.as_ref().and_then(|f| f.metadata().ok()).map_or(0, |m| m.len());
        let live: u64 = old.iter().flatten().map(|(_, at)| at.len).sum();
        let appends = reader.is_some() && len.saturating_sub(live) <= live.max(SLACK);
        let (old, reader) = match (old, reader) {
            (Some(old), Some(reader)) => (old, Some(reader)),
            _ => (HashMap::new(), None),
        };
        let fresh = (!appends).then(|| data.with_file_name(format!(".{}.sito-new", file_name(&data))));
        let out = match &fresh {
            // The record's folder is made when the record is written, after the render.
            Some(path) => {
                path.parent().and_then(|dir| fs::create_dir_all(dir).ok()).and_then(|()| File::create(path).ok())
            }
            None => fs::OpenOptions::new().append(true).open(&data).ok(),
        };
        let end = if fresh.is_some() { 0 } else { len };
        let out = out.map(|f| io::BufWriter::with_capacity(1 << 16, f));
        FileStore {
            global,
            data,
            index,
            old,
            reader,
            len,
            writing: Mutex::new(Writing { out, end, put: HashMap::new() }),
            fresh,
            renamed: Default::default(),
        }
    }

    /// Writes the index of the entries `live` (this build's entries), once the build has
    /// applied. A store that cannot be completed is removed: the next build renders the
    /// Markdown again.
    pub fn finish<'a>(&self, live: impl Iterator<Item = &'a str>) {
        if self.complete(live).is_err() {
            let _ = fs::remove_file(&self.index);
            let _ = fs::remove_file(&self.data);
        }
    }

    fn complete<'a>(&self, live: impl Iterator<Item = &'a str>) -> io::Result<()> {
        let mut writing = self.writing.lock().map_err(|_| io::Error::from(io::ErrorKind::Other))?;
        let Writing { out, end, put } = &mut *writing;
        let mut out = out.take().ok_or_else(|| io::Error::from(io::ErrorKind::Other))?;
        let mut entries = Vec::new();
        let mut same = self.fresh.is_none();
        for rel in live {
            let at = match (put.get(&rel_key(rel)), self.old.get(rel)) {
                (Some(at), _) => *at,
                // Copied into a file that starts over.
                (None, Some(old)) if self.fresh.is_some() => {
                    let bytes = self.read(old).ok_or_else(|| io::Error::from(io::ErrorKind::InvalidData))?;
                    out.write_all(&bytes)?;
                    let at = At { offset: *end, ..*old };
                    *end += old.len;
                    at
                }
                (None, Some(old)) => *old,
                (None, None) => continue,
            };
            same &= self.old.get(rel) == Some(&at);
            entries.push((rel.to_owned(), at));
        }
        out.into_inner().map_err(io::IntoInnerError::into_error)?;
        if same && entries.len() == self.old.len() {
            return Ok(());
        }
        // The old index first: it must never name offsets in a file that started over.
        let _ = fs::remove_file(&self.index);
        if let Some(fresh) = &self.fresh {
            fs::rename(fresh, &self.data)?;
            self.renamed.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let index =
            Index { format: FORMAT, version: env!("CARGO_PKG_VERSION").to_owned(), global: self.global, entries };
        let bytes = postcard::to_stdvec(&index).map_err(io::Error::other)?;
        crate::output::manifest::write_atomic(&self.index, &bytes)
    }

    fn read(&self, at: &At) -> Option<Vec<u8>> {
        // An index that decodes but names more than the file holds is not believed.
        if at.offset.checked_add(at.len)? > self.len {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(at.len).ok()?];
        read_at(self.reader.as_ref()?, &mut bytes, at.offset).ok()?;
        (Key::default().add(&bytes).finish() == at.sum).then_some(bytes)
    }
}

impl Store for FileStore {
    fn global(&self) -> u64 {
        self.global
    }

    fn get(&self, rel: &str) -> Option<Vec<u8>> {
        self.read(self.old.get(rel)?)
    }

    fn put(&self, rel: &str, bytes: Vec<u8>) {
        let Ok(mut writing) = self.writing.lock() else { return };
        let Writing { out, end, put } = &mut *writing;
        let Some(w) = out else { return };
        // A failed write makes the file's offsets unknown: nothing more is written, and
        // `finish` removes the store.
        if w.write_all(&bytes).is_err() {
            *out = None;
            return;
        }
        let at = At { offset: *end, len: bytes.len() as u64, sum: Key::default().add(&bytes).finish() };
        *end += at.len;
        put.insert(rel_key(rel), at);
    }
}

impl Drop for FileStore {
    /// A file that was to start over and was not completed (a failed build) goes.
    fn drop(&mut self) {
        if let Some(fresh) = self.fresh.as_ref().filter(|_| !*self.renamed.get_mut()) {
            let _ = fs::remove_file(fresh);
        }
    }
}

fn rel_key(rel: &str) -> u64 {
    Key::default().text(rel).finish()
}

fn read_index(path: &Path, global: u64) -> Option<HashMap<String, At>> {
    let bytes = fs::read(path).ok()?;
    let index: Index = postcard::from_bytes(&bytes).ok()?;
    let ok = index.format == FORMAT && index.version == env!("CARGO_PKG_VERSION") && index.global == global;
    ok.then(|| index.entries.into_iter().collect())
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match std::os::windows::fs::FileExt::seek_read(file, buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}
