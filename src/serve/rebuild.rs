//! Rebuilding for the preview: a full build into memory, or — when only the text of some
//! pages changed, not their front matter — just those pages, so an edit in a 10,000-page
//! site costs one page's render.

use crate::build::Prepared;
use crate::diag::Diagnostic;
use crate::output::{MemoryFile, MemorySink};
use crate::render::finish::Finish;
use crate::render::Writer;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub type Files = BTreeMap<String, MemoryFile>;

pub struct Builder {
    pub root: PathBuf,
    pub base_url: String,
    pub drafts: bool,
    last: Option<Prepared>,
    /// The latest rebuild failed: the next one must be full, so that an error in one file
    /// is not hidden by a good edit in another.
    failing: bool,
}

pub enum Outcome {
    /// Every file of the site.
    Full(Files),
    /// Only these files changed.
    Partial(Files),
}

impl Builder {
    pub fn new(root: &Path, base_url: String, drafts: bool) -> Self {
        Builder { root: root.to_path_buf(), base_url, drafts, last: None, failing: false }
    }

    pub fn full(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let result = self.full_build();
        self.failing = result.is_err();
        result
    }

    fn full_build(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let prepared = Prepared::load(&self.root, Some(&self.base_url), self.drafts)?;
        let sink = MemorySink::default();
        prepared.render(&sink, Finish::default())?;
        self.last = Some(prepared);
        Ok(Outcome::Full(sink.into_files()))
    }

    /// Rebuilds after `changed` files; incremental when it safely can be, else full.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Outcome, Vec<Diagnostic>> {
        let incremental = if self.failing { None } else { self.incremental(changed) };
        let result = match incremental {
            Some(result) => result,
            None => self.full(),
        };
        self.failing = result.is_err();
        result
    }

    /// `None` when the change needs a full build: anything but Markdown under content/,
    /// a new or deleted file, or a change to front matter (titles, dates, slugs… show up in
    /// other pages too).
    fn incremental(&mut self, changed: &[PathBuf]) -> Option<Result<Outcome, Vec<Diagnostic>>> {
        let prepared = self.last.as_ref()?;
        let content = self.root.join("content");
        let site = &prepared.shared.site;
        let mut edits = Vec::new();
        for path in changed {
            let rel = path.strip_prefix(&content).ok()?.to_str()?.replace('\\', "/");
            if !rel.ends_with(".md") || !path.is_file() {
                return None;
            }
            let id = site.entries.iter().position(|e| e.src.rel == rel)?;
            let source = match crate::load::content::load_one(&rel, path, &site.config) {
                Ok(s) => s,
                Err(d) => return Some(Err(d)),
            };
            if source.fm != site.entries[id].src.fm || source.body_line != site.entries[id].src.body_line {
                return None;
            }
            edits.push((id, source.body));
        }
        if edits.is_empty() {
            return None;
        }
        let renderer = prepared.renderer();
        let sink = MemorySink::default();
        let w = Writer { sink: &sink, finish: Finish::default(), base_path: &site.config.base_path };
        for (id, body) in &edits {
            if let Err(d) = renderer.render_one(*id, body, &w) {
                return Some(Err(d));
            }
        }
        Some(Ok(Outcome::Partial(sink.into_files())))
    }
}
