//! sito: a static site generator for bilingual sites. The pipeline runs one way, one folder
//! per stage, each importing only from the stages before it:
//!
//! `load` (site.toml, content, strings, templates, static files) → `resolve` (the immutable
//! site model: URLs, translations, sections, menus) → `render` (Markdown and templates to
//! HTML) → `publish` (sitemap, feeds, redirects) → `output` (the only writer: staging on
//! disk, or memory for the preview). `build` runs the pipeline for every command; `check`
//! and `serve` sit on top of it. `diag`, `slug`, `hash`, `stamp`, `editor_files` and `user_files`
//! (atomic writes of the user's own files) are leaf utilities.

pub mod build;
pub mod check;
pub mod diag;
pub mod editor_files;
pub mod hash;
pub mod load;
pub mod output;
pub mod publish;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod slug;
pub mod stamp;
pub mod url_path;
pub mod user_files;
