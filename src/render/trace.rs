//! What rendering one entry read beyond its own data, and what it produced: the data
//! functions its templates called with their answers, the images it published and the files
//! it wrote. The next build reuses the entry when its own inputs hash the same and every
//! call still answers the same (`reuse`), and replays the images and files instead of
//! rendering it.
//!
//! Tera functions cannot see which page is being rendered, so the trace is kept per thread.
//! It is a stack: while a render waits on a parallel step (an image being encoded), rayon
//! may run another entry's render on the same thread, which pushes its own trace and pops
//! it before the first one resumes.

use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::stamp::Stamp;

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Trace {
    pub calls: Vec<Call>,
    /// Images published: (source file, output path).
    pub images: Vec<(PathBuf, String)>,
    pub outputs: Vec<Output>,
}

/// A data function called from a template (`get_page`, `get_section`, `get_taxonomy`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Call {
    pub function: String,
    /// The language of the Tera instance it was called in (its default `lang`).
    pub lang: usize,
    /// The arguments as JSON, keys sorted.
    pub args: String,
    /// The hash of the answer's JSON.
    pub answer: u64,
}

/// A file written by the render.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Output {
    pub rel: String,
    /// The ids in an HTML file, sorted (for the anchor checks).
    pub ids: Option<super::Ids>,
    /// How the sink can tell the file is still as this build left it (set once applied).
    pub stamp: Option<Stamp>,
}

thread_local! {
    static STACK: RefCell<Vec<Trace>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with a fresh trace for this thread and returns what it noted.
pub fn record<R>(f: impl FnOnce() -> R) -> (R, Trace) {
    STACK.with(|s| s.borrow_mut().push(Trace::default()));
    let out = f();
    let mut trace = STACK.with(|s| s.borrow_mut().pop()).unwrap_or_default();
    trace.shrink();
    (out, trace)
}

impl Trace {
    /// Lets go of the room its lists grew into: a build holds every page's trace to the
    /// end, and a list of one file takes room for four.
    fn shrink(&mut self) {
        self.calls.shrink_to_fit();
        self.images.shrink_to_fit();
        self.outputs.shrink_to_fit();
    }
}

fn note(f: impl FnOnce(&mut Trace)) {
    STACK.with(|s| {
        if let Some(t) = s.borrow_mut().last_mut() {
            f(t);
        }
    });
}

/// The arguments of a call as they are recorded: JSON with sorted keys.
pub fn args_text(args: &HashMap<String, tera::Value>) -> String {
    let sorted: BTreeMap<&String, &tera::Value> = args.iter().collect();
    serde_json::to_string(&sorted).unwrap_or_default()
}

/// The hash of a function's answer.
pub fn answer_hash(value: &tera::Value) -> u64 {
    crate::hash::Key::default().value(value).finish()
}

pub fn call(function: &str, lang: usize, args: &HashMap<String, tera::Value>, answer: &tera::Value) {
    note(|t| {
        t.calls.push(Call { function: function.to_owned(), lang, args: args_text(args), answer: answer_hash(answer) })
    });
}

/// Adds what a `record` inside this one noted (an entry's Markdown, traced on its own for
/// `md_cache`) to this one.
pub fn merge(inner: Trace) {
    note(|t| {
        t.calls.extend(inner.calls);
        t.images.extend(inner.images);
        t.outputs.extend(inner.outputs);
    });
}

pub fn image(abs: &Path, rel: &str) {
    note(|t| t.images.push((abs.to_path_buf(), rel.to_owned())));
}

pub fn output(rel: &str, ids: Option<super::Ids>) {
    note(|t| t.outputs.push(Output { rel: rel.to_owned(), ids, stamp: None }));
}
