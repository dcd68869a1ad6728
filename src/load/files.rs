//! Layered folders: a theme's folder, then the site's own, where a file of the site replaces
//! the theme's file of the same name. Templates and static files are both found this way;
//! editors' droppings (backups, swap and lock files) are not files of the site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under each of `dirs` (missing ones are skipped), by `/`-separated path below
/// its folder; a later folder's file wins over an earlier one's.
pub fn layered(dirs: &[PathBuf]) -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
            if !entry.file_type().is_file() || crate::editor_files::is_editor_file(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            if let Ok(rel) = entry.path().strip_prefix(dir) {
                files.insert(rel.to_string_lossy().replace('\\', "/"), entry.path().to_path_buf());
            }
        }
    }
    files
}

/// The theme's folder and the site's, for a kind of file (`templates`, `static`).
pub fn theme_then_site(root: &Path, theme: Option<&str>, what: &str) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(t) = theme {
        dirs.push(root.join("themes").join(t).join(what));
    }
    dirs.push(root.join(what));
    dirs
}
