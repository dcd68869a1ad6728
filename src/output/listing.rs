//! The files and folders under an output folder, its sub-folders read in parallel, for the
//! apply to find stale files: a walk one entry at a time was a fifth of a one-page rebuild
//! (issue 17). Entries are not followed: a symbolic link is listed as a file.

use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct Listing {
    /// `/`-separated paths from the listed folder.
    pub files: Vec<String>,
    /// Every folder below, as a `/`-separated path from the listed folder.
    pub dirs: Vec<String>,
    /// Files and folders whose names are not text, by full path, not looked into: no build
    /// makes them, and a name made text would name something else.
    pub odd: Vec<PathBuf>,
    /// Every folder's stamp (`""` the listed folder), when the names come from what the last
    /// build left (`Left::listing`), which stats the folders instead of reading them.
    pub stamps: Vec<(String, crate::stamp::Stamp)>,
}

pub fn list(dir: &Path) -> io::Result<Listing> {
    list_in(dir, "")
}

fn list_in(dir: &Path, rel: &str) -> io::Result<Listing> {
    let mut entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    let parts = entries
        .par_iter()
        .map(|e| -> io::Result<Listing> {
            let name = e.file_name();
            let Some(name) = name.to_str() else { return Ok(Listing { odd: vec![e.path()], ..Listing::default() }) };
            let name = if rel.is_empty() { name.to_owned() } else { format!("{rel}/{name}") };
            if e.file_type()?.is_dir() {
                let mut inner = list_in(&e.path(), &name)?;
                inner.dirs.push(name);
                return Ok(inner);
            }
            Ok(Listing { files: vec![name], ..Listing::default() })
        })
        .collect::<io::Result<Vec<_>>>()?;
    Ok(parts.into_iter().fold(Listing::default(), |mut all, part| {
        all.files.extend(part.files);
        all.dirs.extend(part.dirs);
        all.odd.extend(part.odd);
        all
    }))
}

/// The folders `rel` (a `/`-separated path) is in, innermost first, not the top one.
pub fn parents(rel: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(rel.rsplit_once('/').map(|(parent, _)| parent), |at| at.rsplit_once('/').map(|(p, _)| p))
}

/// Every folder that holds one of `files` (`/`-separated paths from the output folder),
/// by its path from there; not the output folder itself.
pub fn holding<'a>(files: impl IntoIterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut folders = HashSet::new();
    for rel in files {
        // A folder met before was met with its parents.
        parents(rel).take_while(|parent| folders.insert(*parent)).for_each(drop);
    }
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_innermost_first_and_the_folders_holding_files() {
        assert_eq!(parents("a/b/c.html").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(parents("index.html").count(), 0);
        let mut held: Vec<&str> = holding(["a/b/c.html", "a/d.css", "x/i.html", "top.xml"]).into_iter().collect();
        held.sort_unstable();
        assert_eq!(held, ["a", "a/b", "x"]);
    }
}
