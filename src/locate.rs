//! Where the site and its output are, decided once at the command-line boundary so that no
//! code downstream ever sees a relative path: the file watcher reports absolute paths, and a
//! relative root compared with them matches nothing (issue 12).

use sito::diag::{Diagnostic, Kind};
use sito::msg;
use std::path::{Path, PathBuf};

/// The site's folder, canonical. With `--root`, that folder (a relative one is taken from the
/// working directory); without, the nearest folder holding `site.toml`, from the working
/// directory up, as cargo finds Cargo.toml.
pub fn site_root(cwd: &Path, root: Option<&Path>) -> Result<PathBuf, Diagnostic> {
    let Some(root) = root else {
        return cwd.ancestors().find(|dir| dir.join("site.toml").is_file()).map(Path::to_path_buf).ok_or_else(|| {
            let d = Diagnostic::error(Kind::ConfigMissing, msg!(SiteNotFound, folder = cwd.display().to_string()));
            // Someone moving a Zola site runs sito where Zola ran.
            let zola = cwd.join("config.toml").is_file();
            d.hint(if zola { msg!(ZolaConfigHint) } else { msg!(SiteNotFoundHint) })
        });
    };
    let given = cwd.join(root);
    given.canonicalize().map_err(|e| {
        let what = msg!(CannotOpenRoot, folder = given.display().to_string(), error = e.to_string());
        Diagnostic::error(Kind::ConfigMissing, what).hint(msg!(CannotOpenRootHint))
    })
}

/// A path named on the command line, taken from the working directory when relative.
pub fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    cwd.join(path)
}
