//! A sink that records what passes through it on the way to another sink: every output path
//! and, for HTML files, every `id` in them and every local address they point at. The build
//! checks local links and anchors against this record before anything is applied, so it
//! never reads the staging folder back.

use super::html_scan::{self, Found};
use crate::render::Ids;
use crate::render::Sink;
use crate::stamp::Stamp;
use crate::url_path::{classify, join_clamped, Dest};
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;
use std::sync::Mutex;

/// Records the files written through it, then hands them on to `inner`.
pub struct Recording<'a> {
    inner: &'a dyn Sink,
    /// The site's path prefix (`/` or `/prefix/`), which root-relative links start with.
    base_path: &'a str,
    files: Mutex<BTreeMap<String, Option<Ids>>>,
    targets: Mutex<HashMap<Box<str>, Box<str>>>,
    kept_html: Mutex<Vec<String>>,
}

/// What a build produced: every output file, with the ids of the HTML ones.
#[derive(Debug, Default, Clone)]
pub struct Outputs {
    /// Output path (`reti/c40/index.html`) → the ids in it (HTML files only).
    pub files: BTreeMap<String, Option<Ids>>,
    /// Every local address the HTML files written (not kept) point at, whoever wrote the
    /// link — Markdown, a template, a shortcode: the URL path from the server's root
    /// (`/prefix/reti/c40/`), without query or anchor. One set for the site, not a list
    /// per file: ten thousand pages link to the same few dozen addresses. Each with the
    /// first file (in path order) that links to it, for the message if it is broken.
    pub targets: HashMap<Box<str>, Box<str>>,
    /// The HTML files kept as the last build left them, whose links are not in `targets`.
    pub kept_html: Vec<String>,
}

impl<'a> Recording<'a> {
    pub fn new(inner: &'a dyn Sink, base_path: &'a str) -> Self {
        Recording { inner, base_path, files: Mutex::default(), targets: Mutex::default(), kept_html: Mutex::default() }
    }

    fn note(&self, rel: &str, ids: Option<Ids>) {
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_owned(), ids);
        }
    }

    /// Notes the addresses the links of the HTML file `rel` point at.
    pub fn note_targets(&self, rel: &str, found: &Found) {
        let new: Vec<String> = targets(rel, self.base_path, found).collect();
        let Ok(mut known) = self.targets.lock() else { return };
        for target in new {
            match known.get_mut(target.as_str()) {
                Some(first) if **first > *rel => *first = rel.into(),
                Some(_) => {}
                None => _ = known.insert(target.into_boxed_str(), rel.into()),
            }
        }
    }

    pub fn into_outputs(self) -> Outputs {
        let mut kept_html = self.kept_html.into_inner().unwrap_or_else(|e| e.into_inner());
        kept_html.sort_unstable();
        let files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        let targets = self.targets.into_inner().unwrap_or_else(|e| e.into_inner());
        Outputs { files, targets, kept_html }
    }
}

/// The local addresses the links of the HTML file at `rel` point at, as URL paths from the
/// server's root, resolved as a browser resolves them (against the file's `<base href>` if
/// it has one; `..` stops at the root).
pub fn targets<'l>(rel: &str, base_path: &str, found: &'l Found) -> impl Iterator<Item = String> + 'l {
    let folder = rel.rfind('/').map_or("", |i| &rel[..=i]);
    let page = format!("{base_path}{folder}");
    // A base elsewhere (another host) leaves relative links to that host: not checked.
    let page = match found.base.as_deref().map(classify) {
        Some(Dest::Local { path, .. }) if !path.is_empty() => Some(join_clamped(&page, path)),
        Some(Dest::Local { .. }) | None => Some(page),
        Some(_) => None,
    };
    found.links.iter().filter_map(move |link| match classify(link) {
        Dest::Local { path, .. } if !path.is_empty() => {
            let page = if path.starts_with('/') { "/" } else { page.as_deref()? };
            Some(join_clamped(page, path))
        }
        _ => None,
    })
}

impl Sink for Recording<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let found = rel.ends_with(".html").then(|| html_scan::scan(&String::from_utf8_lossy(bytes)));
        let ids = found.map(|found| {
            self.note_targets(rel, &found);
            Ids::from(found.ids)
        });
        // The page being rendered, if any, notes the file and its ids for the build record.
        crate::render::trace::output(rel, ids.clone());
        self.note(rel, ids);
        self.inner.write(rel, bytes)
    }

    fn holds(&self, rel: &str, stamp: Option<&Stamp>) -> bool {
        self.inner.holds(rel, stamp)
    }

    fn keep(&self, rel: &str, ids: Option<&Ids>) -> io::Result<()> {
        if rel.ends_with(".html") {
            if let Ok(mut kept) = self.kept_html.lock() {
                kept.push(rel.to_owned());
            }
        }
        self.note(rel, ids.cloned());
        self.inner.keep(rel, ids)
    }

    fn read_kept(&self, rel: &str) -> Option<Vec<u8>> {
        self.inner.read_kept(rel)
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.note(rel, None);
        self.inner.copy(rel, from)
    }

    fn write_beside(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write_beside(name, bytes)
    }
}
