//! Static files: the theme's `static/`, then the site's (which wins), copied to the output
//! root; CSS and JS files get a fingerprinted name so browsers can cache them for ever.

use crate::diag::{Diagnostic, Kind};
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub struct Statics {
    /// Output path → source file.
    pub files: BTreeMap<String, PathBuf>,
    /// Output path → fingerprinted output path (`css/site.css` → `css/site.1a2b3c4d5e.css`);
    /// other files map to themselves.
    pub fingerprints: BTreeMap<String, String>,
}

pub fn load(root: &Path, theme: Option<&str>) -> Result<Statics, Diagnostic> {
    let files = super::files::layered(&super::files::theme_then_site(root, theme, "static"));
    let mut fingerprints = BTreeMap::new();
    for (rel, path) in &files {
        let fp = match rel.rsplit_once('.') {
            Some((stem, ext)) if ext == "css" || ext == "js" => {
                let bytes = std::fs::read(path).map_err(|e| {
                    Diagnostic::error(Kind::Io, msg!(CannotReadFile, error = e.to_string()))
                        .in_file(crate::diag::display_path(root, path))
                })?;
                format!("{stem}.{}.{ext}", crate::hash::short_hex(&bytes, 10))
            }
            _ => rel.clone(),
        };
        fingerprints.insert(rel.clone(), fp);
    }
    Ok(Statics { files, fingerprints })
}
