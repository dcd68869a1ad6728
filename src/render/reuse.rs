//! Reusing what the last build rendered (issue 17). An entry is rendered again unless all of
//! these hold:
//!
//! - its key is the same: the hash of everything every page reads (`Reuse::global`: the
//!   settings, templates, strings, static files, every entry's address), of its own file,
//!   and of the template data it gets — its view with the summaries of what it lists, its
//!   template, its pagers;
//! - every data function its templates called (`get_page`, `get_section`, `get_taxonomy`)
//!   answers the same today (`trace`);
//! - the sink still holds every file it wrote, as that build left them.
//!
//! A reused entry publishes its images again and keeps its files; its `Scan` (heading ids,
//! links, HTML for the feeds and the search index) comes from the record, so every check
//! after the render runs as if it had been rendered.

use super::trace::{self, Call, Trace};
use super::view::{self, Depth};
use super::{lists, Failure, Renderer, Scan, Writer};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;

/// What the last build recorded of an entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EntryRecord {
    pub key: u64,
    pub trace: Trace,
    pub scan: Scan,
    /// Whether `scan` holds the rendered HTML (kept only when a feed or the index reads it).
    pub html_kept: bool,
}

/// How an entry was made by this build, for the next build's record.
#[derive(Debug)]
pub struct Made {
    pub key: u64,
    pub trace: Trace,
    pub html_kept: bool,
    pub reused: bool,
}

/// What this build may reuse: the last build's record, by content file.
pub struct Reuse {
    pub global: u64,
    previous: HashMap<String, EntryRecord>,
    /// Each data call asked again once per build, whichever page asks first.
    answers: Mutex<HashMap<(String, usize, String), Option<u64>>>,
}

impl Reuse {
    pub fn new(global: u64, previous: HashMap<String, EntryRecord>) -> Reuse {
        Reuse { global, previous, answers: Mutex::default() }
    }

    fn answer(&self, r: &Renderer, call: &Call) -> Option<u64> {
        let key = (call.function.clone(), call.lang, call.args.clone());
        if let Some(known) = self.answers.lock().ok().and_then(|a| a.get(&key).copied()) {
            return known;
        }
        let answer = super::functions::replay(r.shared, call);
        if let Ok(mut answers) = self.answers.lock() {
            answers.insert(key, answer);
        }
        answer
    }
}

impl Renderer<'_> {
    /// Renders entry `id`, or keeps what the last build made of it when nothing it read
    /// changed. Without a `Reuse` (a check, or no record wanted) it only renders.
    pub(super) fn render_or_reuse(
        &self,
        id: usize,
        w: &Writer,
        keep_html: bool,
    ) -> Result<(Scan, Option<Made>), Failure> {
        let Some(reuse) = self.reuse else {
            return self.render(id, w, keep_html).map(|scan| (scan, None));
        };
        let key = self.entry_key(reuse.global, id);
        if let Some(prev) = reuse.previous.get(&self.site().entries[id].src.rel) {
            // Traced too, so that nothing it publishes lands in the trace of a render this
            // thread may be running around it.
            let (kept, _) = trace::record(|| self.keep(reuse, prev, key, w, keep_html));
            if let Some(scan) = kept? {
                return Ok((scan, Some(Made { key, trace: prev.trace.clone(), html_kept: keep_html, reused: true })));
            }
        }
        let (scan, trace) = trace::record(|| self.render(id, w, keep_html));
        Ok((scan?, Some(Made { key, trace, html_kept: keep_html, reused: false })))
    }

    /// Keeps the last build's files of an entry if it may: `Ok(None)` when it must be
    /// rendered again.
    fn keep(
        &self,
        reuse: &Reuse,
        prev: &EntryRecord,
        key: u64,
        w: &Writer,
        keep_html: bool,
    ) -> Result<Option<Scan>, Failure> {
        let t = &prev.trace;
        let same = prev.key == key
            && (prev.html_kept || !keep_html)
            && t.calls.iter().all(|c| reuse.answer(self, c) == Some(c.answer))
            && t.outputs.iter().all(|o| w.sink.holds(&o.rel, o.stamp.as_ref()))
            && t.images.iter().all(|(abs, rel)| self.shared.images.replay(self.site(), abs, rel));
        if !same {
            return Ok(None);
        }
        for o in &t.outputs {
            w.sink.keep(&o.rel, o.ids.as_deref()).map_err(|e| Failure::Diags(vec![super::write_error(&o.rel, e)]))?;
        }
        let mut scan = prev.scan.clone();
        if !keep_html {
            scan.html = String::new();
        }
        Ok(Some(scan))
    }

    /// The hash of what rendering entry `id` reads besides `global` and its data calls: its
    /// file, its template data (with the summaries of the pages it lists), its template and
    /// the language versions of its pagers.
    fn entry_key(&self, global: u64, id: usize) -> u64 {
        let site = self.site();
        let e = &site.entries[id];
        let mut h = crate::hash::Key::from(global);
        h.text(&e.src.rel).text(&e.src.front.text).text(&e.src.body);
        // Writing into a hasher cannot fail.
        let _ = serde_json::to_writer(&mut h, &view::entry(site, id, Depth::Full, None));
        h.text(&self.template_for(e)).number(e.paginate_by.unwrap_or(0) as u64);
        for v in lists::section_versions(site, id) {
            h.number(v.lang as u64).text(v.title).text(v.base).number(v.pagers as u64);
        }
        h.finish()
    }
}
