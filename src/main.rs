//! The `sito` binary: parse the command line, run the library, print diagnostics, exit
//! with 0 on success and 1 on any error.

mod cli;

use clap::Parser;
use cli::{Cli, Command, Format, SiteArgs};
use sito::diag::Diagnostic;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { site, output_dir, force, relative, minify } => {
            let SiteArgs { root, base_url, drafts } = site;
            let opts = sito::build::Options { root, output_dir, base_url, drafts, force, relative, minify };
            match sito::build::build(&opts) {
                Ok(report) => {
                    println!("{}", report.summary());
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&diags, "build failed", "the output folder was not changed"),
            }
        }
        Command::Serve { site, port, interface } => {
            let SiteArgs { root, base_url, drafts } = site;
            let opts = sito::serve::Options { root, base_url, drafts, port, interface };
            match sito::serve::run(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diags) => fail(&diags, "cannot start the preview", "nothing is being served"),
            }
        }
        Command::Check { site, strict, format, external } => {
            let SiteArgs { root, base_url, drafts } = site;
            let opts = sito::check::Options { root, base_url, drafts, strict, json: format == Format::Json, external };
            ExitCode::from(sito::check::run(&opts))
        }
        Command::Translations { site, mark, files } => {
            let SiteArgs { root, base_url, drafts } = site;
            let opts = sito::check::translations::Options { root, base_url, drafts, mark, files };
            ExitCode::from(sito::check::translations::run(&opts))
        }
        Command::Explain { code } => explain(code.as_deref()),
    }
}

/// `sito explain CODE`: what the problem means and how to fix it; without a code, the list.
fn explain(code: Option<&str>) -> ExitCode {
    use sito::diag::Kind;
    match code {
        None => {
            for k in Kind::ALL {
                println!("{}  {}", k.code(), k.name());
            }
            ExitCode::SUCCESS
        }
        Some(code) => match Kind::from_code(code) {
            Some(k) => {
                println!("{} ({})\n\n{}", k.code(), k.name(), k.explanation());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("error: `{code}` is not a sito error code; `sito explain` lists them all");
                ExitCode::FAILURE
            }
        },
    }
}

fn fail(diags: &[Diagnostic], what: &str, consequence: &str) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags {
        eprintln!("{}", d.render(color));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    // Only a failure while moving finished files into place can leave the output changed.
    let consequence = if diags.iter().any(|d| d.kind == sito::diag::Kind::OutputPartial) {
        "the output folder may be incomplete: build again once the problem is fixed"
    } else {
        consequence
    };
    eprintln!("{what}: {errors} error{}; {consequence}", if errors == 1 { "" } else { "s" });
    ExitCode::FAILURE
}
