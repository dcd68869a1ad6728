//! `sito translations`: which translations are missing or stale, and `--mark` to record
//! the version of the original each translation follows.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub mark: bool,
    pub files: Vec<PathBuf>,
}

pub fn run(opts: &Options) -> u8 {
    let _ = opts;
    eprintln!("sito translations is not implemented yet");
    2
}
