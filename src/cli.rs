//! Command-line definitions (clap) and nothing else.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "sito", version, about = "A fast, bilingual-first static site generator", long_about = None)]
pub struct Cli {
    /// The language of sito's own messages: `it` or `en` (by default the locale's, from
    /// LC_ALL, LC_MESSAGES or LANG: Italian for it_*, English otherwise)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["it", "en"])]
    pub messages: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// The site's folder (holding site.toml, content/, themes/, i18n/); by default the
    /// nearest folder holding site.toml, from the current one up
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Use this base URL instead of site.toml's `base_url`
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages marked `draft = true`
    #[arg(long)]
    pub drafts: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Grouped by file, coloured on a terminal
    Human,
    /// One JSON document, for CI
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the whole build succeeds)
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site (default: public/ in the site's folder); a relative path
        /// is taken from the current folder
        #[arg(long, short = 'o', value_name = "DIR")]
        output_dir: Option<PathBuf>,
        /// Replace an existing output folder even if sito did not create it
        #[arg(long)]
        force: bool,
        /// Let addresses the last build published disappear (a page deleted or renamed on
        /// purpose, without an alias)
        #[arg(long)]
        allow_removed: bool,
        /// Make every link relative, so the site can be browsed straight from disk
        #[arg(long)]
        relative: bool,
        /// Minify HTML, CSS and JS
        #[arg(long)]
        minify: bool,
    },
    /// Preview the site with live reload (never touches the output folder)
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port to listen on
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// Address to listen on; the default keeps the preview private to this machine
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
    },
    /// Check links, translations, interface strings and content rules without writing output
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Also check external links (needs the network)
        #[arg(long)]
        external: bool,
    },
    /// Show which translations are missing or out of date; --mark records them as up to date
    Translations {
        #[command(flatten)]
        site: SiteArgs,
        /// Record in each translation's front matter the version of the original it
        /// translates: every translation not yet marked or still current (stale ones must be
        /// named, after checking them), or only the FILES named
        #[arg(long)]
        mark: bool,
        /// Translation files to mark (e.g. content/reti/c40.en.md)
        files: Vec<PathBuf>,
    },
    /// Explain an error code (`sito explain E0601`), or list every code
    Explain {
        /// The code printed in brackets after `error`, e.g. E0601
        code: Option<String>,
    },
}
