//! The `sito` binary: parse the command line, resolve the paths it names (once, here), run
//! the library, print diagnostics, exit with 0 on success and 1 on any error.

mod cli;
mod locate;

use cli::{Command, Format, SiteArgs};
use sito::diag::{Diagnostic, Kind, Msg};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const BUILD: Outcome = (Msg::BuildFailed, Msg::BuildFailedUnchanged);
const SERVE: Outcome = (Msg::ServeFailed, Msg::ServeFailedUnchanged);
const CHECK: Outcome = (Msg::CheckFailed, Msg::CheckFailedUnchanged);

/// What failed and what that left unchanged, for the closing line.
type Outcome = (Msg, Msg);

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mimalloc.h`; the bindings do not name it).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed pages go back to the system at once instead of a second later: a cold build frees
/// most of what it allocates while it renders, and its peak memory is one of issue 17's
/// targets (10 MB less than with glibc, docs/performance.md, session 29).
#[allow(unsafe_code)]
fn purge_at_once() {
    // SAFETY: sets a number mimalloc reads when it next frees; no memory is handed over.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) }
}

fn main() -> ExitCode {
    purge_at_once();
    // The language comes first: clap's help and errors are printed while parsing.
    let lang = cli::language(std::env::args_os().skip(1), |k| std::env::var(k).ok());
    sito::diag::set_language(lang);
    let cli = cli::parse(lang);
    let command = cli.command;
    let outcome = match &command {
        Command::Build { .. } => BUILD,
        Command::Serve { .. } => SERVE,
        Command::Check { .. } | Command::Translations { .. } => CHECK,
        Command::Explain { code } => return explain(code.as_deref()),
    };
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            let d = Diagnostic::error(Kind::Io, sito::msg!(CwdUnreadable, error = e.to_string()));
            return fail(&[d], outcome);
        }
    };
    match run(command, &cwd) {
        Ok(code) => code,
        Err(d) => fail(&[d], outcome),
    }
}

/// Runs one command; `Err` only when the site itself cannot be found.
fn run(command: Command, cwd: &Path) -> Result<ExitCode, Diagnostic> {
    Ok(match command {
        Command::Build { site, output_dir, force, allow_removed, relative, minify, no_cache } => {
            let (root, base_url, drafts) = site_args(site, cwd)?;
            let output_dir = output_dir.map_or_else(|| root.join("public"), |o| locate::absolute(cwd, &o));
            let opts = sito::build::Options {
                root,
                output_dir,
                base_url,
                drafts,
                force,
                allow_removed,
                relative,
                minify,
                cache: !no_cache,
            };
            match sito::build::build(&opts) {
                Ok(report) => {
                    let color = sito::diag::color(&std::io::stderr());
                    for d in &report.warnings {
                        eprintln!("{}", d.render(color));
                    }
                    println!("{}", report.summary());
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&diags, BUILD),
            }
        }
        Command::Serve { site, port, interface } => {
            let (root, base_url, drafts) = site_args(site, cwd)?;
            let opts = sito::serve::Options { root, base_url, drafts, port, interface };
            match sito::serve::run(&opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diags) => fail(&diags, SERVE),
            }
        }
        Command::Check { site, strict, format, external } => {
            let (root, base_url, drafts) = site_args(site, cwd)?;
            let opts = sito::check::Options { root, base_url, drafts, strict, json: format == Format::Json, external };
            ExitCode::from(sito::check::run(&opts))
        }
        Command::Translations { site, mark, files } => {
            let (root, base_url, drafts) = site_args(site, cwd)?;
            let files = files.iter().map(|f| locate::absolute(cwd, f)).collect();
            let opts = sito::check::translations::Options { root, base_url, drafts, mark, files };
            ExitCode::from(sito::check::translations::run(&opts))
        }
        Command::Explain { code } => explain(code.as_deref()),
    })
}

/// `sito explain CODE`: what the problem means and how to fix it; without a code, the list.
fn explain(code: Option<&str>) -> ExitCode {
    match code {
        None => {
            let list: String = Kind::ALL.iter().map(|k| format!("{}  {}\n", k.code(), k.name())).collect();
            // Written whole, and a closed pipe ignored: `sito explain | head` is not an error.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), list.as_bytes());
            ExitCode::SUCCESS
        }
        Some(code) => match Kind::from_code(code) {
            Some(k) => {
                println!("{} ({})\n\n{}", k.code(), k.name(), k.explanation());
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("{}", sito::msg!(NotACode, code = code));
                ExitCode::FAILURE
            }
        },
    }
}

/// The site's options with its root made absolute and canonical.
fn site_args(site: SiteArgs, cwd: &Path) -> Result<(PathBuf, Option<String>, bool), Diagnostic> {
    let SiteArgs { root, base_url, drafts } = site;
    Ok((locate::site_root(cwd, root.as_deref())?, base_url, drafts))
}

fn fail(diags: &[Diagnostic], (what, consequence): Outcome) -> ExitCode {
    let color = sito::diag::color(&std::io::stderr());
    for d in diags {
        eprintln!("{}", d.render(color));
    }
    let errors = diags.iter().filter(|d| d.is_error()).count();
    // Only a failure while moving finished files into place can leave the output changed.
    let consequence =
        if diags.iter().any(|d| d.kind == Kind::OutputPartial) { Msg::OutputMayBeIncomplete } else { consequence };
    let (what, consequence) = (sito::diag::tr(what, &[]), sito::diag::tr(consequence, &[]));
    eprintln!("{}", sito::msg!(FailedSummary, what = what, errors = errors, consequence = consequence));
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_set_is_mimallocs() {
        let get = || unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) };
        // Its default, which no other option of mimalloc 3 has: the index names it.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(), 1000);
        }
        super::purge_at_once();
        assert_eq!(get(), 0);
    }
}
