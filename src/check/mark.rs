//! `sito translations --mark [FILES]`: records in each translation's front matter the
//! version of its original it now follows (`translated_from`), and snapshots the original's
//! text under `.sito/originals/` so that later changes can be shown as a diff.
//!
//! Without FILES, or with an original named (for its translations), every translation that
//! is not marked yet or is still up to date is marked; an out-of-date one is left alone and
//! listed, because marking it would declare it current. Name the translation itself once it
//! has been brought up to date (an editors' trial: naming the original marked a translation
//! that still said "about 10 cities" as current).

use super::translations::{self, set_translated_from, version_text, SNAPSHOTS};
use crate::diag::{Diagnostic, Kind};
use crate::load::content::Source;
use crate::resolve::Site;
use crate::user_files::{self, WriteError};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What became of one translation.
enum Outcome {
    Marked(String),
    Current,
    LeftOut(String),
    Failed(Diagnostic),
}

/// Marks the translations and returns what to tell the user.
pub fn mark(site: &Site, root: &Path, files: &[PathBuf]) -> Result<String, Vec<Diagnostic>> {
    let targets: Vec<(usize, bool)> = if files.is_empty() {
        (0..site.entries.len()).filter(|&i| site.entries[i].lang() != 0).map(|i| (i, false)).collect()
    } else {
        named_translations(site, root, files)?
    };
    let mut out = String::new();
    let mut diags = Vec::new();
    let (mut marked, mut current, mut skipped) = (0, 0, 0);
    for (tid, named) in targets {
        match mark_one(site, root, tid, named) {
            Some(Outcome::Marked(line)) => {
                out.push_str(&line);
                marked += 1;
            }
            Some(Outcome::Current) => current += 1,
            Some(Outcome::LeftOut(line)) => {
                out.push_str(&line);
                skipped += 1;
            }
            Some(Outcome::Failed(d)) => diags.push(d),
            None => {}
        }
    }
    prune(root);
    if !diags.is_empty() {
        return Err(diags);
    }
    let _ = writeln!(out, "{}", crate::msg!(MarkSummary, marked = marked, current = current, skipped = skipped));
    if marked > 0 {
        let _ = writeln!(out, "{}", crate::msg!(MarkCommit, snapshots = SNAPSHOTS));
    }
    Ok(out)
}

/// Marks the translation `tid` against its original as loaded; `None` if it has none.
fn mark_one(site: &Site, root: &Path, tid: usize, named: bool) -> Option<Outcome> {
    let t = &site.entries[tid];
    let original = &site.entries[site.get(t.kind(), &t.src.key, 0)?];
    let (tfile, ofile) = (format!("content/{}", t.src.rel), format!("content/{}", original.src.rel));
    let text = version_text(&original.src.front, &original.src.body());
    let hash = crate::hash::short_hex(text.as_bytes(), 12);
    if t.src.fm.translated_from.as_deref() == Some(hash.as_str()) {
        return Some(Outcome::Current);
    }
    if !named && t.src.fm.translated_from.is_some() {
        let line = crate::msg!(MarkLeftOut, translation = tfile.as_str(), original = ofile.as_str());
        return Some(Outcome::LeftOut(line + "\n"));
    }
    if let Err(d) = save_snapshot(root, &hash, &text) {
        return Some(Outcome::Failed(d));
    }
    Some(match user_files::replace(&root.join(&tfile), &marked_bytes(&t.src, &hash), &t.src.bytes()) {
        Ok(()) => Outcome::Marked(
            crate::msg!(MarkMarked, translation = tfile.as_str(), original = ofile.as_str(), hash = hash.as_str())
                + "\n",
        ),
        Err(WriteError::Changed) => Outcome::Failed(
            Diagnostic::error(Kind::MarkChanged, crate::msg!(MarkChanged))
                .in_file(&tfile)
                .hint(crate::msg!(MarkChangedHint, translation = tfile.as_str())),
        ),
        Err(WriteError::Io(e)) => Outcome::Failed(
            Diagnostic::error(Kind::Io, crate::msg!(CannotWriteFile, error = e.to_string())).in_file(&tfile),
        ),
    })
}

/// The bytes of a loaded file with `translated_from = "<hash>"` set, everything else as read.
pub fn marked_bytes(src: &Source, hash: &str) -> Vec<u8> {
    let file = format!("{}{}", src.front.text, src.body());
    src.read.bytes(&set_translated_from(&file, &src.front, hash))
}

/// Saves the original's text as marked, unless a snapshot of it is already there.
fn save_snapshot(root: &Path, hash: &str, text: &str) -> Result<(), Diagnostic> {
    let snapshot = root.join(SNAPSHOTS).join(format!("{hash}.txt"));
    if snapshot.is_file() {
        return Ok(());
    }
    let written = std::fs::create_dir_all(root.join(SNAPSHOTS))
        .map_err(WriteError::Io)
        .and_then(|()| user_files::write(&snapshot, text.as_bytes()));
    written.map_err(|e| {
        let e = match e {
            WriteError::Io(e) => e.to_string(),
            WriteError::Changed => crate::msg!(ChangedWhileWritten),
        };
        let snapshot = format!("{SNAPSHOTS}/{hash}.txt");
        Diagnostic::error(Kind::Io, crate::msg!(SnapshotUnsaved, snapshot = snapshot, error = e))
            .hint(crate::msg!(SiteFolderWritableHint))
    })
}

/// The translations the named files stand for, each with whether it was named itself: a
/// translation, or every translation of a named original.
fn named_translations(site: &Site, root: &Path, files: &[PathBuf]) -> Result<Vec<(usize, bool)>, Vec<Diagnostic>> {
    let content = root.join("content").canonicalize().unwrap_or_else(|_| root.join("content"));
    let mut targets = Vec::new();
    let mut diags = Vec::new();
    for f in files {
        let rel = [f.clone(), root.join(f)].iter().find_map(|c| {
            let canon = c.canonicalize().ok()?;
            Some(canon.strip_prefix(&content).ok()?.to_string_lossy().replace('\\', "/"))
        });
        // As the reader would write it, from the site's folder (the command line made it absolute).
        let shown = f.strip_prefix(root).unwrap_or(f).display().to_string();
        let Some(id) = rel.as_deref().and_then(|rel| site.entries.iter().position(|e| e.src.rel == rel)) else {
            let d = Diagnostic::error(Kind::MarkTarget, crate::msg!(MarkNotAnEntry, file = shown.as_str()));
            diags.push(match bundle_form(site, &shown) {
                Some(file) => d.hint(crate::msg!(MarkBundleHint, file = file)),
                None => d.hint(crate::msg!(MarkNotAnEntryHint)),
            });
            continue;
        };
        let e = &site.entries[id];
        if e.lang() != 0 {
            if site.get(e.kind(), &e.src.key, 0).is_none() {
                diags.push(
                    Diagnostic::error(Kind::MarkTarget, crate::msg!(MarkNoOriginal, file = shown.as_str()))
                        .in_file(format!("content/{}", e.src.rel))
                        .hint(crate::msg!(MarkNoOriginalHint)),
                );
            }
            targets.push((id, true));
            continue;
        }
        let translations: Vec<usize> = e.translations.iter().copied().filter(|&i| i != id).collect();
        if translations.is_empty() {
            diags.push(
                Diagnostic::error(Kind::MarkTarget, crate::msg!(MarkNoTranslations, file = shown.as_str()))
                    .in_file(format!("content/{}", e.src.rel)),
            );
        }
        targets.extend(translations.into_iter().map(|i| (i, false)));
    }
    if diags.is_empty() {
        Ok(targets)
    } else {
        Err(diags)
    }
}

/// `content/reti/rete.en.md` for a page kept in a folder: its file is
/// `content/reti/rete/index.en.md` (the editors' guide names the first form).
fn bundle_form(site: &Site, shown: &str) -> Option<String> {
    let rel = shown.strip_prefix("content/")?.strip_suffix(".md")?;
    let (stem, lang) = rel.rsplit_once('.').filter(|(_, l)| !l.contains('/')).unwrap_or((rel, ""));
    let file = if lang.is_empty() { format!("{stem}/index.md") } else { format!("{stem}/index.{lang}.md") };
    site.entries.iter().any(|e| e.src.rel == file).then(|| format!("content/{file}"))
}

/// Removes snapshots no content file refers to any more (none if that cannot be known).
fn prune(root: &Path) {
    let Some(keep) = translations::referenced_versions(root) else { return };
    let Ok(dir) = std::fs::read_dir(root.join(SNAPSHOTS)) else { return };
    for entry in dir.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(hash) = name.strip_suffix(".txt") else { continue };
        if hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !keep.contains(hash) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
