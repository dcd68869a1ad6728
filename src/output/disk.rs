//! The disk sink: files that differ from the current output are written into a staging
//! folder beside it and moved in only once the whole build succeeded; files no longer
//! produced are removed. A lock file keeps two builds from mixing their files, and a marker
//! beside the folder (`manifest`) says sito made it (so it may replace files in it) and
//! what it published.

use super::left::Left;
use super::listing::parents;
use super::manifest::{self, Manifest, LEGACY_MARKER};
use crate::render::Sink;
use crate::stamp::{Stamp, Under};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Writes into a staging folder the files that differ from the current output.
pub struct DiskSink {
    out: PathBuf,
    staging: PathBuf,
    out_exists: bool,
    written: Mutex<HashSet<String>>,
    /// The files staged, each with its number in a flat staging folder (see `staged_path`).
    changed: Mutex<Vec<(String, usize)>>,
    made_dirs: Mutex<HashSet<PathBuf>>,
    /// Files for beside the output folder, written on apply.
    beside: Mutex<Vec<(String, Vec<u8>)>>,
    previous: Option<Manifest>,
    /// The output folder opened, to stat kept files and move files in (when it exists).
    under: Option<Under>,
    lock: fs::File,
}

/// The output lock, held after the apply until the build has recorded what it left (so no
/// other build changes the folder while this one stamps it).
pub struct Held {
    _lock: fs::File,
    /// The stamps the apply took of the output's folders before it moved anything, of those
    /// it then left alone (not the folders it moved files into or made, nor any above them;
    /// none if it removed anything): what the build leaves need not stat them again.
    pub folders: HashMap<String, Stamp>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Why an apply failed, and whether the output folder is still as the last build left it:
/// the writability check and a folder replaced during the build refuse before anything
/// moves, and the user is told the folder was not changed rather than that it may be
/// incomplete.
#[derive(Debug)]
pub enum ApplyError {
    /// Nothing in the output folder was changed (the staged files are thrown away).
    Untouched(io::Error),
    /// Files may have moved: the output folder may be incomplete.
    Partial(io::Error),
}

impl DiskSink {
    /// Takes the output lock and prepares an empty staging folder. Refuses to touch an
    /// existing folder sito did not create, unless `force`.
    pub fn open(out: &Path, force: bool) -> Result<DiskSink, String> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| crate::msg!(OutputNotFolderName, out = out.display().to_string()))?;
        let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let Some(file) = parent.ancestors().find(|a| a.is_file()) {
            let (out, file) = (out.display().to_string(), file.display().to_string());
            return Err(crate::msg!(OutputParentIsFile, out = out, file = file));
        }
        let cannot_create =
            |p: &Path, e: io::Error| crate::msg!(CannotCreate, path = p.display().to_string(), error = e.to_string());
        fs::create_dir_all(parent).map_err(|e| cannot_create(parent, e))?;
        let lock_path = parent.join(format!(".{name}.sito-lock"));
        let lock = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&lock_path).map_err(|e| {
            crate::msg!(CannotCreateLock, path = lock_path.display().to_string(), error = e.to_string())
        })?;
        if lock.try_lock().is_err() {
            eprintln!("{}", crate::msg!(OutputWaiting, out = out.display().to_string()));
            lock.lock()
                .map_err(|e| crate::msg!(CannotLock, path = lock_path.display().to_string(), error = e.to_string()))?;
        }
        let previous = Manifest::read(out).map_err(|e| crate::msg!(ManifestUnreadable, error = e.to_string()))?;
        let out_exists = out.exists();
        if out_exists {
            if !out.is_dir() {
                return Err(crate::msg!(OutputNotAFolder, out = out.display().to_string()));
            }
            let empty = fs::read_dir(out).map(|mut d| d.next().is_none()).unwrap_or(false);
            let ours = manifest::marker_path(out).is_file() || out.join(LEGACY_MARKER).is_file();
            if !empty && !ours && !force {
                return Err(crate::msg!(OutputNotOurs, out = out.display().to_string()));
            }
        }
        let staging = parent.join(format!(".{name}.sito-staging"));
        if staging.exists() {
            let clear =
                |e: io::Error| crate::msg!(CannotClear, path = staging.display().to_string(), error = e.to_string());
            fs::remove_dir_all(&staging).map_err(clear)?;
        }
        fs::create_dir(&staging).map_err(|e| cannot_create(&staging, e))?;
        Ok(DiskSink {
            out: out.to_path_buf(),
            staging,
            out_exists,
            written: Mutex::default(),
            changed: Mutex::default(),
            made_dirs: Mutex::default(),
            beside: Mutex::default(),
            previous,
            under: out_exists.then(|| Under::open(out).ok()).flatten(),
            lock,
        })
    }

    /// What the last successful build into this folder published, if it said.
    pub fn previous(&self) -> Option<&Manifest> {
        self.previous.as_ref()
    }

    pub fn out(&self) -> &Path {
        &self.out
    }

    fn record(&self, rel: &str) -> io::Result<()> {
        let mut written = self.written.lock().map_err(|_| poisoned())?;
        if !written.insert(rel.to_owned()) {
            return Err(io::Error::other(crate::msg!(TwoOutputs, rel = rel)));
        }
        Ok(())
    }

    /// Is the file already in the output, byte for byte?
    fn unchanged(&self, rel: &str, bytes: &[u8]) -> bool {
        if !self.out_exists {
            return false;
        }
        let same_size =
            self.under.as_ref().and_then(|u| u.stamp(rel, false)).is_some_and(|s| s.len == bytes.len() as u64);
        same_size && fs::read(self.out.join(rel)).is_ok_and(|old| old == bytes)
    }

    /// Where the file goes in staging. Into an existing output, files move one by one, so
    /// staging is flat (numbered files: no ten thousand folders made, then removed, on a
    /// template edit); a new output is the staging folder renamed, so it has the site's shape.
    fn staged_path(&self, rel: &str) -> io::Result<PathBuf> {
        let mut changed = self.changed.lock().map_err(|_| poisoned())?;
        let n = changed.len();
        changed.push((rel.to_owned(), n));
        drop(changed);
        if self.out_exists {
            return Ok(self.staging.join(n.to_string()));
        }
        let path = self.staging.join(rel);
        if let Some(dir) = path.parent() {
            let mut made = self.made_dirs.lock().map_err(|_| poisoned())?;
            if !made.contains(dir) {
                fs::create_dir_all(dir)?;
                made.insert(dir.to_path_buf());
            }
        }
        Ok(path)
    }

    /// Moves the staged files into the output, deletes files no longer produced, writes the
    /// files that go beside the folder and then the manifest of what was published. Only
    /// called after every file was rendered without error.
    /// `left` is what the last build said it left in the output, which spares listing it.
    pub fn apply(self, mut published: Manifest, left: Option<&Left>) -> Result<(Applied, Held), ApplyError> {
        let written = self.written.into_inner().map_err(|_| ApplyError::Untouched(poisoned()))?;
        let mut changed = self.changed.into_inner().map_err(|_| ApplyError::Untouched(poisoned()))?;
        changed.sort();
        let (applied, folders) = if !self.out_exists {
            if let Err(e) = fs::rename(&self.staging, &self.out) {
                let _ = fs::remove_dir_all(&self.staging);
                return Err(ApplyError::Untouched(e));
            }
            (Applied { written: changed.len(), unchanged: 0, removed: 0 }, HashMap::new())
        } else {
            // One listing of the folder serves the check, the folders to make and the
            // removal: the renames only add files this build produced, so what is stale
            // stays the same.
            // What the render compared with, and what the renames go into, is the folder
            // opened at the start: if it was removed or replaced since, nothing moves.
            // (Not opened then: the render kept nothing, and the error says why it cannot be.)
            let reopened;
            let into = match &self.under {
                Some(under) if under.is(&self.out) => under,
                Some(_) => {
                    let _ = fs::remove_dir_all(&self.staging);
                    let replaced = crate::msg!(OutputReplaced, out = self.out.display().to_string());
                    return Err(ApplyError::Untouched(io::Error::other(replaced)));
                }
                None => {
                    reopened = Under::open(&self.out).map_err(ApplyError::Untouched)?;
                    &reopened
                }
            };
            let stale = Stale::find(&self.out, &written, left)
                .and_then(|stale| check_writable(into, &self.out, &self.staging, &changed, &stale).map(|_| stale));
            let mut stale = match stale {
                Ok(stale) => stale,
                Err(e) => {
                    let _ = fs::remove_dir_all(&self.staging);
                    return Err(ApplyError::Untouched(e));
                }
            };
            let cleared = make_room(&self.out, &changed, &stale).map_err(ApplyError::Partial)?;
            // Folders are ready: the renames are independent (a tenth of a second for
            // 10,000 pages, one at a time).
            let staged = Under::open(&self.staging).map_err(ApplyError::Partial)?;
            changed
                .par_iter()
                // The file that could not be moved is named: an immutable one, say, which the
                // check before (skipped for root, who may write anything else) cannot see.
                .try_for_each(|(rel, n)| {
                    staged
                        .rename(&n.to_string(), into, rel)
                        .map_err(|e| io::Error::new(e.kind(), format!("{rel}: {e}")))
                })
                .map_err(ApplyError::Partial)?;
            let stamps = std::mem::take(&mut stale.stamps);
            // An older sito's marker inside the folder goes with the other stale files.
            let removed = stale.remove(&written, &cleared).map_err(ApplyError::Partial)?;
            let folders = untouched(stamps, &changed, removed == 0 && cleared.is_empty());
            // Anything unexpected left inside is removed whole.
            fs::remove_dir(&self.staging)
                .or_else(|_| fs::remove_dir_all(&self.staging))
                .map_err(ApplyError::Partial)?;
            (Applied { written: changed.len(), unchanged: written.len() - changed.len(), removed }, folders)
        };
        let mut beside = self.beside.into_inner().map_err(|_| ApplyError::Partial(poisoned()))?;
        beside.sort();
        for (name, bytes) in &beside {
            manifest::write_atomic(&manifest::beside(&self.out, "", name), bytes).map_err(ApplyError::Partial)?;
        }
        published.beside = beside.into_iter().map(|(name, _)| name).collect();
        for old in self.previous.iter().flat_map(|m| &m.beside) {
            if !published.beside.contains(old) && is_beside_name(old) {
                let _ = fs::remove_file(manifest::beside(&self.out, "", old));
            }
        }
        published.write(&self.out, self.previous.as_ref()).map_err(ApplyError::Partial)?;
        Ok((applied, Held { _lock: self.lock, folders }))
    }

    /// Throws the staged files away (the build failed).
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

impl Sink for DiskSink {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        self.record(rel)?;
        if self.unchanged(rel, bytes) {
            return Ok(());
        }
        let mut f = io::BufWriter::new(fs::File::create(self.staged_path(rel)?)?);
        f.write_all(bytes)?;
        f.flush()
    }

    fn copy(&self, rel: &str, from: &Path) -> io::Result<()> {
        self.record(rel)?;
        if self.out_exists {
            let target = self.out.join(rel);
            if let (Ok(a), Ok(b)) = (fs::metadata(from), fs::metadata(&target)) {
                if b.is_file() && a.len() == b.len() && fs::read(from)? == fs::read(&target)? {
                    return Ok(());
                }
            }
        }
        fs::copy(from, self.staged_path(rel)?)?;
        Ok(())
    }

    /// The file is in the output with the size and time it had when the last build
    /// recorded it: nobody replaced or removed it since.
    fn holds(&self, rel: &str, stamp: Option<&Stamp>) -> bool {
        let now = |under: &Under| under.stamp(rel, false);
        stamp.is_some_and(|s| self.under.as_ref().and_then(now).as_ref() == Some(s))
    }

    fn keep(&self, rel: &str, _ids: Option<&crate::render::Ids>) -> io::Result<()> {
        self.record(rel)
    }

    fn read_kept(&self, rel: &str) -> Option<Vec<u8>> {
        fs::read(self.out.join(rel)).ok()
    }

    fn write_beside(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        if !is_beside_name(name) {
            return Err(io::Error::other(crate::msg!(NotABesideName, name = name)));
        }
        self.beside.lock().map_err(|_| poisoned())?.push((name.to_owned(), bytes.to_vec()));
        Ok(())
    }
}

/// The folders of `stamps` the apply left alone: when it removed nothing, all but those it
/// moved the `changed` files into or made (and every folder above those, the output's own
/// among them); when it removed anything, none (a folder may have gone with its files).
fn untouched(
    stamps: Vec<(String, Stamp)>,
    changed: &[(String, usize)],
    removed_nothing: bool,
) -> HashMap<String, Stamp> {
    if !removed_nothing {
        return HashMap::new();
    }
    let touched = super::listing::holding(changed.iter().map(|(rel, _)| rel.as_str()));
    stamps.into_iter().filter(|(rel, _)| !rel.is_empty() && !touched.contains(rel.as_str())).collect()
}

/// A thread that panicked while holding one of the sink's locks.
fn poisoned() -> io::Error {
    io::Error::other(crate::msg!(LockPoisoned))
}

/// A suffix for a file beside the output (`.nginx.conf`): one plain name, so that a
/// manifest edited by hand cannot make a build delete or write anywhere else.
fn is_beside_name(name: &str) -> bool {
    name.starts_with('.') && name.len() > 1 && !name.contains(['/', '\\', '\0']) && !name.contains("..")
}

/// Clears the way for every file of `changed`, from what `stale` found in `out`: a folder
/// standing where a file goes, or a file standing where a folder goes (a page that became a
/// section, or the reverse); then makes the folders they go in. Returns what it removed.
/// Folders are paths from `out` (paths made and hashed for each of 10,000 files' folders
/// were a tenth of a template edit's apply).
fn make_room(out: &Path, changed: &[(String, usize)], stale: &Stale) -> io::Result<HashSet<PathBuf>> {
    let mut ready: HashSet<&str> = HashSet::new();
    let mut cleared = HashSet::new();
    for (rel, _) in changed {
        if stale.existing.contains(rel.as_str()) {
            let target = out.join(rel);
            fs::remove_dir_all(&target)?;
            cleared.insert(target);
        }
        // Its folders not made ready yet: a ready folder's are ready.
        let ancestors: Vec<&str> = parents(rel).take_while(|parent| !ready.contains(parent)).collect();
        for dir in ancestors.into_iter().rev() {
            if !stale.existing.contains(dir) {
                let path = out.join(dir);
                match fs::create_dir(&path) {
                    // Not a folder, so a stale file stands there.
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                        fs::remove_file(&path)?;
                        fs::create_dir(&path)?;
                        cleared.insert(path);
                    }
                    other => other?,
                }
            }
            ready.insert(dir);
        }
    }
    Ok(cleared)
}

/// Removes the folders that are empty, deepest first, each depth in parallel (10,000
/// folders one at a time took 40 ms); one that still holds something stays.
fn remove_folders<'a>(dirs: impl IntoIterator<Item = &'a Path>) {
    let mut by_depth: std::collections::BTreeMap<usize, Vec<&Path>> = std::collections::BTreeMap::new();
    for dir in dirs {
        by_depth.entry(dir.components().count()).or_default().push(dir);
    }
    for dirs in by_depth.into_values().rev() {
        dirs.par_iter().for_each(|d| _ = fs::remove_dir(d));
    }
}

/// Files move into the output one rename at a time, so a folder that cannot be written
/// (permissions, a read-only mount) would stop the build halfway and leave a mix of old and
/// new pages. Try every folder the renames and deletions will touch first, and refuse
/// before anything moved. Folders are looked up from the opened output (`into`).
fn check_writable(
    into: &Under,
    out: &Path,
    staging: &Path,
    changed: &[(String, usize)],
    stale: &Stale,
) -> io::Result<()> {
    let mut dirs: std::collections::BTreeSet<&str> = std::collections::BTreeSet::from([""]);
    for (rel, _) in changed {
        // The nearest folder that exists (else the output): new folders are made inside it.
        dirs.insert(parents(rel).find(|parent| stale.existing.contains(*parent)).unwrap_or(""));
    }
    let touched = stale.files.iter().chain(&stale.odd);
    dirs.extend(touched.filter_map(|f| f.parent()?.strip_prefix(out).ok()?.to_str()));
    let me = owner(staging);
    let doubtful: Vec<&&str> = dirs.par_iter().filter(|d| !surely_writable(into, d, me)).collect();
    for dir in doubtful {
        let dir = out.join(dir);
        let probe = dir.join(format!(".sito-probe-{}", std::process::id()));
        fs::File::create(&probe).and_then(|_| fs::remove_file(&probe)).map_err(|e| {
            let message = crate::msg!(CannotWriteIn, path = dir.display().to_string(), error = e.to_string());
            io::Error::new(e.kind(), message)
        })?;
    }
    Ok(())
}

/// Who this process writes as: the owner of the staging folder it just made.
#[cfg(unix)]
fn owner(staging: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(staging).ok().map(|m| m.uid())
}

#[cfg(not(unix))]
fn owner(_: &Path) -> Option<u32> {
    None
}

/// Probing costs a file creation per folder (a second on 10,000 pages), so skip folders
/// that permission bits cannot stop: ours with the owner's write bit, or any folder for
/// root. (A read-only mount fails on the very first rename, before anything moved.)
#[cfg(unix)]
fn surely_writable(into: &Under, dir: &str, me: Option<u32>) -> bool {
    match me {
        Some(0) => true,
        Some(me) => into.owner_and_mode(dir).is_some_and(|(uid, mode)| uid == me && mode & 0o200 != 0),
        None => false,
    }
}

#[cfg(not(unix))]
fn surely_writable(_: &Under, _: &str, _: Option<u32>) -> bool {
    false
}

/// The files under the output folder this build did not produce, and every folder there.
struct Stale {
    files: Vec<PathBuf>,
    /// Files and folders whose names are not text (`Listing::odd`), removed whole.
    odd: Vec<PathBuf>,
    /// Every folder, as a path from the output folder.
    existing: HashSet<String>,
    out: PathBuf,
    /// The folders' stamps, when the listing came from what the last build left.
    stamps: Vec<(String, Stamp)>,
}

impl Stale {
    fn find(out: &Path, keep: &HashSet<String>, left: Option<&Left>) -> io::Result<Stale> {
        let listing = match left.and_then(|l| l.listing(out)) {
            Some(listing) => listing,
            None => super::listing::list(out)?,
        };
        let super::listing::Listing { files, dirs, odd, stamps } = listing;
        let files = files.into_iter().filter(|rel| !keep.contains(rel)).map(|rel| out.join(rel)).collect();
        Ok(Stale { files, odd, existing: dirs.into_iter().collect(), out: out.to_path_buf(), stamps })
    }

    /// Deletes the stale files, except those `make_room` cleared already (or whose folder
    /// it cleared), then the folders left empty (those that hold none of the files of
    /// `keep`); says how many files went.
    fn remove(self, keep: &HashSet<String>, cleared: &HashSet<PathBuf>) -> io::Result<usize> {
        let mut removed = 0;
        let not_cleared = |f: &&PathBuf| !f.ancestors().any(|a| cleared.contains(a));
        for file in self.files.iter().filter(not_cleared) {
            fs::remove_file(file)?;
            removed += 1;
        }
        for odd in self.odd.iter().filter(not_cleared) {
            match fs::symlink_metadata(odd) {
                Ok(m) if m.is_dir() => fs::remove_dir_all(odd)?,
                _ => fs::remove_file(odd)?,
            }
            removed += 1;
        }
        // Every folder that holds a kept file, by its path from the output folder (paths
        // made of each kept file's path were a twentieth of a one-page rebuild).
        let full = super::listing::holding(keep.iter().map(String::as_str));
        // A folder that still has files (one put there by hand) stays.
        let empty: Vec<PathBuf> =
            self.existing.iter().filter(|d| !full.contains(d.as_str())).map(|d| self.out.join(d)).collect();
        remove_folders(empty.iter().map(PathBuf::as_path));
        Ok(removed)
    }
}
