//! sito: a static site generator for bilingual sites. The pipeline runs one way:
//! `config` and `content` load, `resolve` builds the site model, `render` turns it into
//! files through `templates` and `markdown`, and `output` writes them. `build` ties the
//! steps together for every command.

pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod diag;
pub mod editor_files;
pub mod hash;
pub mod i18n;
pub mod markdown;
pub mod output;
pub mod postprocess;
pub mod publish;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod slug;
pub mod templates;
pub mod toml_input;
pub mod view;
