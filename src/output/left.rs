//! The output folder as a build left it (`Left`): every file and folder by name, with their
//! stamps hashed. The next build uses it twice without listing the folder (a tenth of a
//! one-page rebuild on 10,000 pages): a rebuild with nothing changed stats every file and
//! folder against it, and the apply of any other rebuild takes the names of what is there
//! from it once the folders' stamps agree.
//!
//! A folder's times move whenever an entry is added to it or removed from it, so an
//! unchanged stamp means the same names inside. A folder written too recently for that
//! (`stamp::SETTLED`, the census's racy-clean rule) is listed instead, until a check finds it
//! settled and keeps its stamp.

use super::listing::Listing;
use crate::hash::Key;
use crate::stamp::{Stamp, Under};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

#[derive(Serialize, Deserialize)]
pub struct Left {
    /// Every file the build left in the output, sorted.
    files: Vec<String>,
    /// The folders to list rather than stat (`""` is the output folder itself), sorted.
    listed: Vec<String>,
    /// The stamps of the other folders, hashed in order.
    folders: u64,
    /// The stamps of the files, with their names, and the manifest's, hashed in order.
    stamps: u64,
}

/// The folders of `files` (`""` the output itself), each with the names it holds.
fn folders(files: &[String]) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut folders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::from([("", BTreeSet::new())]);
    for rel in files {
        let mut child = rel.as_str();
        while let Some((parent, name)) = child.rsplit_once('/') {
            let known = folders.contains_key(parent);
            folders.entry(parent).or_default().insert(name);
            if known {
                break;
            }
            child = parent;
        }
        // Every chain of folders ends in the output folder itself.
        let top = child.split_once('/').map_or(child, |(top, _)| top);
        folders.entry("").or_default().insert(top);
    }
    folders
}

/// The folders of `files`, `""` (the output itself) first, sorted: `folders`' keys, without
/// the names in each (sets of names for 10,000 folders were a third of their stats' time).
fn folder_names(files: &[String]) -> Vec<&str> {
    let mut names: Vec<&str> = super::listing::holding(files.iter().map(String::as_str)).into_iter().collect();
    names.push("");
    names.sort_unstable();
    names
}

/// Whether the folder `rel` holds exactly `names`, each of the kind the build left: a
/// folder where it left a folder, a file where it left a file (links are neither: a link
/// where a folder was would take the next build's files out of the output).
fn holds_only(out: &Path, rel: &str, folders: &BTreeMap<&str, BTreeSet<&str>>) -> bool {
    let (Some(names), Ok(entries)) = (folders.get(rel), std::fs::read_dir(out.join(rel))) else { return false };
    let mut found = 0;
    for entry in entries {
        let Ok(entry) = entry else { return false };
        let Some(name) = entry.file_name().to_str().filter(|n| names.contains(n)).map(str::to_owned) else {
            return false;
        };
        let path = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        let kind_left = entry.file_type().is_ok_and(|t| match folders.contains_key(path.as_str()) {
            true => t.is_dir(),
            false => t.is_file(),
        });
        if !kind_left {
            return false;
        }
        found += 1;
    }
    found == names.len()
}

fn hash<'a>(stamps: impl Iterator<Item = &'a Stamp>) -> u64 {
    let mut h = Key::default();
    stamps.for_each(|s| s.hash_into(&mut h));
    h.finish()
}

fn files_hash(out: &Path, files: &[String], stamps: &[Stamp]) -> Option<u64> {
    let mut h = Key::default();
    for (rel, stamp) in files.iter().zip(stamps) {
        stamp.hash_into(h.text(rel));
    }
    Stamp::of(&super::manifest::marker_path(out))?.hash_into(&mut h);
    Some(h.finish())
}

/// The folders of a `Left` as they are now.
struct Folders<'a> {
    names: Vec<&'a str>,
    stamps: Vec<Stamp>,
    listed: Vec<bool>,
}

impl Left {
    /// The output folder `out` as a build left it: it holds exactly the `files` it produced;
    /// `known` has the stamps the build record took of most of them, `folders` those the
    /// apply took of the folders it left alone (`Held::folders`); the others are read.
    pub fn known<'a>(
        out: &Path,
        files: impl Iterator<Item = &'a str>,
        known: &HashMap<&str, Stamp>,
        folders: &HashMap<String, Stamp>,
    ) -> Option<Left> {
        let mut files: Vec<String> = files.map(str::to_owned).collect();
        files.sort_unstable();
        let under = Under::open(out).ok()?;
        let stamps = files
            .par_iter()
            .map(|rel| known.get(rel.as_str()).copied().or_else(|| under.stamp(rel, false)))
            .collect::<Option<Vec<_>>>()?;
        let settled = crate::stamp::settled_before();
        let names = folder_names(&files);
        let folder_stamps = names
            .par_iter()
            .map(|rel| folders.get(*rel).copied().or_else(|| under.stamp(rel, true)))
            .collect::<Option<Vec<_>>>()?;
        let recent = |s: &Stamp| s.latest_ns() >= settled;
        let listed = names.iter().zip(&folder_stamps).filter(|(_, s)| recent(s)).map(|(f, _)| (*f).to_owned());
        let listed = listed.collect();
        let folders = hash(folder_stamps.iter().filter(|s| !recent(s)));
        let stamps = files_hash(out, &files, &stamps)?;
        Some(Left { files, listed, folders, stamps })
    }

    fn is_listed(&self, rel: &str) -> bool {
        self.listed.binary_search_by(|l| l.as_str().cmp(rel)).is_ok()
    }

    /// Every folder's stamp now, the listed ones checked to hold the same names as when
    /// the build left them; `None` when one is gone, holds other names or has another stamp.
    fn folders_now(&self, under: &Under, out: &Path) -> Option<Folders<'_>> {
        let names = folder_names(&self.files);
        // The names in each folder, for the folders to list.
        let folders = std::sync::OnceLock::new();
        let folders = || folders.get_or_init(|| self::folders(&self.files));
        // Stamped before it is listed: a change after the listing moves the stamp kept.
        let stamps = names
            .par_iter()
            .map(|rel| {
                let stamp = under.stamp(rel, true)?;
                (!self.is_listed(rel) || holds_only(out, rel, folders())).then_some(stamp)
            })
            .collect::<Option<Vec<Stamp>>>()?;
        let listed: Vec<bool> = names.iter().map(|rel| self.is_listed(rel)).collect();
        let stamped = stamps.iter().zip(&listed).filter(|(_, l)| !**l).map(|(s, _)| s);
        (hash(stamped) == self.folders).then_some(Folders { names, stamps, listed })
    }

    /// Whether `out` still holds exactly what the build left, each file as it was: `None`
    /// if not; else, when folders that had to be listed are settled now, what to keep
    /// instead so that the next check stats them.
    pub fn unchanged(&self, out: &Path) -> Option<Option<Left>> {
        let under = Under::open(out).ok()?;
        let now = self.folders_now(&under, out)?;
        let stamps = self.files.par_iter().map(|rel| under.stamp(rel, false)).collect::<Option<Vec<_>>>()?;
        if files_hash(out, &self.files, &stamps)? != self.stamps {
            return None;
        }
        let settled = crate::stamp::settled_before();
        let recent: Vec<bool> =
            now.stamps.iter().zip(&now.listed).map(|(s, l)| *l && s.latest_ns() >= settled).collect();
        if recent.iter().filter(|r| **r).count() == self.listed.len() {
            return Some(None);
        }
        let listed = now.names.iter().zip(&recent).filter(|(_, r)| **r).map(|(n, _)| (*n).to_owned()).collect();
        let folders = hash(now.stamps.iter().zip(&recent).filter(|(_, r)| !**r).map(|(s, _)| s));
        Some(Some(Left { files: self.files.clone(), listed, folders, stamps: self.stamps }))
    }

    /// What `out` holds, by name, when its folders show no entry added or removed since the
    /// build left it (the files' contents are not looked at): the listing, without listing.
    pub fn listing(&self, out: &Path) -> Option<Listing> {
        let under = Under::open(out).ok()?;
        let now = self.folders_now(&under, out)?;
        let dirs = now.names.iter().filter(|rel| !rel.is_empty()).map(|rel| (*rel).to_owned()).collect();
        let stamps = now.names.iter().zip(now.stamps).map(|(rel, s)| ((*rel).to_owned(), s)).collect();
        Some(Listing { files: self.files.clone(), dirs, odd: Vec::new(), stamps })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_the_folders_keys() {
        let files: Vec<String> = ["a/b/index.html", "a/c.css", "index.html", "x/y/z/index.html", "x/y/w.png", "x/i"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(folder_names(&files), folders(&files).into_keys().collect::<Vec<_>>());
    }

    #[test]
    fn folders_hold_their_files_and_sub_folders() {
        let files: Vec<String> =
            ["a/b/index.html", "a/c.css", "index.html", "x/y/z/index.html", "x/y/w.png"].map(str::to_owned).to_vec();
        let f = folders(&files);
        let names = |rel: &str| f[rel].iter().copied().collect::<Vec<_>>();
        assert_eq!(f.keys().copied().collect::<Vec<_>>(), ["", "a", "a/b", "x", "x/y", "x/y/z"]);
        assert_eq!(names(""), ["a", "index.html", "x"]);
        assert_eq!(names("a"), ["b", "c.css"]);
        assert_eq!(names("x/y"), ["w.png", "z"]);
        assert_eq!(names("x/y/z"), ["index.html"]);
    }
}
