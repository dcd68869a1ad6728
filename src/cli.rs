//! Command-line definitions (clap) and their help. The help is not in doc comments but in
//! `messages/cli.{en,it}.ftl`, put on the commands at run time ([`command`]), so that
//! `sito --help` speaks the language chosen for every other message; that language is read
//! from the raw arguments and the locale before clap parses ([`language`]).

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use sito::diag::{attribute_in, text_in, Lang, Msg};
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "sito", version)]
pub struct Cli {
    #[arg(long, global = true, value_parser = ["it", "en"])]
    pub messages: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    #[arg(long)]
    pub root: Option<PathBuf>,
    #[arg(long)]
    pub base_url: Option<String>,
    #[arg(long)]
    pub drafts: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Build {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, short = 'o')]
        output_dir: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        allow_removed: bool,
        #[arg(long)]
        relative: bool,
        #[arg(long)]
        minify: bool,
        #[arg(long)]
        no_cache: bool,
    },
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        interface: String,
    },
    Check {
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[arg(long)]
        external: bool,
    },
    Translations {
        // First, so that the localized "Arguments" heading comes before "Options", as
        // clap's own does (it lists custom headings in the order of their arguments).
        files: Vec<PathBuf>,
        #[command(flatten)]
        site: SiteArgs,
        #[arg(long)]
        mark: bool,
    },
    Explain {
        code: Option<String>,
    },
}

/// The language of sito's messages: `--messages` if the arguments say it (read by hand,
/// because clap's own help must already be in it), else the locale's.
pub fn language(args: impl IntoIterator<Item = OsString>, var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
    let mut asked = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--" => break,
            "--messages" => asked = args.next(),
            _ => asked = arg.strip_prefix("--messages=").map(str::to_owned).or(asked),
        }
    }
    asked.as_deref().and_then(Lang::from_code).unwrap_or_else(|| Lang::from_locale(var))
}

/// Parses the command line with its help in `lang`. The mistakes people make most (a
/// mistyped command, option or value) are told in `lang` too, the way sito tells the rest;
/// clap's rarer errors stay in its own English.
pub fn parse(lang: Lang) -> Cli {
    let err = match command(lang).try_get_matches().and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => return cli,
        Err(err) => err,
    };
    match error_text(&err, lang) {
        Some(text) => {
            eprintln!("{text}");
            std::process::exit(err.exit_code())
        }
        None => err.exit(),
    }
}

/// A parse error in `lang`, shaped like sito's diagnostics; `None` for help, version and
/// the errors sito has no words for.
fn error_text(err: &clap::Error, lang: Lang) -> Option<String> {
    let t = |id: &str, args: &[(&str, String)]| {
        let args: Vec<_> = args.iter().map(|(k, v)| (*k, sito::diag::Arg::from(v.clone()))).collect();
        text_in(lang, id, &args).unwrap_or_default()
    };
    let did_you_mean = |kind| context(err, kind).map(|name| t("cli-error-did-you-mean", &[("name", name)]));
    let arg = context(err, ContextKind::InvalidArg).unwrap_or_default();
    let (message, hint) = match err.kind() {
        ErrorKind::InvalidSubcommand => {
            let name = context(err, ContextKind::InvalidSubcommand)?;
            (t("cli-error-unknown-command", &[("name", name)]), did_you_mean(ContextKind::SuggestedSubcommand))
        }
        ErrorKind::UnknownArgument => {
            (t("cli-error-unknown-argument", &[("name", arg)]), did_you_mean(ContextKind::SuggestedArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => match context(err, ContextKind::InvalidValue) {
            Some(value) if !value.is_empty() => {
                let possible = context(err, ContextKind::ValidValue)
                    .map(|values| t("cli-error-possible-values", &[("values", values)]));
                let hint = did_you_mean(ContextKind::SuggestedValue).or(possible);
                (t("cli-error-invalid-value", &[("value", value), ("arg", arg)]), hint)
            }
            _ => (t("cli-error-missing-value", &[("arg", arg)]), None),
        },
        _ => return None,
    };
    let hint = hint.map(|h| format!("\n  = {}: {h}", sito::diag::tr(Msg::LabelHelp, &[]))).unwrap_or_default();
    // clap gives the usage with some errors only.
    let usage = context(err, ContextKind::Usage).map_or_else(String::new, |usage| {
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u).trim();
        format!("\n\n{}: {usage}", text(lang, "cli-heading-usage"))
    });
    let (error, more) = (sito::diag::tr(Msg::LabelError, &[]), text(lang, "cli-error-more"));
    Some(format!("{error}: {message}{hint}{usage}\n\n{more}"))
}

/// One piece of a clap error's context, as text; a list is joined so that the texts'
/// backticks quote each item (`` `human`, `json` ``).
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => Some(v.join("`, `")),
        ContextValue::StyledStrs(v) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join("`, `")),
        _ => None,
    }
}

/// `sito`'s command line, with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    // Building first adds what clap generates (`--help`, `--version`, the `help` command,
    // the global `--messages` on every command), so those get their texts like the rest.
    cmd.build();
    localize(cmd, lang)
}

/// The Fluent id of a command's help, `cli-command-build`.
pub fn command_id(cmd: &clap::Command) -> String {
    format!("cli-command-{}", cmd.get_name())
}

/// The Fluent id of an argument's help, `cli-arg-base_url`.
pub fn arg_id(arg: &Arg) -> String {
    format!("cli-arg-{}", arg.get_id())
}

fn text(lang: Lang, id: &str) -> String {
    text_in(lang, id, &[]).unwrap_or_default()
}

fn localize(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    // `mut_arg` moves the argument last, so going through all of them in order leaves the
    // order as it was: it must, because `build` has already numbered them for parsing.
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, lang));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| localize(s, lang));
    }
    let usage = usage(&mut cmd, lang);
    let (about, template) = (text(lang, &command_id(&cmd)), template(&cmd, lang));
    cmd.about(about)
        .override_usage(usage)
        .help_template(template)
        .subcommand_help_heading(text(lang, "cli-heading-commands"))
}

fn localize_arg(arg: Arg, lang: Lang) -> Arg {
    let id = arg_id(&arg);
    let help = text(lang, &id);
    let heading = if arg.is_positional() { "cli-heading-arguments" } else { "cli-heading-options" };
    // clap's "[possible values: …]" and "[default: …]" are English: the texts say them.
    let mut arg =
        arg.help(help.clone()).help_heading(text(lang, heading)).hide_possible_values(true).hide_default_value(true);
    if arg.get_long_help().is_some() {
        arg = arg.long_help(help);
    }
    match attribute_in(lang, &id, "value") {
        Some(value) => arg.value_name(value),
        None => arg,
    }
}

/// The usage line clap writes, with its placeholders in `lang`.
fn usage(cmd: &mut clap::Command, lang: Lang) -> StyledStr {
    // With its styles (the command's name in bold on a terminal), less clap's heading.
    let style = *cmd.get_styles().get_usage();
    let styled = cmd.render_usage().ansi().to_string();
    let usage = styled.strip_prefix(&format!("{style}Usage:{style:#} ")).unwrap_or(&styled);
    let usage = usage.strip_prefix("Usage: ").unwrap_or(usage);
    usage
        .replace("[OPTIONS]", &format!("[{}]", text(lang, "cli-usage-options")))
        .replace("COMMAND", &text(lang, "cli-usage-command"))
        .into()
}

/// clap's own help template with the `Usage:` heading in `lang`, styled as clap styles it.
fn template(cmd: &clap::Command, lang: Lang) -> StyledStr {
    let style = cmd.get_styles().get_usage();
    let heading = text(lang, "cli-heading-usage");
    format!("{{before-help}}{{about-with-newline}}\n{style}{heading}:{style:#} {{usage}}\n\n{{all-args}}{{after-help}}")
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use sito::diag::Catalog;
    use std::collections::BTreeSet;

    /// The texts of the parse errors sito tells in its own words ([`error_text`]).
    const ERRORS: [&str; 7] = [
        "unknown-command",
        "unknown-argument",
        "invalid-value",
        "missing-value",
        "did-you-mean",
        "possible-values",
        "more",
    ];

    /// The ids of every command and argument of the command line, walked recursively.
    fn used(cmd: &clap::Command, out: &mut BTreeSet<String>) {
        out.insert(command_id(cmd));
        out.extend(cmd.get_arguments().map(arg_id));
        for sub in cmd.get_subcommands() {
            used(sub, out);
        }
    }

    fn defined(lang: Lang) -> BTreeSet<String> {
        let resource =
            FluentResource::try_new(lang.source(Catalog::Cli).to_owned()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages_and_nothing_else() {
        for lang in Lang::ALL {
            let cmd = command(lang);
            let mut want: BTreeSet<String> = ["usage", "commands", "arguments", "options"]
                .iter()
                .map(|h| format!("cli-heading-{h}"))
                .chain(["cli-usage-options".to_owned(), "cli-usage-command".to_owned()])
                .chain(ERRORS.iter().map(|e| format!("cli-error-{e}")))
                .collect();
            used(&cmd, &mut want);
            assert!(want.contains("cli-arg-help") && want.contains("cli-command-help"), "clap's own help is walked");
            assert_eq!(defined(lang), want, "messages/cli.{}.ftl against the command line", lang.code());
        }
    }

    #[test]
    fn every_argument_taking_a_value_names_it_in_both_languages() {
        fn walk(cmd: &clap::Command, lang: Lang) {
            for arg in cmd.get_arguments().filter(|a| a.get_action().takes_values()) {
                let id = arg_id(arg);
                assert!(attribute_in(lang, &id, "value").is_some(), "`{id}` has no `.value` in {}", lang.code());
            }
            cmd.get_subcommands().for_each(|s| walk(s, lang));
        }
        Lang::ALL.into_iter().for_each(|lang| walk(&command(lang), lang));
    }

    #[test]
    fn the_localized_command_line_still_parses_every_kind_of_argument() {
        for lang in Lang::ALL {
            let parse = |args: &[&str]| {
                let matches = command(lang).try_get_matches_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"));
                Cli::from_arg_matches(&matches).unwrap_or_else(|e| panic!("{args:?}: {e}")).command
            };
            let files = match parse(&["sito", "translations", "--mark", "a.en.md", "--root", "r", "b.en.md"]) {
                Command::Translations { files, mark: true, site } if site.root == Some("r".into()) => files,
                other => panic!("{other:?}"),
            };
            assert_eq!(files, [PathBuf::from("a.en.md"), PathBuf::from("b.en.md")]);
            assert!(
                matches!(parse(&["sito", "explain", "E0601", "--messages", "en"]), Command::Explain { code: Some(c) } if c == "E0601")
            );
            assert!(matches!(parse(&["sito", "serve", "-p", "8080"]), Command::Serve { port: 8080, .. }));
            assert!(matches!(
                parse(&["sito", "check", "--format", "json"]),
                Command::Check { format: Format::Json, .. }
            ));
        }
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_the_locale() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        let italian = |k: &str| (k == "LANG").then(|| "it_IT.UTF-8".to_owned());
        assert_eq!(language(args(&["build"]), italian), Lang::It);
        assert_eq!(language(args(&["build", "--messages", "en"]), italian), Lang::En);
        assert_eq!(language(args(&["--messages=en", "--help"]), italian), Lang::En);
        assert_eq!(language(args(&["explain", "--messages", "it"]), |_| None), Lang::It);
        assert_eq!(language(args(&["translations", "--", "--messages=en"]), italian), Lang::It);
    }
}
