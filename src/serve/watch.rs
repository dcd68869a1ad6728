//! Watching the site's sources for the preview: notify-debouncer-full pairs rename events
//! and coalesces an editor's save sequence (write a temporary file, rename it over) into one
//! batch. The site root is watched on its own, for site.toml and for source folders created
//! while serving; each source folder is watched recursively, so new sub-folders are seen.
//! Output (`public/`), `.git` and `target/` are never watched: in a checkout they hold
//! thousands of folders, each an inotify watch, and a cargo build would flood the queue.

use crate::diag::{Diagnostic, Kind};
use crate::editor_files::is_editor_file;
use notify::event::ModifyKind;
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// The folders under the site root that the build reads; `site.toml` is the only file.
pub const SOURCES: [&str; 5] = ["content", "themes", "i18n", "static", "templates"];

/// Long enough to take an editor's whole save sequence as one change, short enough not to
/// be felt.
const DEBOUNCE: Duration = Duration::from_millis(50);

pub struct Watch {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
}

/// One batch of changes worth a rebuild.
#[derive(Debug, Default)]
pub struct Changes {
    /// Changed source files and folders, sorted.
    pub paths: Vec<PathBuf>,
    /// Problems of the watcher itself (lost events, a folder that cannot be watched): shown
    /// to the user; the rebuild that follows reads everything anyway.
    pub problems: Vec<String>,
}

impl Watch {
    /// Starts watching `root` (absolute). Failing to watch is an error: a preview that
    /// silently never updates is worse than none.
    pub fn start(root: &Path) -> Result<Watch, Diagnostic> {
        let (tx, events) = mpsc::channel();
        let cannot = |e: notify::Error| {
            let message = crate::msg!(ServeCannotWatch, root = root.display().to_string(), error = e.to_string());
            Diagnostic::error(Kind::ServeWatch, message).hint(crate::msg!(ServeCannotWatchHint))
        };
        let debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx).map_err(cannot)?;
        let mut watch = Watch { root: root.to_path_buf(), debouncer, events };
        watch.debouncer.watch(root, RecursiveMode::NonRecursive).map_err(cannot)?;
        for source in SOURCES {
            let dir = root.join(source);
            if dir.is_dir() {
                watch.debouncer.watch(&dir, RecursiveMode::Recursive).map_err(cannot)?;
            }
        }
        Ok(watch)
    }

    /// Waits for the next batch of relevant changes; `None` once the watcher has stopped.
    pub fn next(&mut self) -> Option<Changes> {
        loop {
            let mut changes = Changes::default();
            match self.events.recv().ok()? {
                Ok(events) => {
                    for event in events {
                        if event.need_rescan() {
                            changes.problems.push(crate::msg!(ServeLostEvents));
                        }
                        if matches!(event.kind, EventKind::Access(_)) {
                            continue;
                        }
                        let appeared =
                            matches!(event.kind, EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_)));
                        for path in &event.paths {
                            self.see(path, appeared, &mut changes);
                        }
                    }
                }
                Err(errors) => changes
                    .problems
                    .extend(errors.iter().map(|e| crate::msg!(ServeWatcherError, error = e.to_string()))),
            }
            changes.paths.sort();
            changes.paths.dedup();
            if !changes.paths.is_empty() || !changes.problems.is_empty() {
                return Some(changes);
            }
        }
    }

    fn see(&mut self, path: &Path, appeared: bool, changes: &mut Changes) {
        if !relevant(&self.root, path) {
            return;
        }
        // A source folder made (or made again) while serving: watch it from now on. Its
        // files already there are read by the rebuild this change causes.
        if appeared && path.parent() == Some(self.root.as_path()) && path.is_dir() {
            if let Err(e) = self.debouncer.watch(path, RecursiveMode::Recursive) {
                let path = path.display().to_string();
                changes.problems.push(crate::msg!(ServeCannotWatchFolder, path = path, error = e.to_string()));
            }
        }
        changes.paths.push(path.to_path_buf());
    }
}

/// Changes worth a rebuild: the site's sources, not editors' droppings.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    if path.file_name().is_some_and(|n| is_editor_file(&n.to_string_lossy())) {
        return false;
    }
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    first == "site.toml" || SOURCES.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn only_sources_count() {
        let root = Path::new("/site");
        for yes in [
            "/site/site.toml",
            "/site/content/reti/c40.md",
            "/site/themes/milano/static/css/site.css",
            "/site/static/img",
        ] {
            assert!(relevant(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/site/public/index.html",
            "/site/.git/index",
            "/site/target/debug/sito",
            "/site/README.md",
            "/site/content/reti/.c40.md.swp",
            "/site/content/reti/4913",
            "/site/content/reti/#c40.md#",
            "/elsewhere/content/c40.md",
            "/site",
        ] {
            assert!(!relevant(root, Path::new(no)), "{no}");
        }
    }
}
