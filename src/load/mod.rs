//! Load: everything read from the site's folder, parsed and checked on its own — site.toml
//! (`config`), the Markdown files with their front matter (`content`, `front_matter`), the
//! interface strings (`i18n`), the templates and the static files. Nothing here knows about
//! URLs or other pages; that is `resolve`'s job.

pub mod cache;
pub mod config;
pub mod content;
pub mod extra_schema;
mod files;
pub mod front_matter;
pub mod i18n;
pub mod shortcode_defs;
pub mod shortcodes;
pub mod statics;
pub mod templates;
pub mod toml_input;
mod toml_problem;

/// Whether `text` is Zola's summary marker, `<!-- more -->`, with any spaces inside and
/// around and in any case (as Zola reads it): the loader notes the pages that may have
/// one, the renderer finds it.
pub fn is_more_marker(text: &str) -> bool {
    let inner = text.trim().strip_prefix("<!--").and_then(|t| t.strip_suffix("-->"));
    inner.is_some_and(|t| t.trim().eq_ignore_ascii_case("more"))
}

/// The Markdown extensions sito turns on. Loading reads Markdown too (to find the code that
/// shortcode calls do not reach into), so the options live here, where render reads them.
pub fn markdown_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options;
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}
