//! A sink that records what passes through it on the way to another sink: every output path
//! and, for HTML files, every `id` in them. The build checks local links and anchors against
//! this record before anything is applied, so it never reads the staging folder back.

use crate::render::Ids;
use crate::render::Sink;
use crate::stamp::Stamp;
use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::sync::Mutex;

/// Records the files written through it, then hands them on to `inner`.
pub struct Recording<'a> {
    inner: &'a dyn Sink,
    files: Mutex<BTreeMap<String, Option<Ids>>>,
}

/// What a build produced: every output file, with the ids of the HTML ones.
#[derive(Debug, Default, Clone)]
pub struct Outputs {
    /// Output path (`reti/c40/index.html`) → the ids in it (HTML files only).
    pub files: BTreeMap<String, Option<Ids>>,
}

impl<'a> Recording<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Recording { inner, files: Mutex::default() }
    }

    fn note(&self, rel: &str, ids: Option<Ids>) {
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_owned(), ids);
        }
    }

    pub fn into_outputs(self) -> Outputs {
        Outputs { files: self.files.into_inner().unwrap_or_else(|e| e.into_inner()) }
    }
}

impl Sink for Recording<'_> {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let ids = rel.ends_with(".html").then(|| Ids::from(ids_in(&String::from_utf8_lossy(bytes))));
        // The page being rendered, if any, notes the file and its ids for the build record.
        crate::render::trace::output(rel, ids.clone());
        self.note(rel, ids);
        self.inner.write(rel, bytes)
    }

    fn holds(&self, rel: &str, stamp: Option<&Stamp>) -> bool {
        self.inner.holds(rel, stamp)
    }

    fn keep(&self, rel: &str, ids: Option<&Ids>) -> io::Result<()> {
        self.note(rel, ids.cloned());
        self.inner.keep(rel, ids)
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.note(rel, None);
        self.inner.copy(rel, from)
    }

    fn write_beside(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.write_beside(name, bytes)
    }
}

/// Every `id` attribute value in an HTML file, quoted or not (minified HTML drops quotes),
/// sorted, without repeats.
pub fn ids_in(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("id=") {
        let at = from + i;
        from = at + 3;
        let after_space = html[..at].ends_with(|c: char| c.is_ascii_whitespace());
        if !after_space {
            continue;
        }
        let rest = &html[from..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].find(q).map(|end| &rest[1..1 + end]),
            Some(_) => Some(&rest[..rest.find(|c: char| c.is_ascii_whitespace() || c == '>').unwrap_or(rest.len())]),
            None => None,
        };
        if let Some(v) = value {
            ids.push(v.to_owned());
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::ids_in;

    #[test]
    fn finds_ids_in_html() {
        let ids = ids_in(r#"<h2 id="a">x</h2><div data-id="no" id='b'><p>id="c"</p><p id=d>"#);
        assert_eq!(ids, ["a", "b", "d"]);
        assert_eq!(ids_in(r#"<p id="b"></p><p id="a"></p><p id="b"></p>"#), ["a", "b"]);
    }
}
