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
use std::ops::Range;
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
    /// Kept with the record it had: the next record may copy that record's bytes
    /// (`Reuse::encoded_record`) instead of encoding it again.
    pub same_record: bool,
}

/// What this build may reuse: the last build's record, by content file. A kept entry takes
/// its record out (one render per file), so its scan and trace move into this build
/// instead of being copied (copies were a tenth of a one-page rebuild's allocations).
pub struct Reuse {
    pub global: u64,
    previous: HashMap<String, Previous>,
    /// The record file's bytes, when the entries are still encoded in it.
    encoded: Vec<u8>,
    /// Each data call asked again once per build, whichever page asks first.
    answers: Mutex<HashMap<(String, usize, String), Option<u64>>>,
}

/// An entry of the last build's record: decoded only when its page asks (a one-page rebuild
/// decoded ten thousand records up front, one at a time).
struct Previous {
    /// Where it is written in `Reuse::encoded`.
    at: Option<Range<usize>>,
    state: Mutex<State>,
}

enum State {
    Encoded,
    Decoded(EntryRecord),
    Taken,
}

impl Reuse {
    /// The records kept in memory (`sito serve`).
    pub fn new(global: u64, previous: HashMap<String, EntryRecord>) -> Reuse {
        let previous = previous
            .into_iter()
            .map(|(rel, record)| (rel, Previous { at: None, state: Mutex::new(State::Decoded(record)) }))
            .collect();
        Reuse { global, previous, encoded: Vec::new(), answers: Mutex::default() }
    }

    /// The records as `bytes` hold them, each entry at its range (`sito build`).
    pub fn encoded(global: u64, bytes: Vec<u8>, entries: Vec<(String, Range<usize>)>) -> Reuse {
        let previous = entries
            .into_iter()
            .map(|(rel, at)| (rel, Previous { at: Some(at), state: Mutex::new(State::Encoded) }))
            .collect();
        Reuse { global, previous, encoded: bytes, answers: Mutex::default() }
    }

    /// The bytes of the last record's entry for `rel`, as that record wrote them.
    pub fn encoded_record(&self, rel: &str) -> Option<&[u8]> {
        self.previous.get(rel)?.at.clone().and_then(|at| self.encoded.get(at))
    }

    pub(super) fn answer(&self, r: &Renderer, call: &Call) -> Option<u64> {
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
        if let Some(previous) = reuse.previous.get(&self.site().entries[id].src.rel) {
            // Traced too, so that nothing it publishes lands in the trace of a render this
            // thread may be running around it.
            let (kept, _) = trace::record(|| self.keep(reuse, previous, key, w, keep_html));
            if let Some((scan, trace, same_record)) = kept? {
                return Ok((scan, Some(Made { key, trace, html_kept: keep_html, reused: true, same_record })));
            }
        }
        let (scan, trace) = trace::record(|| self.render(id, w, keep_html));
        Ok((scan?, Some(Made { key, trace, html_kept: keep_html, reused: false, same_record: false })))
    }

    /// Keeps the last build's files of an entry if it may, taking its record out of
    /// `previous`: `Ok(None)` when it must be rendered again. With the scan and trace, whether
    /// the record stays as it was.
    fn keep(
        &self,
        reuse: &Reuse,
        previous: &Previous,
        key: u64,
        w: &Writer,
        keep_html: bool,
    ) -> Result<Option<(Scan, Trace, bool)>, Failure> {
        let mut state = previous.state.lock().unwrap_or_else(|e| e.into_inner());
        if let (State::Encoded, Some(at)) = (&*state, &previous.at) {
            // A record that does not decode is as good as none: the entry is rendered.
            let decoded = reuse.encoded.get(at.clone()).and_then(|bytes| postcard::from_bytes(bytes).ok());
            *state = decoded.map_or(State::Taken, State::Decoded);
        }
        let State::Decoded(prev) = &*state else { return Ok(None) };
        let t = &prev.trace;
        let same = prev.key == key
            && (prev.html_kept || !keep_html)
            && t.calls.iter().all(|c| reuse.answer(self, c) == Some(c.answer))
            && t.outputs.iter().all(|o| w.sink.holds(&o.rel, o.stamp.as_ref()))
            && t.images.iter().all(|(abs, rel)| self.shared.images.replay(self.site(), abs, rel));
        if !same {
            return Ok(None);
        }
        let State::Decoded(EntryRecord { trace, mut scan, html_kept, .. }) =
            std::mem::replace(&mut *state, State::Taken)
        else {
            return Ok(None);
        };
        for o in &trace.outputs {
            w.sink.keep(&o.rel, o.ids.as_ref()).map_err(|e| Failure::Diags(vec![super::write_error(&o.rel, e)]))?;
        }
        if !keep_html {
            scan.html = String::new();
        }
        Ok(Some((scan, trace, html_kept == keep_html)))
    }

    /// The hash of what rendering entry `id` reads besides `global` and its data calls: its
    /// file, its template data (with the summaries of the pages it lists), its template and
    /// the language versions of its pagers.
    fn entry_key(&self, global: u64, id: usize) -> u64 {
        let site = self.site();
        let e = &site.entries[id];
        let mut h = crate::hash::Key::from(global);
        h.text(&e.src.rel).number(e.src.hash);
        h.value(&view::entry(site, id, Depth::Full, None));
        h.text(&self.template_for(e)).number(e.paginate_by.unwrap_or(0) as u64);
        for v in lists::section_versions(site, id) {
            h.number(v.lang as u64).text(v.title).text(v.base).number(v.pagers as u64);
        }
        h.finish()
    }
}
