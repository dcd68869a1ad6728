//! The load cache (issue 17): what parsing each content file gave the last time — front
//! matter with its spans, shortcode calls, word count, the text's hash — by the file's
//! `Stamp`, in `.sito/cache/load/content` beside the site. A file whose stamp is the same is
//! not read again: its body is read only if the page is rendered (`Source::read_body`),
//! and only if it still hashes as the cache says. Parsing every file was a third of a
//! one-page rebuild on a 10,000-page site.
//!
//! Only files whose times are older than `stamp::SETTLED` are kept (git's "racy clean" rule: an
//! edit within the same tick of the file system's clock as the stamp would not show). Any
//! doubt — no cache, another sito version, an entry that does not read — means the file
//! is parsed, which is always right.

use super::content::Source;
use super::front_matter::FrontMatter;
use super::shortcodes::Node;
use super::toml_input::{Located, Normalized};
use crate::stamp::Stamp;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

pub const PATH: &str = ".sito/cache/load/content";

/// Bumped whenever what an entry holds changes meaning.
const FORMAT: u32 = 4;

#[derive(Serialize, Deserialize)]
struct File<'a> {
    format: u32,
    #[serde(borrow)]
    version: &'a str,
    /// The hash of `entries`: a byte changed on disk could still decode, as another title.
    sum: u64,
    /// `Entries`, encoded.
    #[serde(borrow)]
    entries: Bytes<'a>,
}

/// Per file: its path under `content/`, its stamp, its entry (`Stored`) on its own, so that
/// only the entries asked for are decoded, in parallel.
type Entries<'a> = Vec<(&'a str, Stamp, Bytes<'a>)>;

/// Bytes written as one run (serde writes a `&[u8]` byte by byte), read without a copy. The
/// build record's entries are kept so too.
pub struct Bytes<'a>(pub &'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Bytes<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <&'de [u8]>::deserialize(d).map(Bytes)
    }
}

/// What is kept of a loaded file: what `content::load_one` parsed, without the body.
#[derive(Deserialize)]
pub struct Stored {
    pub fm: FrontMatter,
    pub front: Located,
    pub read: Normalized,
    pub body_line: usize,
    pub hash: u64,
    pub word_count: usize,
    pub shortcodes: Vec<Node>,
    pub more: bool,
}

/// `Stored`, borrowed from a `Source` to be written.
#[derive(Serialize)]
struct StoredRef<'a> {
    fm: &'a FrontMatter,
    front: &'a Located,
    read: &'a Normalized,
    body_line: usize,
    hash: u64,
    word_count: usize,
    shortcodes: &'a [Node],
    more: bool,
}

/// The cache as read, borrowing from its bytes.
#[derive(Default)]
pub struct Cache<'a> {
    entries: HashMap<&'a str, (Stamp, &'a [u8])>,
}

/// The cache's bytes, for `Cache::parse`; empty when there is none.
pub fn read(root: &Path) -> Vec<u8> {
    std::fs::read(root.join(PATH)).unwrap_or_default()
}

impl<'a> Cache<'a> {
    /// The entries of a cache written by this sito; none otherwise.
    pub fn parse(bytes: &'a [u8]) -> Cache<'a> {
        let file = postcard::from_bytes::<File>(bytes)
            .ok()
            .filter(|f| f.format == FORMAT && f.version == env!("CARGO_PKG_VERSION") && f.sum == sum(f.entries.0));
        let entries = file.and_then(|f| postcard::from_bytes::<Entries>(f.entries.0).ok());
        let entries = entries.map(|e| e.into_iter().map(|(rel, stamp, bytes)| (rel, (stamp, bytes.0))).collect());
        Cache { entries: entries.unwrap_or_default() }
    }

    /// What loading `rel` gave when its stamp was `stamp`, if the cache knows.
    pub fn get(&self, rel: &str, stamp: &Stamp) -> Option<Stored> {
        postcard::from_bytes(self.bytes(rel, stamp)?).ok()
    }

    /// The entry of `rel` as it is written, when its stamp is `stamp`.
    fn bytes(&self, rel: &str, stamp: &Stamp) -> Option<&'a [u8]> {
        self.entries.get(rel).filter(|(kept, _)| kept == stamp).map(|(_, bytes)| *bytes)
    }
}

/// A file loaded by this build, for the next cache: its path under `content/`, the stamp
/// taken before it was read, and what it gave.
#[derive(Clone, Copy)]
pub struct Loaded<'s> {
    pub rel: &'s str,
    pub stamp: Stamp,
    pub source: &'s Source,
}

/// Writes the cache of this build's files at `root` when it has files to add (or many to
/// drop). Entries `old` had for the same stamp are copied as they are; a cache that cannot
/// be written is removed, so that no stale one is trusted.
pub fn write(root: &Path, old: &Cache, loaded: &[Loaded]) {
    use rayon::prelude::*;
    let settled = crate::stamp::settled_before();
    let kept: Vec<Loaded> = loaded.iter().filter(|l| l.stamp.latest_ns() < settled).copied().collect();
    let known = kept.iter().filter(|l| old.bytes(l.rel, &l.stamp).is_some()).count();
    // Nothing to add: entries of files edited or removed since are harmless (their stamp
    // will not come back), so they are dropped only when they are a quarter of the cache.
    // A rebuild right after a save, whose file is too young to keep, writes nothing.
    if known == kept.len() && (old.entries.len() - known) * 4 <= old.entries.len() {
        return;
    }
    // Entries the old cache has are copied as they are written; the others encoded.
    let encoded: Vec<(&Loaded, Cow<[u8]>)> = kept
        .par_iter()
        .filter_map(|l| match old.bytes(l.rel, &l.stamp) {
            Some(bytes) => Some((l, Cow::Borrowed(bytes))),
            None => Some((l, Cow::Owned(postcard::to_stdvec(&stored(l.source)).ok()?))),
        })
        .collect();
    let entries: Entries = encoded.iter().map(|(l, bytes)| (l.rel, l.stamp, Bytes(bytes))).collect();
    let path = root.join(PATH);
    let file = postcard::to_stdvec(&entries).ok().and_then(|entries| {
        let file =
            File { format: FORMAT, version: env!("CARGO_PKG_VERSION"), sum: sum(&entries), entries: Bytes(&entries) };
        postcard::to_stdvec(&file).ok()
    });
    let written = file.and_then(|bytes| {
        std::fs::create_dir_all(path.parent()?).ok()?;
        crate::user_files::write(&path, &bytes).ok()
    });
    if written.is_none() {
        let _ = std::fs::remove_file(&path);
    }
}

fn sum(bytes: &[u8]) -> u64 {
    crate::hash::Key::default().add(bytes).finish()
}

fn stored(s: &Source) -> StoredRef<'_> {
    StoredRef {
        fm: &s.fm,
        front: &s.front,
        read: &s.read,
        body_line: s.body_line,
        hash: s.hash,
        word_count: s.word_count,
        shortcodes: &s.shortcodes,
        more: s.more,
    }
}
