//! `sito translations --mark [FILES]`: records in each translation's front matter the
//! version of its original it now follows (`translated_from`), and snapshots the original's
//! text under `.sito/originals/` so that later changes can be shown as a diff.
//!
//! Without FILES, every translation that is not marked yet or is still up to date is
//! marked; an out-of-date one is left alone and listed, because marking it would declare it
//! current. Name it (or its original) once it has been brought up to date.

use super::translations::{self, set_translated_from, version, version_text, SNAPSHOTS};
use crate::diag::{Diagnostic, Kind};
use crate::resolve::Site;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Marks the translations and returns what to tell the user.
pub fn mark(site: &Site, root: &Path, files: &[PathBuf]) -> Result<String, Vec<Diagnostic>> {
    let (targets, named) = if files.is_empty() {
        ((0..site.entries.len()).filter(|&i| site.entries[i].lang() != 0).collect(), false)
    } else {
        (named_translations(site, root, files)?, true)
    };
    let mut out = String::new();
    let mut diags = Vec::new();
    let (mut marked, mut current, mut skipped) = (0, 0, 0);
    for tid in targets {
        let t = &site.entries[tid];
        let Some(oid) = site.get(t.kind(), &t.src.key, 0) else { continue };
        let original = &site.entries[oid];
        let (tfile, ofile) = (format!("content/{}", t.src.rel), format!("content/{}", original.src.rel));
        let read = |rel: &str| {
            let shown = Path::new("content").join(rel);
            crate::load::toml_input::read_text(&root.join(&shown), &shown)
        };
        let otext = match read(&original.src.rel) {
            Ok(text) => text,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let hash = version(&otext);
        if t.src.fm.translated_from.as_deref() == Some(hash.as_str()) {
            current += 1;
            continue;
        }
        if !named && t.src.fm.translated_from.is_some() {
            let _ = writeln!(
                out,
                "left out {tfile}: {ofile} changed since it was marked; update it, then run `sito translations --mark {tfile}`"
            );
            skipped += 1;
            continue;
        }
        let snapshot = root.join(SNAPSHOTS).join(format!("{hash}.txt"));
        if !snapshot.is_file() {
            let written = std::fs::create_dir_all(root.join(SNAPSHOTS))
                .and_then(|()| std::fs::write(&snapshot, version_text(&otext)));
            if let Err(e) = written {
                diags.push(
                    Diagnostic::error(Kind::Io, format!("cannot save the snapshot {SNAPSHOTS}/{hash}.txt: {e}"))
                        .hint("check that the site folder is writable"),
                );
                continue;
            }
        }
        // Re-read the translation as bytes on disk, so nothing but the mark changes.
        let path = root.join("content").join(&t.src.rel);
        let edited = std::fs::read_to_string(&path).ok().and_then(|text| set_translated_from(&text, &hash));
        let Some(edited) = edited else {
            diags.push(
                Diagnostic::error(Kind::Io, "cannot read this file's front matter to mark it")
                    .in_file(&tfile)
                    .hint("check that the file starts with `+++` and that you may read and write it"),
            );
            continue;
        };
        if let Err(e) = std::fs::write(&path, edited) {
            diags.push(Diagnostic::error(Kind::Io, format!("cannot write this file: {e}")).in_file(&tfile));
            continue;
        }
        let _ = writeln!(out, "marked {tfile} as translating {ofile} ({hash})");
        marked += 1;
    }
    prune(root);
    if !diags.is_empty() {
        return Err(diags);
    }
    let _ = writeln!(
        out,
        "{marked} marked, {current} already up to date{}",
        if skipped > 0 { format!(", {skipped} out of date left out") } else { String::new() }
    );
    if marked > 0 {
        let _ =
            writeln!(out, "commit the marked files together with {SNAPSHOTS}/, which `sito check` compares against");
    }
    Ok(out)
}

/// The translations the named files stand for: a translation itself, or every translation
/// of a named original.
fn named_translations(site: &Site, root: &Path, files: &[PathBuf]) -> Result<Vec<usize>, Vec<Diagnostic>> {
    let content = root.join("content").canonicalize().unwrap_or_else(|_| root.join("content"));
    let mut targets = Vec::new();
    let mut diags = Vec::new();
    for f in files {
        let rel = [f.clone(), root.join(f)].iter().find_map(|c| {
            let canon = c.canonicalize().ok()?;
            Some(canon.strip_prefix(&content).ok()?.to_string_lossy().replace('\\', "/"))
        });
        let shown = f.display().to_string();
        let Some(id) = rel.as_deref().and_then(|rel| site.entries.iter().position(|e| e.src.rel == rel)) else {
            diags.push(
                Diagnostic::error(Kind::MarkTarget, format!("{shown} is not a page or section of this site"))
                    .hint("name a translation under content/, e.g. content/reti/c40.en.md"),
            );
            continue;
        };
        let e = &site.entries[id];
        if e.lang() != 0 {
            if site.get(e.kind(), &e.src.key, 0).is_none() {
                diags.push(
                    Diagnostic::error(Kind::MarkTarget, format!("{shown} has no original to mark it against"))
                        .in_file(format!("content/{}", e.src.rel))
                        .hint("only translations of a default-language file can be marked"),
                );
            }
            targets.push(id);
            continue;
        }
        let translations: Vec<usize> = e.translations.iter().copied().filter(|&i| i != id).collect();
        if translations.is_empty() {
            diags.push(
                Diagnostic::error(Kind::MarkTarget, format!("{shown} has no translations to mark"))
                    .in_file(format!("content/{}", e.src.rel)),
            );
        }
        targets.extend(translations);
    }
    if diags.is_empty() {
        Ok(targets)
    } else {
        Err(diags)
    }
}

/// Removes snapshots no translation refers to any more.
fn prune(root: &Path) {
    let keep = translations::referenced_versions(root);
    let Ok(dir) = std::fs::read_dir(root.join(SNAPSHOTS)) else { return };
    for entry in dir.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(hash) = name.strip_suffix(".txt") else { continue };
        if hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()) && !keep.contains(hash) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
