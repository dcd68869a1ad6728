//! Writing the files that belong to the user — a content file `sito translations --mark`
//! edits, the snapshots under `.sito/originals/` — the only way they may be written: into a
//! temporary file in the same folder, flushed to disk, then renamed over the old file. A
//! crash, a full disk or a failed write leaves the old file whole (or no file), never a
//! truncated one; and an editor's save made since sito read the file is never overwritten.
//! The built site is written by `output/`, which stages a whole folder instead.

use std::fs::{File, Permissions};
use std::io::{self, Write as _};
use std::path::Path;

#[derive(Debug)]
pub enum WriteError {
    /// The file on disk is no longer what was read: nothing was written.
    Changed,
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Writes `bytes` to `path` (creating or replacing it) atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_by(path, |f| f.write_all(bytes), || Ok(()))
}

/// Replaces `path` with `bytes` atomically, only if the file still holds `read` (the bytes
/// it was edited from), checked once the new text is safely on disk, just before the rename.
pub fn replace(path: &Path, bytes: &[u8], read: &[u8]) -> Result<(), WriteError> {
    replace_by(
        path,
        |f| f.write_all(bytes),
        || if std::fs::read(path)? == read { Ok(()) } else { Err(WriteError::Changed) },
    )
}

/// The steps, in the only order that keeps the old file whole until the new one is complete:
/// temp file beside the target (same file system, so the rename is atomic), `write`, fsync,
/// the target's permissions, `check`, rename, fsync of the folder (so the rename itself
/// survives a power cut). A failure before the rename removes the temp file.
fn replace_by(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    check: impl FnOnce() -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    // A link inside the site stays a link: its target is what gets replaced.
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or("file".into(), |n| n.to_string_lossy());
    // A leading dot: loaders and the preview's watcher skip the temp file.
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(p) = permissions_for(&path) {
        builder.permissions(p);
    }
    let mut temp = builder.tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    check()?;
    temp.persist(&path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// The old file's permissions, or for a new file the usual ones (the umask still applies;
/// a temp file alone would be private to its owner).
fn permissions_for(path: &Path) -> Option<Permissions> {
    match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => new_file_permissions(),
    }
}

#[cfg(unix)]
fn new_file_permissions() -> Option<Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<Permissions> {
    None
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: the file itself is already safe; this makes its new name durable.
    let _ = File::open(dir).and_then(|d| d.sync_all());
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap_or_default()))
            .collect()
    }

    fn folder_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
        dir
    }

    /// The state a crash just before the rename would leave: the old file whole, the new
    /// text complete in a temp file beside it. A crash earlier leaves less of the temp
    /// file, and the old file the same. (The rename itself is atomic: the file system's
    /// promise, which no test here can prove.)
    #[test]
    fn until_the_rename_the_old_file_is_whole() {
        let dir = folder_with("a.md", b"old text");
        let path = dir.path().join("a.md");
        let mut seen = BTreeMap::new();
        let done = replace_by(
            &path,
            |f| f.write_all(b"new text"),
            || {
                seen = files(dir.path());
                Ok(())
            },
        );
        assert!(done.is_ok(), "{done:?}");
        assert_eq!(seen.get("a.md").map(Vec::as_slice), Some(&b"old text"[..]), "{seen:?}");
        let temps: Vec<_> = seen.iter().filter(|(n, _)| n.starts_with(".a.md.")).collect();
        assert_eq!(temps.len(), 1, "one temp file beside it: {seen:?}");
        assert_eq!(temps[0].1, b"new text");
        assert_eq!(files(dir.path()), BTreeMap::from([("a.md".to_owned(), b"new text".to_vec())]));
    }

    #[test]
    fn a_write_failing_halfway_leaves_the_old_file_and_no_temp_file() {
        let dir = folder_with("a.md", b"old text");
        let path = dir.path().join("a.md");
        let failed = replace_by(
            &path,
            |f| {
                f.write_all(b"new")?;
                Err(io::Error::other("disk full"))
            },
            || Ok(()),
        );
        assert!(matches!(failed, Err(WriteError::Io(_))), "{failed:?}");
        assert_eq!(files(dir.path()), BTreeMap::from([("a.md".to_owned(), b"old text".to_vec())]));
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = folder_with("a.md", b"saved by the editor");
        let path = dir.path().join("a.md");
        let refused = replace(&path, b"marked", b"as sito read it");
        assert!(matches!(refused, Err(WriteError::Changed)), "{refused:?}");
        assert_eq!(files(dir.path()), BTreeMap::from([("a.md".to_owned(), b"saved by the editor".to_vec())]));
        assert!(replace(&path, b"marked", b"saved by the editor").is_ok());
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"marked");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_links_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = folder_with("a.md", b"old");
        let path = dir.path().join("a.md");
        std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&path, dir.path().join("link.md")).unwrap_or_else(|e| panic!("{e}"));
        assert!(write(&dir.path().join("link.md"), b"new").is_ok());
        let meta = std::fs::metadata(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(meta.permissions().mode() & 0o777, 0o640);
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"new");
        assert!(std::fs::symlink_metadata(dir.path().join("link.md")).is_ok_and(|m| m.file_type().is_symlink()));
    }
}
