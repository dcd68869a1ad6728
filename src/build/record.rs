//! The build record (issue 17): what each entry of the last build into an output folder was
//! made from and what it produced (`render::reuse`), kept in `.sito/cache/build/` beside the
//! site (not committed, like the image cache), one file per output folder. Any doubt — no
//! record, another sito version, a record that does not read, other settings — means every
//! page is rendered, which is always correct; the record only saves time.

use super::links::Seen;
use super::Prepared;
use crate::hash::Key;
use crate::load::cache::Bytes;
use crate::render::finish::Finish;
use crate::render::reuse::{EntryRecord, Made, Reuse};
use crate::render::Scan;
use crate::stamp::Stamp;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const DIR: &str = ".sito/cache/build";

/// Bumped whenever what the record holds, or what a key covers, changes meaning.
const FORMAT: u32 = 8;

#[derive(Serialize, Deserialize)]
struct File<'a> {
    format: u32,
    #[serde(borrow)]
    version: &'a str,
    global: u64,
    links: Seen,
    /// Each entry's `EntryRecord` encoded on its own: decoded only if its page asks for it,
    /// copied as it is when the page was kept.
    #[serde(borrow)]
    entries: Vec<(&'a str, Bytes<'a>)>,
}

/// The fields `File` starts with: postcard writes fields in order, so they read from the
/// front of a record without its entries.
#[derive(Deserialize)]
struct Header {
    format: u32,
    version: String,
    global: u64,
}

/// Where the record of the output folder `out` is kept.
pub fn path(root: &Path, out: &Path) -> PathBuf {
    let canonical = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
    let name = out.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let hash = crate::hash::short_hex(canonical.to_string_lossy().as_bytes(), 12);
    root.join(DIR).join(format!("{name}-{hash}.record"))
}

/// What this build may reuse: the record at `path` when it was written by this sito with the
/// same `global` key, with what its link checks left; else nothing (every entry is rendered).
pub fn read(path: &Path, global: u64) -> (Reuse, Option<Seen>) {
    let bytes = std::fs::read(path).unwrap_or_default();
    // The header first: after a template or settings change the entries (tens of MB on a
    // large site) would be listed for nothing.
    let same = postcard::take_from_bytes::<Header>(&bytes)
        .is_ok_and(|(h, _)| h.format == FORMAT && h.version == env!("CARGO_PKG_VERSION") && h.global == global);
    let entries = same.then(|| postcard::from_bytes::<File>(&bytes).ok()).flatten().map(|file| {
        let start = bytes.as_ptr() as usize;
        let at = |b: &[u8]| b.as_ptr() as usize - start..b.as_ptr() as usize - start + b.len();
        let entries = file.entries.iter().map(|(rel, record)| ((*rel).to_owned(), at(record.0))).collect::<Vec<_>>();
        (entries, file.links)
    });
    match entries {
        Some((entries, seen)) => (Reuse::encoded(global, bytes, entries), Some(seen)),
        None => (nothing(global), None),
    }
}

/// Takes the stamp of each file the entries wrote as it is now, after the apply: a kept
/// entry's files were found as the last build left them (`Sink::holds`) and not touched
/// since, so their stamps stand.
pub fn stamp(out: &Path, entries: &mut [(String, Made, Scan)]) {
    use rayon::prelude::*;
    let under = crate::stamp::Under::open(out).ok();
    entries.par_iter_mut().for_each(|(_, made, _)| {
        for o in made.trace.outputs.iter_mut().filter(|o| !made.reused || o.stamp.is_none()) {
            o.stamp = under.as_ref().and_then(|u| u.stamp(&o.rel, false));
        }
    });
}

/// The stamps `stamp` took, by output path.
pub fn stamps(entries: &[(String, Made, Scan)]) -> HashMap<&str, Stamp> {
    let outputs = entries.iter().flat_map(|(_, made, _)| &made.trace.outputs);
    outputs.filter_map(|o| Some((o.rel.as_str(), o.stamp?))).collect()
}

/// Writes the record of a build: each entry's key, trace (stamped) and scan. A record that
/// cannot be written is removed, so that the next build renders everything rather than
/// trust an old one. An entry whose record is copied is let go on a thread of its own:
/// freeing ten thousand kept entries here was half of a one-page rebuild's write. One
/// encoded is let go here, at once, so that the memory serves the next (holding them
/// longer raised a cold build's peak memory by a tenth).
pub fn write(path: &Path, global: u64, seen: &Seen, entries: Vec<(String, Made, Scan)>, last: Option<&Reuse>) {
    use rayon::prelude::*;
    let (written, free) = std::sync::mpsc::channel::<(Made, Scan)>();
    // A thread that cannot start drops `free`: the entries are then let go here, as sent.
    let _ = std::thread::Builder::new().spawn(move || free.into_iter().for_each(drop));
    let encoded: Option<Vec<(String, Cow<[u8]>)>> = entries
        .into_par_iter()
        .map(|(rel, made, scan)| {
            // A page kept with its record: that record's bytes are copied, not encoded again.
            let copied = last.filter(|_| made.same_record).and_then(|l| l.encoded_record(&rel));
            let bytes = match copied {
                Some(bytes) => {
                    // Returned, and dropped here, if that thread could not start.
                    let _ = written.send((made, scan));
                    Cow::Borrowed(bytes)
                }
                None => Cow::Owned(postcard::to_stdvec(&EntryRef::of(&made, &scan)).ok()?),
            };
            Some((rel, bytes))
        })
        .collect();
    let entries = encoded.as_ref().map(|e| e.iter().map(|(rel, bytes)| (rel.as_str(), Bytes(bytes))).collect());
    let file = entries.map(|entries| File {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION"),
        global,
        links: seen.clone(),
        entries,
    });
    store(path, file.as_ref());
}

/// Writes `value` at `path` atomically; when there is none, or it cannot be written, removes
/// what is there, so that no older file is trusted in its place.
pub fn store(path: &Path, value: Option<&impl Serialize>) {
    let written = value.and_then(|v| {
        std::fs::create_dir_all(path.parent()?).ok()?;
        let encode =
            |w: &mut std::io::BufWriter<std::fs::File>| postcard::to_io(v, w).map(drop).map_err(std::io::Error::other);
        crate::output::manifest::write_atomic_with(path, encode).ok()
    });
    if written.is_none() {
        let _ = std::fs::remove_file(path);
    }
}

/// The keys of what every entry reads besides its own data.
pub struct Keys {
    /// For a whole page (`render::reuse`): everything, every template too.
    pub global: u64,
    /// For its Markdown (`render::md_cache`): the same but the build's finishing settings
    /// and the templates no shortcode can reach, so that a page template's edit keeps it.
    pub markdown: u64,
}

/// The keys of this build: what both hash (`shared`) with the templates each reads.
pub fn keys(p: &Prepared, finish: Finish, drafts: bool) -> Keys {
    let shared = shared_key(p, drafts);
    let mut global = Key::from(shared);
    global.number(u64::from(finish.relative)).number(u64::from(finish.minify));
    for (name, source) in &p.templates.sources {
        global.text(name).text(&source.text);
    }
    let mut markdown = Key::from(shared);
    markdown.text("markdown");
    let reachable = p.templates.reachable(p.templates.shortcodes.values().map(|d| d.template.as_str()));
    for (name, source) in reachable.iter().filter_map(|name| Some((name, p.templates.sources.get(name)?))) {
        markdown.text(name).text(&source.text);
    }
    Keys { global: global.finish(), markdown: markdown.finish() }
}

/// The hash of what every page and its Markdown may read besides its own data and the
/// templates: sito's version, the drafts setting, site.toml, the shortcodes' definitions,
/// interface strings, static files and assets (their `Stamp`: images are shown with their
/// dimensions), and the site's skeleton (every entry's address, language versions and
/// sections, drafts, taxonomies), which links, menus and `url()` resolve against.
fn shared_key(p: &Prepared, drafts: bool) -> u64 {
    let site = &p.shared.site;
    let mut h = Key::default();
    h.number(u64::from(FORMAT)).text(env!("CARGO_PKG_VERSION"));
    h.number(u64::from(drafts));
    h.text(&site.config.base_url).text(&site.config.file.text);
    h.text(&format!("{:?} {:?}", p.templates.shortcodes, p.templates.extra));
    for file in &p.shared.i18n.files {
        h.text(&file.text);
    }
    for (rel, fingerprinted) in &p.statics.fingerprints {
        h.text(rel).text(fingerprinted);
    }
    let files = p.statics.files.iter().map(|(rel, abs)| (rel.as_str(), abs));
    for (rel, abs) in files.chain(site.assets.iter().map(|a| (a.rel.as_str(), &a.abs))) {
        h.text(rel).text(&abs.to_string_lossy());
        match Stamp::of(abs) {
            Some(stamp) => stamp.hash_into(&mut h),
            None => _ = h.number(u64::MAX),
        }
    }
    skeleton(p, &mut h);
    h.finish()
}

fn skeleton(p: &Prepared, h: &mut Key) {
    let site = &p.shared.site;
    for e in &site.entries {
        h.text(&e.src.rel).text(&e.path).number(e.lang() as u64).number(u64::from(e.feed));
        // The order of a section's pages is in its own key (its view lists them).
        for list in [&e.translations, &e.ancestors, &e.assets] {
            h.number(list.len() as u64);
            for &i in list {
                h.number(i as u64);
            }
        }
    }
    for d in &site.drafts {
        h.text(&d.rel).text(&d.path);
    }
    for t in &site.taxonomies {
        h.text(&t.path);
        for term in &t.terms {
            h.text(&term.slug).text(&term.path).text(&term.name).number(term.pages.len() as u64);
        }
    }
    for segment in &site.pager_segments {
        h.text(segment);
    }
    for view in &p.shared.site_views {
        h.value(view);
    }
}

/// The entries of this build with how each was made, ready for `write`; `None` when the
/// render kept no record.
pub fn entries(p: &Prepared, made: Vec<Option<Made>>, scans: Vec<Scan>) -> Option<Vec<(String, Made, Scan)>> {
    let rels = p.shared.site.entries.iter().map(|e| e.src.rel.clone());
    rels.zip(made).zip(scans).map(|((rel, made), scan)| Some((rel, made?, scan))).collect()
}

/// An `EntryRecord` borrowed from what the build made, written the same, so that the entry
/// can be let go elsewhere once written.
#[derive(Serialize)]
struct EntryRef<'a> {
    key: u64,
    trace: &'a crate::render::trace::Trace,
    scan: &'a Scan,
    html_kept: bool,
}

impl<'a> EntryRef<'a> {
    fn of(made: &'a Made, scan: &'a Scan) -> EntryRef<'a> {
        EntryRef { key: made.key, trace: &made.trace, scan, html_kept: made.html_kept }
    }
}

pub fn entry(made: Made, scan: Scan) -> EntryRecord {
    EntryRecord { key: made.key, trace: made.trace, scan, html_kept: made.html_kept }
}

/// Every `get_env` call of this build's pages, once each, with the hash of its answer.
pub fn env_calls(made: &[Option<Made>]) -> Vec<(String, u64)> {
    let calls = made.iter().flatten().flat_map(|m| &m.trace.calls).filter(|c| c.function == "get_env");
    let unique: std::collections::BTreeSet<(String, u64)> = calls.map(|c| (c.args.clone(), c.answer)).collect();
    unique.into_iter().collect()
}

/// How many entries this build kept from the last one.
pub fn reused(made: &[Option<Made>]) -> usize {
    made.iter().flatten().filter(|m| m.reused).count()
}

/// Nothing to reuse, but a record to keep: `--no-cache` renders every page and records them
/// for the next build.
pub fn nothing(global: u64) -> Reuse {
    Reuse::new(global, HashMap::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::trace::Trace;

    #[test]
    fn an_entry_borrowed_is_written_as_the_record_it_reads_back_as() {
        let scan = Scan { ids: vec!["a".into()], html: "<p>x</p>".into(), ..Scan::default() };
        let made = Made { key: 7, trace: Trace::default(), html_kept: true, reused: false, same_record: false };
        let borrowed = postcard::to_stdvec(&EntryRef::of(&made, &scan)).unwrap_or_default();
        let owned = postcard::to_stdvec(&entry(made, scan)).unwrap_or_default();
        assert!(!owned.is_empty());
        assert_eq!(borrowed, owned);
    }
}
