//! The preview's one invariant (issue 12): after any sequence of saves, what `sito serve`
//! serves equals a clean `sito build` of the same files with the server's base URL, byte for
//! byte, for every file — apart from the live-reload script it adds to HTML, which is
//! removed exactly before comparing. A property test applies random edit sequences to a copy
//! of the bundled microsite while serving it (started from the site's folder, no --root),
//! saving each file the way some editor does.
//!
//! `cargo test` runs 3 sequences of 8 edits. A longer search:
//! `SITO_SERVE_CASES=40 SITO_SERVE_EDITS=20 cargo test --test it serve_invariant`.

use crate::serve::{Server, SAVES};
use crate::support::{snapshot, Site};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Exactly what serve adds to every HTML page while the site has no errors.
const SCRIPT: &str = "<script src=\"/__sito/live.js\" defer></script>";

const WORDS: &[&str] = &["acqua", "ponte", "navigli", "duomo", "tram", "brera", "isola", "darsena", "città", "über"];

/// An edit a user makes while previewing. `Term` adds a declared term to a page's
/// `[taxonomies]` (a page with none gets the table), removes its first, or renames that to
/// an undeclared one (a new term page, and a warning); `Paginate` sets `paginate_by` on a
/// section (the microsite has no paginated list of its own).
#[derive(Debug, Clone)]
enum Edit {
    Body { page: usize, word: usize, save: usize },
    Title { page: usize, word: usize, save: usize },
    Weight { page: usize, weight: i64, save: usize },
    Date { page: usize, month: u32, day: u32, save: usize },
    Draft { page: usize, save: usize },
    Slug { page: usize, word: usize, save: usize },
    NewPage { section: usize, word: usize },
    DeletePage { page: usize },
    Rename { page: usize, word: usize },
    Template { template: usize, word: usize, save: usize },
    I18n { lang: usize, line: usize, word: usize, save: usize },
    SiteToml { word: usize, save: usize },
    Stylesheet { word: usize, save: usize },
    StaticFile { word: usize },
    NewFolder { word: usize },
    Term { page: usize, op: TermOp, term: usize, save: usize },
    Paginate { section: usize, per: usize, save: usize },
}

#[derive(Debug, Clone, Copy)]
enum TermOp {
    /// One of the declared terms, first (a page with none gets a `[taxonomies]` table).
    Add,
    RemoveFirst,
    /// The first term renamed to an undeclared one: a new term page (and a warning).
    RenameFirst,
}

/// Declared terms of the microsite, per language (site.toml).
const TERMS: [&[&str]; 2] =
    [&["clima", "cibo", "pace", "qualità dell’aria"], &["climate", "food", "peace", "air quality"]];

fn edit() -> impl Strategy<Value = Edit> {
    let n = 1000usize;
    let (w, s) = (WORDS.len(), SAVES.len());
    prop_oneof![
        3 => (0..n, 0..w, 0..s).prop_map(|(page, word, save)| Edit::Body { page, word, save }),
        2 => (0..n, 0..w, 0..s).prop_map(|(page, word, save)| Edit::Title { page, word, save }),
        1 => (0..n, -5i64..50, 0..s).prop_map(|(page, weight, save)| Edit::Weight { page, weight, save }),
        1 => (0..n, 1u32..13, 1u32..29, 0..s).prop_map(|(page, month, day, save)| Edit::Date { page, month, day, save }),
        1 => (0..n, 0..s).prop_map(|(page, save)| Edit::Draft { page, save }),
        1 => (0..n, 0..w, 0..s).prop_map(|(page, word, save)| Edit::Slug { page, word, save }),
        1 => (0..n, 0..w).prop_map(|(section, word)| Edit::NewPage { section, word }),
        1 => (0..n).prop_map(|page| Edit::DeletePage { page }),
        1 => (0..n, 0..w).prop_map(|(page, word)| Edit::Rename { page, word }),
        2 => (0..n, 0..w, 0..s).prop_map(|(template, word, save)| Edit::Template { template, word, save }),
        1 => (0..2usize, 0..n, 0..w, 0..s).prop_map(|(lang, line, word, save)| Edit::I18n { lang, line, word, save }),
        1 => (0..w, 0..s).prop_map(|(word, save)| Edit::SiteToml { word, save }),
        1 => (0..w, 0..s).prop_map(|(word, save)| Edit::Stylesheet { word, save }),
        1 => (0..w).prop_map(|word| Edit::StaticFile { word }),
        1 => (0..w).prop_map(|word| Edit::NewFolder { word }),
        3 => (0..n, prop_oneof![Just(TermOp::Add), Just(TermOp::RemoveFirst), Just(TermOp::RenameFirst)], 0..n, 0..s)
            .prop_map(|(page, op, term, save)| Edit::Term { page, op, term, save }),
        1 => (0..n, 1..4usize, 0..s).prop_map(|(section, per, save)| Edit::Paginate { section, per, save }),
    ]
}

/// Files under `dir` (relative to the site) whose names satisfy `keep`, sorted.
fn files(site: &Site, dir: &str, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(site.path(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && keep(&e.file_name().to_string_lossy()))
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// Sets `key = value` in a file's front matter: replaces the key's line, or adds it first.
fn set_key(text: &str, key: &str, value: &str) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let end = lines.iter().skip(1).position(|l| l == "+++" || l.starts_with('[')).map_or(lines.len(), |i| i + 1);
    let line = format!("{key} = {value}");
    match lines[1..end].iter().position(|l| l.starts_with(&format!("{key} ="))) {
        Some(i) => lines[i + 1] = line,
        None => lines.insert(1, line),
    }
    lines.join("\n") + "\n"
}

/// A page's terms (the line `temi = [...]`, or `topics` in English) changed by `change`; a
/// page without any gets a `[taxonomies]` table at the end of its front matter.
fn edit_terms(text: &str, english: bool, change: impl FnOnce(&mut Vec<String>)) -> String {
    let name = if english { "topics" } else { "temi" };
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let end = lines.iter().skip(1).position(|l| l == "+++").map_or(lines.len(), |i| i + 1);
    let prefix = format!("{name} = [");
    let at = lines[..end].iter().position(|l| l.starts_with(&prefix));
    let mut terms: Vec<String> = at.map_or_else(Vec::new, |i| {
        let inner = lines[i][prefix.len()..].trim_end().trim_end_matches(']');
        inner.split(',').map(|t| t.trim().trim_matches('"').to_owned()).filter(|t| !t.is_empty()).collect()
    });
    change(&mut terms);
    let quoted: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
    let line = format!("{name} = [{}]", quoted.join(", "));
    match at {
        Some(i) => lines[i] = line,
        None => lines.splice(end..end, ["[taxonomies]".to_owned(), line]).for_each(drop),
    }
    lines.join("\n") + "\n"
}

/// Saves the page at `path` with a term added, removed or renamed (to `renamed`).
fn change_terms(path: &Path, op: TermOp, term: usize, renamed: String, save: usize) {
    let english = path.to_string_lossy().ends_with(".en.md");
    let declared = TERMS[usize::from(english)][term % TERMS[0].len()].to_owned();
    rewrite(path, save, |t| {
        edit_terms(t, english, |terms| match op {
            TermOp::Add if !terms.contains(&declared) => terms.insert(0, declared),
            TermOp::RemoveFirst if !terms.is_empty() => drop(terms.remove(0)),
            TermOp::RenameFirst if !terms.is_empty() => terms[0] = renamed,
            TermOp::Add | TermOp::RemoveFirst | TermOp::RenameFirst => {}
        })
    });
}

/// Saves `path` with `change` applied to its text, the way editor `save` does.
fn rewrite(path: &Path, save: usize, change: impl FnOnce(&str) -> String) {
    let text = std::fs::read_to_string(path).expect("read");
    (SAVES[save % SAVES.len()].1)(path, &change(&text));
}

fn apply(site: &Site, edit: &Edit, n: usize) {
    let pages = files(site, "content", |f| f.ends_with(".md") && !f.starts_with('.'));
    let page = |i: usize| &pages[i % pages.len()];
    let word = |w: usize| format!("{}{n}", WORDS[w]);
    match *edit {
        Edit::Body { page: p, word: w, save } => rewrite(page(p), save, |t| format!("{t}\nParagrafo {}.\n", word(w))),
        Edit::Title { page: p, word: w, save } => {
            rewrite(page(p), save, |t| set_key(t, "title", &format!("\"Titolo {}\"", word(w))))
        }
        Edit::Weight { page: p, weight, save } => rewrite(page(p), save, |t| set_key(t, "weight", &weight.to_string())),
        Edit::Date { page: p, month, day, save } => {
            rewrite(page(p), save, |t| set_key(t, "date", &format!("2025-{month:02}-{day:02}")))
        }
        Edit::Draft { page: p, save } => rewrite(page(p), save, |t| set_key(t, "draft", "true")),
        Edit::Slug { page: p, word: w, save } => {
            rewrite(page(p), save, |t| set_key(t, "slug", &format!("\"{}\"", word(w).to_lowercase())))
        }
        Edit::NewPage { section, word: w } => {
            let sections = files(site, "content", |f| f == "_index.md");
            let dir = sections[section % sections.len()].parent().expect("folder").to_path_buf();
            let text = format!("+++\ntitle = \"Nuova {0}\"\ntranslate = false\n+++\nTesto {0}.\n", word(w));
            std::fs::write(dir.join(format!("{}.md", word(w).to_lowercase())), text).expect("write");
        }
        Edit::DeletePage { page: p } => std::fs::remove_file(page(p)).expect("remove"),
        Edit::Rename { page: p, word: w } => {
            let to = page(p).with_file_name(format!("{}.md", word(w).to_lowercase()));
            std::fs::rename(page(p), to).expect("rename");
        }
        Edit::Template { template, word: w, save } => {
            let templates = files(site, "themes", |f| f.ends_with(".html"));
            let marker = format!("<span hidden>{}</span></", word(w));
            rewrite(&templates[template % templates.len()], save, |t| t.replacen("</", &marker, 1));
        }
        Edit::I18n { lang, line, word: w, save } => {
            let path = site.path(if lang == 0 { "i18n/it.toml" } else { "i18n/en.toml" });
            rewrite(&path, save, |t| {
                let strings: Vec<usize> = (0..t.lines().count())
                    .filter(|&i| t.lines().nth(i).is_some_and(|l| l.contains(" = \"") && l.ends_with('"')))
                    .collect();
                let at = strings[line % strings.len()];
                let lines: Vec<String> = t
                    .lines()
                    .enumerate()
                    .map(|(i, l)| if i == at { format!("{} {}\"", &l[..l.len() - 1], word(w)) } else { l.to_owned() })
                    .collect();
                lines.join("\n") + "\n"
            });
        }
        Edit::SiteToml { word: w, save } => rewrite(&site.path("site.toml"), save, |t| {
            t.replacen("description = \"", &format!("description = \"{} ", word(w)), 1)
        }),
        Edit::Stylesheet { word: w, save } => rewrite(&site.path("themes/milano/static/css/site.css"), save, |t| {
            format!("{t}\n.x-{} {{ color: #123; }}\n", word(w))
        }),
        Edit::StaticFile { word: w } => site.write(&format!("static/{}.txt", word(w)), word(w)),
        Edit::Term { page: p, op, term, save } => {
            change_terms(page(p), op, term, word(term % WORDS.len()).to_lowercase(), save);
        }
        Edit::Paginate { section, per, save } => {
            let sections = files(site, "content", |f| f.starts_with("_index") && f.ends_with(".md"));
            rewrite(&sections[section % sections.len()], save, |t| set_key(t, "paginate_by", &per.to_string()));
        }
        Edit::NewFolder { word: w } => {
            let name = word(w).to_lowercase();
            site.write(
                &format!("content/{name}/_index.md"),
                "+++\ntitle = \"Nuova sezione\"\ntranslate = false\n+++\n",
            );
            site.write(&format!("static/{name}/nota.txt"), "nota");
        }
    }
}

/// A clean build of the site as it is now, for the server's address; `None` if it fails.
fn clean_build(site: &Site, addr: &str) -> Option<BTreeMap<String, Vec<u8>>> {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("clean");
    let base = format!("http://{addr}/");
    let run = site.sito(&["build", "--base-url", &base, "--output-dir", dir.to_str().expect("utf-8")]);
    if run.code() != 0 {
        assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
        return None;
    }
    let mut files = snapshot(&dir);
    files.remove(".sito-build");
    Some(files)
}

/// `/` + the file's path, percent-encoded.
fn url(rel: &str) -> String {
    let mut out = String::from("/");
    for b in rel.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How a served file differs from what it should be (`None`: identical). With `errors`, HTML
/// must be the expected page with the script and the error overlay, and nothing else, added.
fn difference(expected: &[u8], served: &[u8], rel: &str, errors: bool) -> Option<String> {
    if !rel.ends_with(".html") {
        return (expected != served)
            .then(|| format!("{rel}: {} bytes served, {} expected", served.len(), expected.len()));
    }
    let (expected, served) = (String::from_utf8_lossy(expected), String::from_utf8_lossy(served));
    let at = expected.rfind("</body>").unwrap_or(expected.len());
    let (before, after) = expected.split_at(at);
    let ok = if errors {
        let prefix = format!("{before}{SCRIPT}<div id=\"sito-error-overlay\"");
        served.starts_with(&prefix) && served.ends_with(after)
    } else {
        served == format!("{before}{SCRIPT}{after}")
    };
    (!ok).then(|| {
        let line = served.lines().zip(expected.lines()).position(|(a, b)| a != b).unwrap_or(0);
        format!(
            "{rel}: differs from line {}:\nserved:   {:?}\nexpected: {:?}",
            line + 1,
            served.lines().nth(line),
            expected.lines().nth(line)
        )
    })
}

/// The first difference between what is served and `expected`; every path ever built but
/// not in `expected` must be a 404.
fn compare(
    server: &Server,
    expected: &BTreeMap<String, Vec<u8>>,
    seen: &BTreeSet<String>,
    errors: bool,
) -> Option<String> {
    for (rel, bytes) in expected {
        let (status, head, served) = server.raw_bytes(&format!("GET {} HTTP/1.1\r\nHost: x\r\n\r\n", url(rel)));
        let want = if rel.ends_with("404.html") { [200, 404] } else { [200, 200] };
        if !want.contains(&status) {
            return Some(format!("{rel}: status {status}: {head}"));
        }
        if let Some(d) = difference(bytes, &served, rel, errors) {
            return Some(d);
        }
    }
    seen.iter().filter(|rel| !expected.contains_key(*rel)).find_map(|rel| {
        let (status, _, _) = server.raw_bytes(&format!("GET {} HTTP/1.1\r\nHost: x\r\n\r\n", url(rel)));
        let redirect = status == 301 && expected.contains_key(&format!("{rel}/index.html"));
        (status != 404 && !redirect).then(|| format!("{rel}: gone from the clean build, served with status {status}"))
    })
}

/// Waits until the server serves `expected` (eventually: it rebuilds after the save).
fn settle(server: &Server, expected: &BTreeMap<String, Vec<u8>>, seen: &BTreeSet<String>, errors: bool, what: &str) {
    let start = Instant::now();
    loop {
        let Some(difference) = compare(server, expected, seen, errors) else { return };
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "after {what}, serve differs from a clean build: {difference}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn run_sequence(edits: &[Edit]) {
    let site = Site::microsite();
    let server = Server::start(&site, &[]);
    let mut good = clean_build(&site, &server.addr).expect("the microsite builds");
    let mut seen: BTreeSet<String> = good.keys().cloned().collect();
    settle(&server, &good, &seen, false, "starting");
    for (n, edit) in edits.iter().enumerate() {
        let before = snapshot(site.root());
        apply(&site, edit, n);
        let what = format!("edit {n} ({edit:?})");
        match clean_build(&site, &server.addr) {
            Some(files) => {
                seen.extend(files.keys().cloned());
                settle(&server, &files, &seen, false, &what);
                good = files;
            }
            None => {
                // A broken site: serve keeps the last good build, with the errors over it;
                // then the edit is undone, as the user would, and serve must follow.
                settle(&server, &good, &seen, true, &what);
                restore(&site, &before);
                let files = clean_build(&site, &server.addr).expect("undoing the edit repairs the site");
                settle(&server, &files, &seen, false, &format!("undoing {what}"));
                good = files;
            }
        }
    }
}

/// Puts the site's files back as in `before` (sources only; the output is elsewhere).
fn restore(site: &Site, before: &BTreeMap<String, Vec<u8>>) {
    for rel in snapshot(site.root()).keys().filter(|rel| !before.contains_key(*rel)) {
        std::fs::remove_file(site.path(rel)).expect("remove");
    }
    for (rel, bytes) in before {
        if std::fs::read(site.path(rel)).ok().as_deref() != Some(bytes.as_slice()) {
            site.write(rel, bytes);
        }
    }
}

fn env(name: &str, default: u32) -> u32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn what_serve_serves_equals_a_clean_build_after_any_edits() {
    let edits = env("SITO_SERVE_EDITS", 8) as usize;
    let config = Config { cases: env("SITO_SERVE_CASES", 3), max_shrink_iters: 8, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(edit(), edits..=edits), |edits| {
        run_sequence(&edits);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

#[test]
fn term_edits_change_the_front_matter_as_a_user_would() {
    let page = "+++\ntitle = \"C40\"\n\n[extra]\nacronym = \"C40\"\n\n[taxonomies]\ntemi = [\"clima\", \"energia\"]\n+++\nTesto.\n";
    let added = edit_terms(page, false, |t| t.insert(0, "pace".into()));
    assert!(added.contains("temi = [\"pace\", \"clima\", \"energia\"]\n+++\nTesto."), "{added}");
    let removed = edit_terms(page, false, |t| drop(t.remove(0)));
    assert!(removed.contains("temi = [\"energia\"]\n"), "{removed}");
    // A page without terms gets the table, after its other tables.
    let bare = "+++\ntitle = \"Peace\"\n\n[extra]\nacronym = \"P\"\n+++\nText.\n";
    let added = edit_terms(bare, true, |t| t.push("peace".into()));
    assert!(added.ends_with("acronym = \"P\"\n[taxonomies]\ntopics = [\"peace\"]\n+++\nText.\n"), "{added}");
}
