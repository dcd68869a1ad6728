//! Each entry's Markdown as the last build rendered it (issue 17): a template or partial
//! edit renders every page again, but not their Markdown, which was a third of such a
//! rebuild. An entry's Markdown is taken from the `Store` when its key is the same — the
//! hash of everything Markdown and shortcodes read that every page shares (`global`: the
//! settings, strings, static files, the site's skeleton and the templates shortcodes can
//! reach, never the page templates), of its own file, address and kind, and of the view its
//! shortcodes see — and every data function its shortcodes called answers the same today.
//! The images it showed are published again, and its calls and images go into the page's
//! trace as if it had been rendered.

use super::markdown::{Link, Rendered, TocEntry};
use super::trace::{self, Call, Trace};
use super::view::{self, Depth};
use super::Renderer;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where rendered Markdown is kept between builds: a file beside the build record (`sito
/// build`) or memory (`sito serve`). Bytes only: what they hold is this module's business.
pub trait Store: Send + Sync {
    /// The key of what every entry's Markdown reads (`build::record::keys`).
    fn global(&self) -> u64;
    /// What `put` stored for the entry `rel`, by this build or an earlier one.
    fn get(&self, rel: &str) -> Option<Vec<u8>>;
    fn put(&self, rel: &str, bytes: Vec<u8>);
}

/// The store of `sito serve`: memory, handed from one rebuild to the next.
pub struct Memory {
    global: u64,
    entries: Mutex<HashMap<String, Vec<u8>>>,
}

impl Memory {
    pub fn new(global: u64, entries: HashMap<String, Vec<u8>>) -> Memory {
        Memory { global, entries: Mutex::new(entries) }
    }

    /// The entries of `live` (this build's entries), for the next rebuild.
    pub fn take<'a>(&self, live: impl Iterator<Item = &'a str>) -> HashMap<String, Vec<u8>> {
        let mut entries = std::mem::take(&mut *self.entries.lock().unwrap_or_else(|e| e.into_inner()));
        live.filter_map(|rel| entries.remove_entry(rel)).collect()
    }
}

impl Store for Memory {
    fn global(&self) -> u64 {
        self.global
    }

    fn get(&self, rel: &str) -> Option<Vec<u8>> {
        self.entries.lock().ok()?.get(rel).cloned()
    }

    fn put(&self, rel: &str, bytes: Vec<u8>) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.insert(rel.to_owned(), bytes);
        }
    }
}

/// An entry's rendered Markdown with what rendering it read. Its bytes (and those of `Link`,
/// `TocEntry` and `Call`) are read back by later builds: bump `build::markdown::FORMAT`
/// when any of them changes.
#[derive(Serialize, Deserialize)]
struct Kept {
    key: u64,
    html: String,
    toc: Vec<TocEntry>,
    ids: Vec<String>,
    links: Vec<Link>,
    spaced: Vec<Range<usize>>,
    calls: Vec<Call>,
    images: Vec<(PathBuf, String)>,
    summary: Option<String>,
}

impl Renderer<'_> {
    /// The key of entry `id`'s Markdown, when there is a store to keep it in.
    pub(super) fn markdown_key(&self, id: usize, var: &str, kind: &str) -> Option<u64> {
        self.markdown_store.map(|store| self.key_of_markdown(store.global(), id, var, kind))
    }

    /// Entry `id`'s Markdown as the store keeps it under `key`, when every call it made
    /// answers the same and every image it showed is published again; `None` means it must
    /// be rendered (and `markdown_keep` stores what that gives).
    pub(super) fn markdown_kept(&self, id: usize, key: Option<u64>) -> Option<Rendered> {
        let (store, reuse, key) = (self.markdown_store?, self.reuse?, key?);
        let rel = &self.site().entries[id].src.rel;
        let kept: Kept = postcard::from_bytes(&store.get(rel)?).ok()?;
        if kept.key != key {
            return None;
        }
        // Replayed under a trace of their own: kept only if every call and image replays.
        let (same, replayed) = trace::record(|| {
            kept.calls.iter().all(|c| reuse.answer(self, c) == Some(c.answer))
                && kept.images.iter().all(|(abs, rel)| self.shared.images.replay(self.site(), abs, rel))
        });
        if !same {
            return None;
        }
        trace::merge(replayed);
        let Kept { html, toc, ids, links, spaced, calls, summary, .. } = kept;
        trace::merge(Trace { calls, ..Trace::default() });
        Some(Rendered { html, toc, ids, links, spaced, image_errors: Vec::new(), summary })
    }

    /// Keeps under `key` what rendering entry `id`'s Markdown gave (without errors) and read.
    pub(super) fn markdown_keep(&self, id: usize, key: Option<u64>, md: &Rendered, read: &Trace) {
        let (Some(store), Some(key)) = (self.markdown_store, key) else { return };
        #[derive(Serialize)]
        struct KeptRef<'a> {
            key: u64,
            html: &'a str,
            toc: &'a [TocEntry],
            ids: &'a [String],
            links: &'a [Link],
            spaced: &'a [Range<usize>],
            calls: &'a [Call],
            images: &'a [(PathBuf, String)],
            summary: Option<&'a str>,
        }
        let kept = KeptRef {
            key,
            html: &md.html,
            toc: &md.toc,
            ids: &md.ids,
            links: &md.links,
            spaced: &md.spaced,
            calls: &read.calls,
            images: &read.images,
            summary: md.summary.as_deref(),
        };
        if let Ok(bytes) = postcard::to_stdvec(&kept) {
            store.put(&self.site().entries[id].src.rel, bytes);
        }
    }

    /// The hash of what entry `id`'s Markdown reads besides `global` and its data calls: its
    /// file, its address, language and kind (in its shortcodes' context), and, when it has
    /// shortcodes, the view of itself they see.
    fn key_of_markdown(&self, global: u64, id: usize, var: &str, kind: &str) -> u64 {
        let site = self.site();
        let e = &site.entries[id];
        let mut h = crate::hash::Key::from(global);
        h.text(&e.src.rel).number(e.src.hash).text(&e.path).number(e.lang() as u64).text(var).text(kind);
        if !e.src.shortcodes.is_empty() {
            h.value(&view::entry(site, id, Depth::Summary, None));
        }
        h.finish()
    }
}
