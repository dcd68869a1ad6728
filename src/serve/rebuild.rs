//! Rebuilding for the preview: the whole site, into memory, on every change. A partial
//! rebuild would have to know every output that shows what changed (a page's word count is
//! in its section's listing, its text in the feeds, its headings in other pages' anchor
//! checks, any page in any template through `get_page`); until the build records those
//! dependencies (issue 17), only a full build is sure to equal a clean one.

use crate::build::Prepared;
use crate::diag::Diagnostic;
use crate::output::{MemoryFile, MemorySink};
use crate::render::finish::Finish;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
}

impl Builder {
    pub fn new(root: &Path, base_url: String, drafts: bool) -> Self {
        Builder { root: root.to_path_buf(), base_url, drafts }
    }

    /// The same pipeline as `sito build --base-url <server>`, into memory.
    pub fn build(&self) -> Result<Built, Vec<Diagnostic>> {
        let prepared = Prepared::load(&self.root, Some(&self.base_url), self.drafts)?;
        let sink = MemorySink::default();
        // As `sito build` does, minus `--relative` and `--minify`, which serve does not take.
        prepared.render(&sink, Finish { relative: false, minify: prepared.shared.site.config.minify })?;
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
        Ok(Built { files: sink.into_files(), prefixes, styles })
    }
}
