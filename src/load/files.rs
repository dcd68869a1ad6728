//! Layered folders: a theme's folder, then the site's own, where a file of the site replaces
//! the theme's file of the same name. Templates and static files are both found this way;
//! editors' droppings (backups, swap and lock files) and private dot files are not files of
//! the site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under each of `dirs` (missing ones are skipped), by `/`-separated path below
/// its folder; a later folder's file wins over an earlier one's.
pub fn layered(dirs: &[PathBuf]) -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let walk = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter();
        let walk = walk.filter_entry(|e| e.depth() == 0 || !hidden(&e.file_name().to_string_lossy()));
        for entry in walk.filter_map(Result::ok) {
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

/// A dot file or folder a host must not serve: a repository (`.git/`), secrets (`.env`,
/// `.htpasswd`), a file manager's `.DS_Store`. Only those made to be served are published:
/// `.well-known/` (RFC 8615), Apache's `.htaccess` and GitHub Pages' `.nojekyll`.
fn hidden(name: &str) -> bool {
    name.starts_with('.') && !matches!(name, ".well-known" | ".htaccess" | ".nojekyll")
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

#[cfg(test)]
mod tests {
    use super::hidden;

    #[test]
    fn private_dot_files_are_hidden_and_the_served_ones_are_not() {
        for name in [".git", ".env", ".htpasswd", ".DS_Store", ".gitignore"] {
            assert!(hidden(name), "{name}");
        }
        for name in [".well-known", ".htaccess", ".nojekyll", "robots.txt", "a.b"] {
            assert!(!hidden(name), "{name}");
        }
    }
}
