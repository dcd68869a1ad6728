//! Rebuilding for the preview: the whole site, into memory, on every change, with the same
//! engine as `sito build`: pages whose inputs did not change keep the files the last build
//! made of them (`render::reuse`); the record stays in memory, and a failed build forgets
//! it, so the next one renders everything.

use crate::build::links::Seen;
use crate::build::{record, Prepared};
use crate::diag::Diagnostic;
use crate::output::{MemoryFile, MemorySink};
use crate::render::finish::Finish;
use crate::render::md_cache;
use crate::render::reuse::{EntryRecord, Reuse};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub type Files = BTreeMap<String, MemoryFile>;

/// A site built into memory.
pub struct Built {
    pub files: Files,
    /// Output prefixes of the languages (`en/`), for picking the right 404 page.
    pub prefixes: Vec<String>,
    /// Each static stylesheet: its source file → its fingerprinted output path.
    pub styles: BTreeMap<PathBuf, Style>,
}

/// A stylesheet is written twice: under its own name and under a name with its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Style {
    pub plain: String,
    pub fingerprinted: String,
}

pub struct Builder {
    pub root: PathBuf,
    pub base_url: String,
    pub drafts: bool,
    last: Option<Last>,
}

/// What the last successful build made, for the next one to reuse.
struct Last {
    global: u64,
    entries: HashMap<String, EntryRecord>,
    files: Files,
    seen: Seen,
    /// The key and entries of `render::md_cache::Memory`.
    markdown: (u64, HashMap<String, Vec<u8>>),
}

impl Builder {
    pub fn new(root: &Path, base_url: String, drafts: bool) -> Self {
        Builder { root: root.to_path_buf(), base_url, drafts, last: None }
    }

    /// The same pipeline as `sito build --base-url <server>`, into memory.
    pub fn build(&mut self) -> Result<Built, Vec<Diagnostic>> {
        let mut last = self.last.take();
        let mut prepared = Prepared::load_cached(&self.root, Some(&self.base_url), self.drafts)?;
        // As `sito build` does, minus `--relative` and `--minify`, which serve does not take.
        let finish = Finish { relative: false, minify: prepared.shared.site.config.minify };
        let keys = record::keys(&prepared, finish, self.drafts);
        let global = keys.global;
        // The Markdown kept survives a template edit, which the rest of the record does not.
        let markdown = match last.as_mut().map(|l| std::mem::take(&mut l.markdown)) {
            Some((key, entries)) if key == keys.markdown => entries,
            _ => HashMap::new(),
        };
        let (previous, files, seen) = match last {
            Some(last) if last.global == global => (last.entries, last.files, Some(last.seen)),
            _ => (HashMap::new(), Files::new(), None),
        };
        prepared.reuse = Some(Reuse::new(global, previous));
        prepared.seen = seen;
        let markdown = Arc::new(md_cache::Memory::new(keys.markdown, markdown));
        prepared.markdown = Some(markdown.clone());
        let sink = MemorySink::after(files);
        let rendered = prepared.render(&sink, finish)?;
        let files = sink.into_files();
        if let Some(entries) = record::entries(&prepared, rendered.made, rendered.scans) {
            let entries = entries.into_iter().map(|(rel, made, scan)| (rel, record::entry(made, scan))).collect();
            let kept = markdown.take(prepared.shared.site.entries.iter().map(|e| e.src.rel.as_str()));
            let markdown = (keys.markdown, kept);
            self.last = Some(Last { global, entries, files: files.clone(), seen: rendered.seen, markdown });
        }
        let prefixes = prepared.shared.site.config.languages.iter().map(|l| l.prefix.clone()).collect();
        let styles = prepared
            .statics
            .files
            .iter()
            .filter(|(rel, _)| rel.ends_with(".css"))
            .map(|(rel, source)| {
                let fingerprinted = prepared.statics.fingerprints.get(rel).unwrap_or(rel).clone();
                (source.clone(), Style { plain: rel.clone(), fingerprinted })
            })
            .collect();
        Ok(Built { files, prefixes, styles })
    }
}
