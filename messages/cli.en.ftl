# The help of the command line (`sito --help`, `sito build --help`…), put on clap's commands
# at run time (src/cli.rs). Each command has `cli-command-NAME` (the whole program is
# `sito`), each argument `cli-arg-ID` (its name in src/cli.rs, with underscores) and, for
# one that takes a value, `.value`, the placeholder shown after it. A test walks every
# command and argument and fails if one has no text here or in cli.it.ftl. Possible and
# default values are written in the text, so that they are in the reader's language too.

## The words clap puts around the help

cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-usage-options = OPTIONS
cli-usage-command = COMMAND

## Mistakes in the command line (told like sito's other messages; `--help` for more)

cli-error-unknown-command = there is no command `{ $name }`
cli-error-unknown-argument = `{ $name }` is not an option or a value this command takes
cli-error-invalid-value = `{ $value }` is not a value `{ $arg }` takes
cli-error-missing-value = `{ $arg }` needs a value
cli-error-did-you-mean = did you mean `{ $name }`?
cli-error-possible-values = the possible values are `{ $values }`
cli-error-more = for more, add `--help` to the command

## Commands

cli-command-sito = A fast, bilingual-first static site generator
cli-command-build = Build the site into the output folder (replaced only when the whole build succeeds)
cli-command-serve = Preview the site with live reload (never touches the output folder)
cli-command-check = Check links, translations, interface strings and content rules without writing output
cli-command-translations = Show which translations are missing or out of date; --mark records them as up to date
cli-command-explain = Explain an error code (`sito explain E0601`), or list every code
cli-command-help = Print this message or the help of the given command

## Arguments

cli-arg-messages = The language of sito's own messages: `it` or `en` (by default the locale's, from LC_ALL, LC_MESSAGES or LANG: Italian for it_*, English otherwise)
    .value = LANG
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-root = The site's folder (holding site.toml, content/, themes/, i18n/); by default the nearest folder holding site.toml, from the current one up
    .value = DIR
cli-arg-base_url = Use this base URL instead of site.toml's `base_url`
    .value = URL
cli-arg-drafts = Include pages marked `draft = true`
cli-arg-output_dir = Where to write the site (default: public/ in the site's folder); a relative path is taken from the current folder
    .value = DIR
cli-arg-force = Replace an existing output folder even if sito did not create it
cli-arg-allow_removed = Let addresses the last build published disappear (a page deleted or renamed on purpose, without an alias)
cli-arg-no_cache = Render every page and resize every image again, ignoring what earlier builds kept in .sito/
cli-arg-relative = Make every link relative, so the site can be browsed straight from disk
cli-arg-minify = Minify HTML, CSS and JS
cli-arg-port = Port to listen on (default: 1111)
    .value = PORT
cli-arg-interface = Address to listen on (default: 127.0.0.1, which keeps the preview private to this machine)
    .value = ADDRESS
cli-arg-strict = Treat warnings as errors
cli-arg-format = Output format: `human` (grouped by file, coloured on a terminal; the default) or `json` (one JSON document, for CI)
    .value = FORMAT
cli-arg-external = Also check external links (needs the network)
cli-arg-mark = Record in each translation's front matter the version of the original it translates: every translation not yet marked or still current (stale ones must be named, after checking them), or only the FILES named
cli-arg-files = Translation files to mark (e.g. content/reti/c40.en.md)
    .value = FILES
cli-arg-code = The code printed in brackets after `error`, e.g. E0601
    .value = CODE
