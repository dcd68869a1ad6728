//! The search index (`search = true`): every page and section, as its title and rendered
//! Markdown, indexed by Pagefind as a library, one index per language (Pagefind splits by
//! `<html lang>` and stems each language with its own stemmer; the browser loads only the
//! index of the page's language, so a result never points to another language). The files
//! go under `pagefind/` through the same sink as the pages, so they are staged and applied
//! with the build, and `sito serve` serves them from memory.

use crate::diag::{Diagnostic, Kind};
use crate::load::templates::escape_html;
use crate::render::{Scan, Writer};
use crate::resolve::Site;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

/// The folder of the index in the output, which `search.js` of the theme loads from.
pub const DIR: &str = "pagefind";

/// Pagefind's ready-made interfaces: the theme has its own, so they are not published.
const UNUSED: [&str; 4] = ["pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight."];

pub fn write(site: &Site, scans: &[Scan], w: &Writer) -> Vec<Diagnostic> {
    let failed = |e: String| {
        vec![Diagnostic::error(Kind::SearchIndex, crate::msg!(SearchIndexFailed, error = e))
            .hint(crate::msg!(SearchIndexFailedHint))]
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(r) => r,
        Err(e) => return failed(e.to_string()),
    };
    let files = match runtime.block_on(index(site, scans)) {
        Ok(files) => files,
        Err(e) => return failed(e),
    };
    files
        .into_iter()
        .filter(|(name, _)| !UNUSED.iter().any(|u| name.starts_with(u)))
        .filter_map(|(name, bytes)| {
            let rel = format!("{DIR}/{name}");
            w.sink.write(&rel, &bytes).err().map(|e| crate::render::write_error(&rel, e))
        })
        .collect()
}

/// Every entry, in entry order (the index is the same for the same site), as a small HTML
/// document in its language.
async fn index(site: &Site, scans: &[Scan]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let config = PagefindServiceConfig::builder().keep_index_url(true).build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| format!("{e:#}"))?;
    for (e, scan) in site.entries.iter().zip(scans) {
        let lang = &site.config.languages[e.lang()].code;
        let title = escape_html(&e.src.fm.title);
        let html = format!(
            "<!DOCTYPE html><html lang=\"{lang}\"><head><title>{title}</title></head><body><main data-pagefind-body><h1>{title}</h1>{}</main></body></html>",
            scan.html
        );
        index.add_html_file(None, Some(site.url(&e.path)), html).await.map_err(|e| format!("{e:#}"))?;
    }
    let files = index.get_files().await.map_err(|e| format!("{e:#}"))?;
    Ok(files.into_iter().map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents)).collect())
}
