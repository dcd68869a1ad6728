//! The image cache in `.sito/cache/images/`, shared by `build`, `serve` and `check`: one
//! folder per source image and settings (named by a hash of both), holding every encoded
//! width and a small `meta.json` listing them. A hit reads the files and decodes nothing;
//! what a complete build did not use is pruned. Entries are written to a temporary folder
//! and renamed into place, so a crash or a concurrent build never leaves half an entry.

use super::codec::{Encoded, Format};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const DIR: &str = ".sito/cache/images";

#[derive(Serialize, Deserialize)]
struct Meta {
    files: Vec<MetaFile>,
}

#[derive(Serialize, Deserialize)]
struct MetaFile {
    width: u32,
    height: u32,
    ext: String,
}

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(root: &Path) -> Cache {
        Cache { dir: root.join(DIR) }
    }

    /// The encoded widths stored under `key`, if all are there.
    pub fn get(&self, key: &str) -> Option<Vec<Encoded>> {
        let entry = self.dir.join(key);
        let meta: Meta = serde_json::from_slice(&std::fs::read(entry.join("meta.json")).ok()?).ok()?;
        meta.files
            .iter()
            .map(|f| {
                let format = Format::from_extension(&f.ext)?;
                let bytes = std::fs::read(entry.join(file_name(f.width, &f.ext))).ok()?;
                Some(Encoded { width: f.width, height: f.height, format, bytes })
            })
            .collect()
    }

    /// Stores `files` under `key`. A cache that cannot be written costs time, not
    /// correctness: errors are ignored.
    pub fn put(&self, key: &str, files: &[Encoded]) {
        let _ = self.try_put(key, files);
    }

    fn try_put(&self, key: &str, files: &[Encoded]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let temp = tempfile::Builder::new().prefix(".tmp-").tempdir_in(&self.dir)?;
        let mut meta = Meta { files: Vec::new() };
        for f in files {
            let ext = f.format.extension();
            std::fs::write(temp.path().join(file_name(f.width, ext)), &f.bytes)?;
            meta.files.push(MetaFile { width: f.width, height: f.height, ext: ext.to_owned() });
        }
        std::fs::write(temp.path().join("meta.json"), serde_json::to_vec(&meta)?)?;
        let temp = temp.keep();
        if std::fs::rename(&temp, self.dir.join(key)).is_err() {
            // Another build stored the same entry first.
            std::fs::remove_dir_all(&temp)?;
        }
        Ok(())
    }

    /// Removes every entry not in `used` (and temporary folders left by a crash).
    pub fn prune(&self, used: &BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !used.contains(&name) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

fn file_name(width: u32, ext: &str) -> String {
    format!("{width}.{ext}")
}
