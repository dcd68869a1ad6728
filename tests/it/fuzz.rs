//! Property tests (issue 9): whatever a content file holds — arbitrary bytes, half-written
//! front matter, Markdown built from the pieces that stress parsers — loading and rendering
//! it never panics, every diagnostic points inside the text it quotes, and what the checks
//! accept is safe to use as a path.
//!
//! `cargo test` runs each property on 256 inputs (a few seconds). To search longer:
//! `PROPTEST_CASES=100000 cargo test --release --test it fuzz::`. Inputs that once broken
//! something are kept in tests/fixtures/fuzz-corpus/ and run by `corpus_never_panics`.

use proptest::prelude::*;
use sito::diag::Diagnostic;
use sito::load::config::Config;
use sito::load::front_matter;
use sito::resolve::Site;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Pieces that front matter and Markdown parsers care about, including what editors and word
/// processors produce: BOM, CRLF, lone CR, typographic quotes, non-breaking spaces, NUL.
const FRAGMENTS: &[&str] = &[
    "+++",
    "+++\n",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "title = ",
    "\"x\"",
    "\"",
    "'",
    "“",
    "”",
    "\u{a0}",
    "\u{feff}",
    "\0",
    "é",
    "日本",
    "weight = ",
    "3",
    "\"3\"",
    "date = ",
    "2024-02-30",
    "2024-05-01T10:00:00Z",
    "slug = ",
    "aliases = [",
    "]",
    "[",
    "[extra]",
    "[[x]]",
    "{",
    "}",
    "=",
    ",",
    ".",
    "..",
    "/",
    "\\",
    "#",
    "## ",
    "---",
    "> ",
    "- ",
    "1. ",
    "* ",
    "_",
    "`",
    "```",
    "~~~",
    "|",
    "|-|",
    "[a](",
    "[a](@/",
    "@/reti/c40.md",
    "@/_index.md#top",
    "@/nope.md",
    "](",
    ")",
    "![i](",
    "<",
    ">",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "&",
    "&amp;",
    "[^1]",
    "[^1]: n",
    "{#id}",
    "\\u0000",
    "$",
    "$$",
    "\u{200b}",
    "\u{10ffff}",
    "a",
];

/// Pieces of site.toml and i18n files.
const SETTINGS: &[&str] = &[
    "\n",
    "base_url = ",
    "\"https://example.org/\"",
    "\"https://a.org/x/../y\"",
    "\"ftp://x\"",
    "\"https://\"",
    "default_language = ",
    "\"it\"",
    "\"IT\"",
    "\"en\"",
    "\"\"",
    "theme = ",
    "\"plain\"",
    "\"../x\"",
    "title = ",
    "\"T\"",
    "[languages.en]",
    "[languages.it]",
    "[languages.",
    "[[languages.en.menu]]",
    "name = ",
    "path = ",
    "\"@/reti/_index.md\"",
    "\"@/nope.md\"",
    "weight = ",
    "1",
    "\"1\"",
    "host_rules = [\"nginx\", \"x\"]",
    "[extra]",
    "sitemap = ",
    "true",
    "[nav]",
    "updated = ",
    "months = [",
    "\"gennaio\"",
    "]",
    ",",
    "=",
    "[",
    "“",
    "\u{a0}",
    "#",
    "language_name = ",
    "a.b.c = 1",
    "{",
    "}",
    "\r\n",
];

fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..max).prop_map(|v| v.concat())
}

fn settings(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SETTINGS), 0..max).prop_map(|v| v.concat())
}

/// A copy of the `basic` fixture's configuration and strings in a temporary folder.
fn settings_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = crate::support::fixtures().join("basic");
    for file in ["site.toml", "i18n/it.toml", "i18n/en.toml"] {
        std::fs::create_dir_all(dir.path().join("i18n")).expect("mkdir");
        std::fs::copy(from.join(file), dir.path().join(file)).expect("copy");
    }
    dir
}

/// Arbitrary text, or text made of the pieces above, or a content file built from them.
fn content_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        pieces(60),
        (pieces(20), pieces(40)).prop_map(|(front, body)| format!("+++\ntitle = \"t\"\n{front}\n+++\n{body}")),
    ]
}

/// Renders every diagnostic, as the binary does: this is where line, column and length
/// meet the quoted text.
fn render_all(diags: &[Diagnostic]) {
    for d in diags {
        let text = d.render(false);
        assert!(!text.is_empty());
        if let (Some(line), Some(_)) = (d.line, &d.source_line) {
            assert!(line >= 1, "{text}");
        }
    }
}

fn split_and_parse(text: &str) {
    let path = Path::new("content/a.md");
    match front_matter::split(text, path) {
        Err(d) => render_all(&[d]),
        Ok(split) => {
            assert!(split.body_line >= 3);
            assert!(text.len() >= split.front.len() + split.body.len());
            if let Err(diags) = front_matter::parse_file(text, path) {
                assert!(!diags.is_empty());
                render_all(&diags);
            }
        }
    }
}

/// The `basic` fixture, loaded and resolved once, for link resolution.
fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = crate::support::fixtures().join("basic");
        let config = Config::load(&root, None).unwrap_or_else(|d| panic!("{d:?}"));
        let (content, diags) = sito::load::content::load(&root, &config, false);
        assert!(diags.is_empty(), "{diags:?}");
        sito::resolve::resolve(config, content).unwrap_or_else(|d| panic!("{d:?}"))
    })
}

/// Renders Markdown as a page in `lang` would, resolving `@/` links against the fixture,
/// and checks that every link error can be reported at its place in the body.
fn render_markdown(body: &str, lang: usize) {
    let site = site();
    let resolve = |dest: &str| -> Result<String, String> {
        if !dest.starts_with("@/") {
            return Ok(site.url(dest));
        }
        site.resolve_internal(dest, lang).map(|(target, anchor)| {
            let url = site.url(&site.entries[target].path);
            anchor.map_or(url.clone(), |a| format!("{url}#{a}"))
        })
    };
    let (rendered, errors) = sito::render::markdown::render(body, &resolve);
    assert!(!body.contains('\0') || !rendered.html.contains('\0'), "NUL reached the HTML");
    for e in &errors {
        assert!(e.range.start <= e.range.end && e.range.end <= body.len(), "{:?} outside the body", e.range);
        assert!(body.is_char_boundary(e.range.start), "{:?} splits a character", e.range);
        let d = Diagnostic::error(sito::diag::Kind::BrokenLink, e.message.clone()).in_file("content/a.md").at_offset(
            body,
            4,
            e.range.start,
            e.range.len().min(80),
        );
        render_all(&[d]);
    }
    for link in &rendered.links {
        assert!(link.range.end <= body.len());
    }
}

/// A temporary file holding `bytes`, read the way content files are.
fn read_bytes(bytes: &[u8]) -> Result<String, Diagnostic> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.md");
    std::fs::write(&path, bytes).expect("write");
    sito::load::toml_input::read_text(&path, Path::new("content/a.md"))
}

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::load(&crate::support::fixtures().join("basic"), None).unwrap_or_else(|d| panic!("{d:?}"))
    })
}

fn proptest_config() -> ProptestConfig {
    // Found inputs are kept by hand in tests/fixtures/fuzz-corpus/, not in a regressions file.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn front_matter_never_panics(text in content_text()) {
        split_and_parse(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop_oneof![
        any::<Vec<u8>>(),
        pieces(40).prop_flat_map(|s| (Just(s), any::<u8>(), any::<prop::sample::Index>())).prop_map(|(s, b, at)| {
            let mut bytes = s.into_bytes();
            let i = if bytes.is_empty() { 0 } else { at.index(bytes.len()) };
            bytes.insert(i, b);
            bytes
        }),
    ]) {
        match read_bytes(&bytes) {
            Ok(text) => {
                prop_assert!(!text.starts_with('\u{feff}'), "BOM kept");
                split_and_parse(&text);
                render_markdown(&text, 0);
            }
            Err(d) => render_all(&[d]),
        }
    }

    #[test]
    fn loading_a_content_file_never_panics(
        bytes in prop_oneof![any::<Vec<u8>>(), content_text().prop_map(String::into_bytes)],
        name in prop_oneof![Just("a.md".to_owned()), Just("reti/a.en.md".to_owned()), "[a-z._/]{1,12}\\.md"],
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path: PathBuf = dir.path().join("a.md");
        std::fs::write(&path, &bytes).expect("write");
        if let Err(diags) = sito::load::content::load_one(&name, &path, config()) {
            prop_assert!(!diags.is_empty());
            render_all(&diags);
        }
    }

    #[test]
    fn markdown_with_links_never_panics(body in content_text(), lang in 0usize..2) {
        render_markdown(&body, lang);
    }

    #[test]
    fn site_toml_never_panics(text in prop_oneof![any::<String>(), settings(40)], keep in any::<bool>()) {
        let dir = settings_site();
        let path = dir.path().join("site.toml");
        let text = if keep { format!("{}\n{text}", std::fs::read_to_string(&path).expect("read")) } else { text };
        std::fs::write(&path, text).expect("write");
        if let Err(diags) = Config::load(dir.path(), None) {
            prop_assert!(!diags.is_empty());
            render_all(&diags);
        }
    }

    #[test]
    fn interface_strings_never_panic(text in prop_oneof![any::<String>(), settings(40)], keep in any::<bool>()) {
        let dir = settings_site();
        let path = dir.path().join("i18n/en.toml");
        let text = if keep { format!("{}\n{text}", std::fs::read_to_string(&path).expect("read")) } else { text };
        std::fs::write(&path, text).expect("write");
        if let Err(diags) = sito::load::i18n::I18n::load(dir.path(), config()) {
            prop_assert!(!diags.is_empty());
            render_all(&diags);
        }
    }

    #[test]
    fn accepted_slugs_stay_in_their_folder(slug in prop_oneof![any::<String>(), pieces(8)]) {
        if let Ok(s) = sito::slug::validate_slug(&slug) {
            prop_assert!(!s.is_empty());
            prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{s:?}");
        }
    }

    #[test]
    fn accepted_aliases_stay_on_the_site(alias in prop_oneof![any::<String>(), pieces(8), "/[a-z./\\\\]{0,10}"]) {
        if front_matter::check_alias(&alias).is_ok() {
            prop_assert!(alias.starts_with('/') && !alias.starts_with("//"));
            prop_assert!(!alias.contains(['\0', '\\', '?', '#']) && !alias.contains("://"));
            prop_assert!(alias.split('/').all(|s| s != ".." && s != "."), "{alias:?}");
        }
    }

    #[test]
    fn diagnostics_quote_any_line_at_any_column(
        line in prop_oneof![any::<String>(), pieces(30), "[a\t]{150,400}"],
        col in 0usize..500,
        len in 0usize..500,
    ) {
        let d = Diagnostic::error(sito::diag::Kind::TomlSyntax, "m").in_file("a.md").at(&line, 1, col, len);
        let text = d.render(false);
        prop_assert!(text.len() < 4 * 1024 + 2 * line.len().min(1024), "{text}");
    }
}

/// Inputs that broke something once (or came close), kept as regression cases.
#[test]
fn corpus_never_panics() {
    let dir = crate::support::fixtures().join("fuzz-corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz-corpus") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        match read_bytes(&bytes) {
            Ok(text) => {
                split_and_parse(&text);
                render_markdown(&text, 0);
                render_markdown(&text, 1);
            }
            Err(d) => render_all(&[d]),
        }
        n += 1;
    }
    assert!(n >= 5, "the corpus has {n} files");
}
