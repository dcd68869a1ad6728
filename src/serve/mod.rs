//! `sito serve`: local preview with live reload.

use crate::diag::Diagnostic;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub port: u16,
    pub interface: String,
}

pub fn run(opts: &Options) -> Result<(), Vec<Diagnostic>> {
    let _ = opts;
    Err(vec![Diagnostic::error("serve", "sito serve is not implemented yet")])
}
