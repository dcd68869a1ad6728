//! The random edits of the property tests (issues 12 and 17): what a user does to a site
//! between two looks at it — a page's text, title, date or terms changed, a page added,
//! deleted or renamed, a template, a string, site.toml or a stylesheet changed, a static file
//! or a section added — each file saved the way some editor saves it (`SAVES`). One
//! generator for `serve_invariant` (what serve serves) and `incremental` (what an
//! incremental build writes).

use crate::serve::SAVES;
use crate::support::{snapshot, Site};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const WORDS: &[&str] =
    &["acqua", "ponte", "navigli", "duomo", "tram", "brera", "isola", "darsena", "città", "über"];

/// An edit a user makes while previewing. `Term` adds a declared term to a page's
/// `[taxonomies]` (a page with none gets the table), removes its first, or renames that to
/// an undeclared one (a new term page, and a warning); `Paginate` sets `paginate_by` on a
/// section (the microsite has no paginated list of its own).
#[derive(Debug, Clone)]
pub enum Edit {
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
    Summary { page: usize, word: usize, save: usize, remove: bool },
}

#[derive(Debug, Clone, Copy)]
pub enum TermOp {
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
        2 => (0..n, 0..w, 0..s, proptest::bool::weighted(0.3))
            .prop_map(|(page, word, save, remove)| Edit::Summary { page, word, save, remove }),
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

/// `text` without its `<!-- more -->` lines; with a `lead`, that paragraph and the marker
/// first in its body.
fn with_summary(text: &str, lead: Option<String>) -> String {
    let mut lines: Vec<String> = text.lines().filter(|l| *l != "<!-- more -->").map(str::to_owned).collect();
    if let Some(lead) = lead {
        let body = lines.iter().skip(1).position(|l| l == "+++").map_or(lines.len(), |i| i + 2);
        lines.splice(body..body, [String::new(), lead, String::new(), "<!-- more -->".to_owned()]).for_each(drop);
    }
    lines.join("\n") + "\n"
}

/// Saves `path` with `change` applied to its text, the way editor `save` does.
fn rewrite(path: &Path, save: usize, change: impl FnOnce(&str) -> String) {
    let text = std::fs::read_to_string(path).expect("read");
    (SAVES[save % SAVES.len()].1)(path, &change(&text));
}

/// Applies `edit`, the `n`th of its sequence (the words it writes end in `n`).
pub fn apply(site: &Site, edit: &Edit, n: usize) {
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
        // Zola's `<!-- more -->`: a new lead paragraph and the marker after it at the top of
        // the body (any other marker line goes), or, with `remove`, only the marker lines go.
        Edit::Summary { page: p, word: w, save, remove } => {
            let lead = (!remove).then(|| format!("Sommario {}.", word(w)));
            rewrite(page(p), save, |t| with_summary(t, lead))
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

/// What builds leave in a site's folder (the output, what it published, the caches): not
/// sources.
pub const BUILT: [&str; 3] = ["public", ".public.sito-build", ".sito/cache"];

/// The site's files, by path relative to its folder, without what builds left there.
pub fn sources(site: &Site) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(site.root());
    files.retain(|rel, _| !BUILT.iter().any(|b| rel == b || rel.starts_with(&format!("{b}/"))));
    files
}

/// Puts the site's files back as in `before` (`sources`); what builds left is not touched.
pub fn restore(site: &Site, before: &BTreeMap<String, Vec<u8>>) {
    for rel in sources(site).keys().filter(|rel| !before.contains_key(*rel)) {
        std::fs::remove_file(site.path(rel)).expect("remove");
    }
    for (rel, bytes) in before {
        if std::fs::read(site.path(rel)).ok().as_deref() != Some(bytes.as_slice()) {
            site.write(rel, bytes);
        }
    }
}

/// A number from the environment variable `name`, else `default`.
fn env(name: &str, default: u32) -> u32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Runs `sequence` over random edit sequences: `SITO_<NAME>_CASES` of them (3 unless set),
/// of `SITO_<NAME>_EDITS` edits each (8 unless set); a failing one is shrunk, by at most
/// `shrink` steps, and reported.
pub fn check_sequences(name: &str, shrink: u32, sequence: impl Fn(&[Edit])) {
    let edits = env(&format!("SITO_{name}_EDITS"), 8) as usize;
    let config = Config { cases: env(&format!("SITO_{name}_CASES"), 3), max_shrink_iters: shrink, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(edit(), edits..=edits), |edits| {
        sequence(&edits);
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

#[test]
fn every_editor_saves_the_same_file_again() {
    let site = Site::fixture("basic");
    let page = site.path("content/solo-italiano.md");
    for (save, (how, _)) in SAVES.iter().enumerate() {
        for n in 0..2 {
            rewrite(&page, save, |t| format!("{t}\nSalvataggio {save}.{n}.\n"));
            let text = std::fs::read_to_string(&page).expect("read");
            assert!(text.ends_with(&format!("\nSalvataggio {save}.{n}.\n")), "{how}: {text}");
        }
    }
}
