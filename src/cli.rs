//! Command-line definitions (clap) and nothing else.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "sito", version, about = "A fast, bilingual-first static site generator", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site's folder (holding site.toml, content/, themes/, i18n/)
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    /// Use this base URL instead of site.toml's `base_url`
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft = true`
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the whole build succeeds)
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site; relative paths are taken from --root
        #[arg(long, short = 'o', default_value = "public", value_name = "DIR")]
        output_dir: PathBuf,
        /// Replace an existing output folder even if sito did not create it
        #[arg(long)]
        force: bool,
    },
}
