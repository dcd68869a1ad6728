//! The `sito` binary: parse the command line, run the library, print diagnostics, exit
//! with 0 on success and 1 on any error.

mod cli;

use clap::Parser;
use sito::diag::Diagnostic;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Build { site, output_dir, force } => {
            let opts = sito::build::Options {
                root: site.root,
                output_dir,
                base_url: site.base_url,
                drafts: site.drafts,
                force,
            };
            match sito::build::build(&opts) {
                Ok(report) => {
                    let pages: Vec<String> = report.pages.iter().map(|(l, n)| format!("{n} {l}")).collect();
                    println!(
                        "built {} pages ({}) in {} ms: {} files written, {} unchanged, {} removed",
                        report.pages.iter().map(|(_, n)| n).sum::<usize>(),
                        pages.join(", "),
                        report.elapsed.as_millis(),
                        report.applied.written,
                        report.applied.unchanged,
                        report.applied.removed
                    );
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&diags),
            }
        }
    }
}

fn fail(diags: &[Diagnostic]) -> ExitCode {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for d in diags {
        eprintln!("{}", d.render(color));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    eprintln!("build failed: {errors} error{}; the output folder was not changed", if errors == 1 { "" } else { "s" });
    ExitCode::FAILURE
}
