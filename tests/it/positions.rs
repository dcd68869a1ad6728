//! Property tests (issue 16) over front matter people write: strings holding `[` lines, `]`
//! and escaped quotes, multi-line strings, comments, `[extra]` tables, LF, CRLF or CR-only
//! line endings, a byte-order mark. With one mistake placed anywhere among them, the
//! diagnostic's line:col points at the key or value it names; `--mark` keeps every byte
//! outside the `translated_from` line and the file parses to the same values plus the mark.

use proptest::prelude::*;
use sito::diag::Kind;
use sito::load::config::Config;
use sito::load::content::{load_one, Source};
use std::path::Path;
use std::sync::OnceLock;

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::load(&crate::support::fixtures().join("basic"), None).expect("config"))
}

/// Text for strings: brackets, quotes, `=`, `#`, accents — what confused the old scanners.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(&["Milano", " ", "[nota]", "]", "[", "a = 1", "#", "è", "“x”", "'", "{", "}"][..]),
        0..6,
    )
    .prop_map(|w| w.concat())
}

/// A TOML string holding `text`: basic (quotes escaped), literal, or multi-line with its
/// own lines (each may start with `[`).
fn string(eol: &'static str) -> impl Strategy<Value = String> {
    (words(), prop::collection::vec(words(), 1..4), 0..3u8).prop_map(move |(w, lines, form)| match form {
        0 => format!("\"{}\"", w.replace('"', "\\\"")),
        1 => format!("'{}'", w.replace('\'', "’")),
        _ => format!("\"\"\"{eol}{}{eol}\"\"\"", lines.join(eol).replace('"', "\\\"")),
    })
}

/// A line that is not a setting: blank, or a comment holding brackets.
fn filler() -> impl Strategy<Value = String> {
    prop::sample::select(&["", "# [extra] ]", "   ", "# translated_from in a comment"][..]).prop_map(str::to_owned)
}

/// One mistake: the line to write, the kind of diagnostic, and what the diagnostic's
/// position must point at.
fn mistake() -> impl Strategy<Value = (String, Kind, &'static str)> {
    prop_oneof![
        Just(("wieght = 1".to_owned(), Kind::UnknownKey, "wieght")),
        Just(("weight = \"3\"".to_owned(), Kind::TomlSyntax, "\"3\"")),
        Just(("updated = 22/11/2026".to_owned(), Kind::BadDate, "22/11/2026")),
        Just(("date = \"22/11/2026\"".to_owned(), Kind::BadDate, "\"22/11/2026\"")),
        Just(("slug = \"a/b\"".to_owned(), Kind::BadSlug, "slug")),
        Just(("\"template\" = \"../x.html\"".to_owned(), Kind::BadTemplateName, "template")),
        Just(("aliases = [\"/a]/\", 'vecchia/']".to_owned(), Kind::BadAlias, "'vecchia/'")),
    ]
}

#[derive(Debug, Clone)]
struct Page {
    text: String,
    bom: bool,
}

impl Page {
    fn bytes(&self) -> Vec<u8> {
        let mut b = if self.bom { "\u{feff}".as_bytes().to_vec() } else { Vec::new() };
        b.extend_from_slice(self.text.as_bytes());
        b
    }
}

/// A content file: a title, maybe a description and a flag, comment and blank lines, the
/// `top` lines, all in random order; maybe an `[extra]` table; then the body.
fn page(top: Vec<String>) -> impl Strategy<Value = Page> {
    let eol = prop::sample::select(&["\n", "\r\n", "\r"][..]);
    (eol, any::<bool>()).prop_flat_map(move |(eol, bom)| {
        let mut lines = vec![
            words().prop_map(|w| vec![format!("title = \"Titolo {w}\"")]).boxed(),
            prop::option::of(string(eol))
                .prop_map(|s| s.map(|s| format!("description = {s}")).into_iter().collect())
                .boxed(),
            prop::option::of(Just("draft = false # [x]".to_owned())).prop_map(|s| s.into_iter().collect()).boxed(),
            prop::collection::vec(filler(), 0..3).boxed(),
        ];
        lines.push(Just(top.clone()).boxed());
        let extra =
            prop::collection::btree_map(prop::sample::select(&["lead", "a.b", "\"x y\""][..]), string(eol), 0..3);
        (lines, extra).prop_flat_map(move |(lines, extra)| {
            Just(lines.concat()).prop_shuffle().prop_map(move |mut lines| {
                if !extra.is_empty() {
                    lines.push("[extra]".to_owned());
                    lines.extend(extra.iter().map(|(k, v)| format!("{k} = {v}")));
                }
                let text = format!("+++{eol}{}{eol}+++{eol}Testo [con](/link/).{eol}", lines.join(eol));
                Page { text, bom }
            })
        })
    })
}

fn load(bytes: &[u8]) -> (String, Result<Source, Vec<sito::diag::Diagnostic>>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.md");
    std::fs::write(&path, bytes).expect("write");
    let text = sito::load::toml_input::read_text(&path, Path::new("content/a.md")).expect("read");
    (text, load_one("a.md", &path, config()))
}

/// The text at a 1-based line and column (in characters) of `text`.
fn at(text: &str, line: usize, col: usize) -> String {
    text.split('\n').nth(line - 1).unwrap_or("").chars().skip(col - 1).collect()
}

/// Splits bytes into lines, each with its ending (LF, CRLF or CR).
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' | b'\n' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(&bytes[start..end]);
        start = end;
        i = end;
    }
    if start < bytes.len() {
        out.push(&bytes[start..]);
    }
    out
}

/// The line endings a text uses.
fn endings(bytes: &[u8]) -> std::collections::BTreeSet<&[u8]> {
    lines(bytes)
        .into_iter()
        .map(|l| if l.ends_with(b"\r\n") { &b"\r\n"[..] } else { &l[l.len() - 1..] })
        .filter(|e| e == b"\r\n" || e == b"\r" || e == b"\n")
        .collect()
}

fn without_mark(bytes: &[u8]) -> Vec<&[u8]> {
    lines(bytes).into_iter().filter(|l| !l.starts_with(b"translated_from")).collect()
}

fn with_mistake() -> impl Strategy<Value = (Page, Kind, &'static str)> {
    mistake().prop_flat_map(|(line, kind, needle)| page(vec![line]).prop_map(move |p| (p, kind, needle)))
}

fn with_optional_mark() -> impl Strategy<Value = Page> {
    prop_oneof![
        Just(Vec::new()),
        Just(vec!["translated_from = \"0123456789ab\"".to_owned()]),
        Just(vec!["translated_from = 'old' # marked by hand".to_owned()]),
    ]
    .prop_flat_map(page)
}

fn proptest_config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn diagnostics_point_at_the_key_or_value_they_name((page, kind, needle) in with_mistake()) {
        let (text, loaded) = load(&page.bytes());
        let diags = loaded.err().unwrap_or_default();
        prop_assert_eq!(diags.len(), 1, "{:?}\n{}", diags, page.text);
        let d = &diags[0];
        prop_assert_eq!(d.kind, kind, "{:?}", d);
        let (line, col) = (d.line.unwrap_or(0), d.col.unwrap_or(0));
        prop_assert!(line > 0 && col > 0, "{:?}", d);
        let found = at(&text, line, col);
        prop_assert!(found.starts_with(needle), "{line}:{col} is {found:?}, not {needle:?}\n{}", page.text);
    }

    #[test]
    fn marking_changes_only_the_mark(page in with_optional_mark()) {
        let (_, loaded) = load(&page.bytes());
        let src = loaded.unwrap_or_else(|d| panic!("{d:?}\n{}", page.text));
        prop_assert_eq!(src.bytes(), page.bytes(), "the loaded file gives back its bytes");
        let marked = sito::check::mark::marked_bytes(&src, "fedcba987654");
        let before = page.bytes();
        prop_assert_eq!(without_mark(&marked), without_mark(&before), "{}", String::from_utf8_lossy(&marked));
        prop_assert_eq!(endings(&marked), endings(&before), "the mark's line ends like the others");
        let (_, again) = load(&marked);
        let again = again.unwrap_or_else(|d| panic!("{d:?}\n{}", String::from_utf8_lossy(&marked)));
        let mut want = src.fm.clone();
        want.translated_from = Some("fedcba987654".to_owned());
        prop_assert_eq!(&again.fm, &want);
        prop_assert_eq!(again.body(), src.body());
    }
}
