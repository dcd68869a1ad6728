//! What the file system says of a file without reading it, for the caches that must tell
//! whether a file changed since they were written (the build record, the no-change census,
//! the load cache). A leaf: every stage may use it.

use serde::{Deserialize, Serialize};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How old a file's times must be for its stamp to show every later edit: more than the
/// coarsest file-system clock (FAT's two seconds). An edit in the same tick as the stamp
/// would leave it unchanged, so a younger stamp is not kept (git's "racy clean" rule).
pub const SETTLED: Duration = Duration::from_secs(3);

/// The time, in nanoseconds since 1970, before which a file's times are settled now.
pub fn settled_before() -> i128 {
    let settled = SystemTime::now().checked_sub(SETTLED).unwrap_or(UNIX_EPOCH).duration_since(UNIX_EPOCH);
    settled.map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

/// What the file system says of a file without reading it: its size, its modification
/// time, and on Unix its change time and inode. The last two are git's answer to a file
/// replaced by one of the same size with its time set back (`cp -p`, `rsync -a`, `touch -r`):
/// nobody can set a change time, and a file written elsewhere then renamed in is another inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub modified_ns: u128,
    pub changed_ns: i128,
    pub inode: u64,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        Stamp::from_metadata(&std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file)?)
    }

    pub fn from_metadata(m: &std::fs::Metadata) -> Option<Stamp> {
        let modified = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()), m.ino())
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (0, 0);
        Some(Stamp { len: m.len(), modified_ns: modified.as_nanos(), changed_ns, inode })
    }

    /// The later of the modification and change times, in nanoseconds since 1970.
    pub fn latest_ns(&self) -> i128 {
        i128::try_from(self.modified_ns).unwrap_or(i128::MAX).max(self.changed_ns)
    }

    /// The stamp's own key, as the census hashes a file.
    pub fn key(&self) -> u64 {
        let mut h = crate::hash::Key::default();
        self.hash_into(&mut h);
        h.finish()
    }

    pub fn hash_into(&self, h: &mut crate::hash::Key) {
        h.number(self.len).add(&self.modified_ns.to_le_bytes()).add(&self.changed_ns.to_le_bytes()).number(self.inode);
    }
}

/// A folder opened once, to stamp or move many files and folders under it: a stat or a
/// rename by full path walks every leading folder again, most of the time of a rebuild that
/// stats ten thousand outputs.
pub struct Under {
    #[cfg(unix)]
    dir: rustix::fd::OwnedFd,
    #[cfg(not(unix))]
    dir: std::path::PathBuf,
}

impl Under {
    pub fn open(dir: &Path) -> std::io::Result<Under> {
        #[cfg(unix)]
        let dir = {
            use rustix::fs::{Mode, OFlags};
            rustix::fs::open(dir, OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::RDONLY, Mode::empty())?
        };
        #[cfg(not(unix))]
        let dir = dir.to_path_buf();
        Ok(Under { dir })
    }

    /// The owner and mode of what `rel` names (a link followed).
    #[cfg(unix)]
    pub fn owner_and_mode(&self, rel: &str) -> Option<(u32, u32)> {
        let at = if rel.is_empty() { "." } else { rel };
        let st = rustix::fs::statat(&self.dir, at, rustix::fs::AtFlags::empty()).ok()?;
        #[allow(clippy::useless_conversion)] // the field types differ between platforms
        Some((st.st_uid, u32::from(st.st_mode)))
    }

    /// The stamp of the file (or with `folder`, the folder) at `rel`; `None` if there is
    /// none, or it is the other kind. A file's link is followed, as `Stamp::of` does; a
    /// folder's is not (a link put where a folder was is not that folder).
    #[cfg(unix)]
    pub fn stamp(&self, rel: &str, folder: bool) -> Option<Stamp> {
        use rustix::fs::{AtFlags, FileType};
        let at = if rel.is_empty() { "." } else { rel };
        let follow = if folder { AtFlags::SYMLINK_NOFOLLOW } else { AtFlags::empty() };
        let st = rustix::fs::statat(&self.dir, at, follow).ok()?;
        let kind = FileType::from_raw_mode(st.st_mode);
        if kind != if folder { FileType::Directory } else { FileType::RegularFile } {
            return None;
        }
        let ns = |secs: i64, nsec: i64| i128::from(secs) * 1_000_000_000 + i128::from(nsec);
        #[allow(clippy::useless_conversion)] // the field types differ between platforms
        let (modified, changed) = (
            ns(i64::from(st.st_mtime), i64::try_from(st.st_mtime_nsec).ok()?),
            ns(i64::from(st.st_ctime), i64::try_from(st.st_ctime_nsec).ok()?),
        );
        #[allow(clippy::useless_conversion)]
        Some(Stamp {
            len: u64::try_from(st.st_size).ok()?,
            // Before 1970 `Stamp::from_metadata` has no stamp either.
            modified_ns: u128::try_from(modified).ok()?,
            changed_ns: changed,
            inode: u64::from(st.st_ino),
        })
    }

    /// Whether `path` is still this folder (not removed, or replaced by another).
    #[cfg(unix)]
    pub fn is(&self, path: &Path) -> bool {
        let (Ok(mine), Ok(now)) = (rustix::fs::fstat(&self.dir), rustix::fs::stat(path)) else { return false };
        (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)
    }

    #[cfg(not(unix))]
    pub fn is(&self, path: &Path) -> bool {
        self.dir == path
    }

    /// Moves `from` (under this folder) to `to` under `into`, replacing a file there.
    #[cfg(unix)]
    pub fn rename(&self, from: &str, into: &Under, to: &str) -> std::io::Result<()> {
        rustix::fs::renameat(&self.dir, from, &into.dir, to).map_err(std::io::Error::from)
    }

    #[cfg(not(unix))]
    pub fn rename(&self, from: &str, into: &Under, to: &str) -> std::io::Result<()> {
        std::fs::rename(self.dir.join(from), into.dir.join(to))
    }

    #[cfg(not(unix))]
    pub fn stamp(&self, rel: &str, folder: bool) -> Option<Stamp> {
        let path = self.dir.join(rel);
        let meta = if folder { std::fs::symlink_metadata(path) } else { std::fs::metadata(path) };
        let meta = meta.ok().filter(|m| if folder { m.is_dir() } else { m.is_file() })?;
        Stamp::from_metadata(&meta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_under_a_folder_are_those_of_the_full_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/b/index.html"), "<p>x</p>").unwrap();
        let under = Under::open(dir.path()).unwrap();
        let file = under.stamp("a/b/index.html", false);
        assert!(file.is_some());
        assert_eq!(file, Stamp::of(&dir.path().join("a/b/index.html")));
        let meta = std::fs::metadata(dir.path().join("a/b")).unwrap();
        assert_eq!(under.stamp("a/b", true), Stamp::from_metadata(&meta));
        let root = std::fs::metadata(dir.path()).unwrap();
        assert_eq!(under.stamp("", true), Stamp::from_metadata(&root));
        // The other kind, or nothing there: no stamp.
        assert_eq!(under.stamp("a/b", false), None);
        assert_eq!(under.stamp("a/b/index.html", true), None);
        assert_eq!(under.stamp("a/c", true), None);
    }

    #[test]
    fn an_opened_folder_knows_when_its_path_names_another() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        let under = Under::open(&out).unwrap();
        assert!(under.is(&out));
        std::fs::rename(&out, dir.path().join("old")).unwrap();
        assert!(!under.is(&out), "removed");
        std::fs::create_dir(&out).unwrap();
        assert!(!under.is(&out), "replaced by another folder");
    }
}
