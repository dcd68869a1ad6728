//! Load: everything read from the site's folder, parsed and checked on its own — site.toml
//! (`config`), the Markdown files with their front matter (`content`, `front_matter`), the
//! interface strings (`i18n`), the templates and the static files. Nothing here knows about
//! URLs or other pages; that is `resolve`'s job.

pub mod config;
pub mod content;
mod files;
pub mod front_matter;
pub mod i18n;
pub mod statics;
pub mod templates;
pub mod toml_input;
