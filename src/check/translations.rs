//! `sito translations`: which translations are missing or stale, and `--mark` to record
//! the version of the original each translation follows.
//!
//! A translation records the version of its original it translates as
//! `translated_from = "<hash>"` in its front matter. The version is a hash of the
//! original's *translatable text* ([`version_text`]): the whole file as loaded — title,
//! description, `[extra]` values and body — with line endings made `\n` and without the
//! lines of the top-level keys that are not translated (dates, weight, slug, templates,
//! flags…), found by the TOML parser's spans, so a new `updated` date or `weight` does not
//! make translations stale, but any change of wording does. Every reader (`check`,
//! `translations`, `--mark`) computes it from the same loaded text.
//!
//! Marking also saves that text as `.sito/originals/<hash>.txt` at the site root, so that
//! when the original changes `check` can show what changed since. Commit `.sito/` with the
//! content: without the snapshot, a stale translation is still reported, without the diff.

use super::Finding;
use crate::diag::{Diagnostic, Kind};
use crate::editor_files::is_editor_file;
use crate::load::content::EntryKind;
use crate::load::toml_input::Located;
use crate::resolve::{Entry, Site};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub mark: bool,
    pub files: Vec<PathBuf>,
}

/// Where snapshots of marked originals live, relative to the site root.
pub const SNAPSHOTS: &str = ".sito/originals";

/// Top-level front-matter keys whose values are not translated.
const METADATA: [&str; 12] = [
    "date",
    "updated",
    "weight",
    "draft",
    "slug",
    "template",
    "page_template",
    "sort_by",
    "aliases",
    "feed",
    "translate",
    "translated_from",
];

/// The text a translation's version mark is computed from (see the module comment): `front`
/// and `body` are a loaded file's (`Source::front`, `Source::body`).
pub fn version_text(front: &Located, body: &str) -> String {
    let text = &front.text;
    let mut cut: Vec<Range<usize>> = METADATA
        .iter()
        .filter_map(|key| front.spans.get(key))
        .map(|s| whole_lines(text, s.key.start..s.value.end))
        .collect();
    cut.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len() + body.len());
    let mut from = 0;
    for r in cut {
        out.push_str(&text[from..r.start.max(from)]);
        from = from.max(r.end);
    }
    out.push_str(&text[from..]);
    out.push_str(body);
    out.replace("\r\n", "\n")
}

/// `range` widened to the lines it stands on, line ending included.
fn whole_lines(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i + 1);
    start..end
}

/// The version mark of a loaded original.
pub fn version(front: &Located, body: &str) -> String {
    crate::hash::short_hex(version_text(front, body).as_bytes(), 12)
}

/// Sets `translated_from = "<hash>"` in a content file's text (`front` is its loaded front
/// matter): the value of an existing top-level key is replaced where the parser found it,
/// or a new line goes right after the opening `+++` (so it is top-level, ahead of any
/// `[extra]`), ending like that line. Every other byte is kept: comments, key order,
/// quoting, line endings.
pub fn set_translated_from(text: &str, front: &Located, hash: &str) -> String {
    let value = format!("\"{hash}\"");
    let (range, new) = match front.spans.get("translated_from") {
        Some(span) => (span.value.clone(), value),
        None => {
            let first = text.find('\n').map_or(text.len(), |i| i + 1);
            let eol = if text[..first].ends_with("\r\n") { "\r\n" } else { "\n" };
            (first..first, format!("translated_from = {value}{eol}"))
        }
    };
    format!("{}{new}{}", &text[..range.start], &text[range.end..])
}

/// Per-language state of the translations.
#[derive(Debug, Default)]
pub struct Status {
    pub default_code: String,
    /// Originals meant to exist in every language (`translate` not `false`).
    pub originals: usize,
    pub langs: Vec<LangStatus>,
    /// Warnings for `check`: one per missing and per stale translation.
    pub findings: Vec<Finding>,
}

#[derive(Debug, Default)]
pub struct LangStatus {
    pub code: String,
    pub up_to_date: usize,
    pub missing: Vec<Missing>,
    pub stale: Vec<Stale>,
    /// Translations without `translated_from` (content/…): their freshness is unknown.
    pub unmarked: Vec<String>,
}

#[derive(Debug)]
pub struct Missing {
    /// `content/reti/efus.md`
    pub original: String,
    /// `content/reti/efus.en.md`
    pub expected: String,
}

#[derive(Debug)]
pub struct Stale {
    pub translation: String,
    pub original: String,
    /// What changed since the translation was marked; `None` without a snapshot.
    pub diff: Option<String>,
}

impl Status {
    pub fn is_complete(&self) -> bool {
        self.langs.iter().all(|l| l.missing.is_empty() && l.stale.is_empty())
    }
}

fn file(rel: &str) -> String {
    format!("content/{rel}")
}

/// `reti/efus.md` in `en` → `reti/efus.en.md`.
pub fn translation_name(original_rel: &str, code: &str) -> String {
    match original_rel.strip_suffix(".md") {
        Some(stem) => format!("{stem}.{code}.md"),
        None => format!("{original_rel}.{code}"),
    }
}

/// Works out which translations are missing, stale, up to date or not marked.
pub fn status(site: &Site, root: &Path) -> Status {
    let langs = &site.config.languages;
    let mut status = Status { default_code: langs[0].code.clone(), ..Status::default() };
    status.langs = langs.iter().skip(1).map(|l| LangStatus { code: l.code.clone(), ..LangStatus::default() }).collect();
    let mut versions: HashMap<usize, (String, String)> = HashMap::new();
    for (oid, original) in site.entries.iter().enumerate().filter(|(_, e)| e.lang() == 0) {
        if original.src.fm.translate {
            status.originals += 1;
        }
        for (lang, language) in langs.iter().enumerate().skip(1) {
            let row = &mut status.langs[lang - 1];
            let Some(tid) = site.get(original.kind(), &original.src.key, lang) else {
                if original.src.fm.translate {
                    let expected = file(&translation_name(&original.src.rel, &language.code));
                    status.findings.push(missing_finding(original, &expected, &language.code));
                    row.missing.push(Missing { original: file(&original.src.rel), expected });
                }
                continue;
            };
            let t = &site.entries[tid];
            let Some(marked) = &t.src.fm.translated_from else {
                row.unmarked.push(file(&t.src.rel));
                continue;
            };
            let (hash, text) = versions.entry(oid).or_insert_with(|| {
                let text = version_text(&original.src.front, &original.src.body());
                (crate::hash::short_hex(text.as_bytes(), 12), text)
            });
            if marked == hash {
                row.up_to_date += 1;
                continue;
            }
            let diff = std::fs::read_to_string(root.join(SNAPSHOTS).join(format!("{marked}.txt")))
                .ok()
                .map(|old| diff(&old, text));
            status.findings.push(stale_finding(t, original, marked, diff.clone()));
            row.stale.push(Stale { translation: file(&t.src.rel), original: file(&original.src.rel), diff });
        }
    }
    status
}

fn missing_finding(original: &Entry, expected: &str, code: &str) -> Finding {
    let what = if original.kind() == EntryKind::Section { "section" } else { "page" };
    Diagnostic::warning(
        Kind::MissingTranslation,
        crate::msg!(MissingTranslation, what = what, code = code, expected = expected),
    )
    .in_file(file(&original.src.rel))
    .hint(crate::msg!(MissingTranslationHint, expected = expected))
    .into()
}

fn stale_finding(t: &Entry, original: &Entry, marked: &str, diff: Option<String>) -> Finding {
    let orig = file(&original.src.rel);
    let d = Diagnostic::warning(Kind::StaleTranslation, crate::msg!(StaleTranslation, original = orig.as_str()));
    let d = t.src.at_key(d, "translated_from");
    let mark = format!("sito translations --mark {}", file(&t.src.rel));
    let hint = match &diff {
        Some(_) => crate::msg!(StaleTranslationHint, mark = mark),
        None => {
            let snapshot = format!("{SNAPSHOTS}/{marked}.txt");
            crate::msg!(StaleNoSnapshotHint, snapshot = snapshot, original = orig, mark = mark)
        }
    };
    Finding { diag: d.hint(hint), diff }
}

/// A line diff of the original's text, as marked and as it is now: changed lines with one
/// line of context (blank lines left out), `…` between distant changes.
pub fn diff(old: &str, new: &str) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = String::new();
    for (i, group) in diff.grouped_ops(1).iter().enumerate() {
        if i > 0 {
            out.push_str("…\n");
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let line = change.value().trim_end_matches(['\n', '\r']);
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => '-',
                    similar::ChangeTag::Insert => '+',
                    // Blank context (between paragraphs) says nothing.
                    similar::ChangeTag::Equal if line.trim().is_empty() => continue,
                    similar::ChangeTag::Equal => ' ',
                };
                let _ = writeln!(out, "{sign}{line}");
            }
        }
    }
    out
}

/// Colours a diff made by [`diff`] for a terminal.
pub fn paint_diff(diff: &str, indent: &str, color: bool) -> String {
    let mut out = String::new();
    for line in diff.lines() {
        let tint = match line.chars().next() {
            Some('-') if color => "\x1b[31m",
            Some('+') if color => "\x1b[32m",
            _ => "",
        };
        let reset = if tint.is_empty() { "" } else { "\x1b[0m" };
        let _ = writeln!(out, "{indent}{tint}{line}{reset}");
    }
    out
}

/// The per-language table. `all` also lists translations that are not marked yet.
pub fn table(status: &Status, all: bool, color: bool) -> String {
    let (bold, dim, reset) = if color { ("\x1b[1m", "\x1b[2m", "\x1b[0m") } else { ("", "", "") };
    let mut out = String::new();
    let heading = crate::msg!(TranslationsToTranslate, count = status.originals, lang = status.default_code.as_str());
    let _ = writeln!(out, "{bold}{}{reset} {heading}", crate::msg!(TranslationsTitle));
    let labels = [crate::msg!(TranslationsMissing), crate::msg!(TranslationsStale), crate::msg!(TranslationsUnmarked)];
    // The labels make a column: as wide as the longest one in this language, 14 at least.
    let w = labels.iter().map(|l| l.chars().count() + 1).max().unwrap_or(0).max(14);
    let [missing, stale, unmarked] = &labels;
    for l in &status.langs {
        let row = crate::msg!(
            TranslationsRow,
            current = l.up_to_date,
            missing = l.missing.len(),
            stale = l.stale.len(),
            unmarked = l.unmarked.len()
        );
        let _ = writeln!(out, "  {bold}{}{reset}: {row}", l.code);
        for m in &l.missing {
            let of = crate::msg!(TranslationOf, original = m.original.as_str());
            let _ = writeln!(out, "    {missing:<w$}{:<44} {dim}{of}{reset}", m.expected);
        }
        for s in &l.stale {
            let changed = crate::msg!(OriginalChanged, original = s.original.as_str());
            let _ = writeln!(out, "    {stale:<w$}{:<44} {dim}{changed}{reset}", s.translation);
        }
        if all {
            for u in &l.unmarked {
                let _ = writeln!(out, "    {unmarked:<w$}{u}");
            }
        }
    }
    out
}

/// Loads the site far enough to know its translations (no templates needed).
fn load(opts: &Options) -> Result<Site, Vec<Diagnostic>> {
    let config = crate::load::config::Config::load(&opts.root, opts.base_url.as_deref())?;
    let (content, diags) = crate::load::content::load(&opts.root, &config, opts.drafts);
    if !diags.is_empty() {
        return Err(diags);
    }
    crate::resolve::resolve(config, content)
}

pub fn run(opts: &Options) -> u8 {
    let color = crate::diag::color(&std::io::stdout());
    let site = match load(opts) {
        Ok(site) => site,
        Err(mut diags) => {
            crate::diag::sort(&mut diags);
            let ecolor = crate::diag::color(&std::io::stderr());
            for d in &diags {
                eprintln!("{}", d.render(ecolor));
            }
            eprintln!("{}", crate::msg!(TranslationsSiteErrors));
            return 1;
        }
    };
    if opts.mark {
        return match super::mark::mark(&site, &opts.root, &opts.files) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(diags) => {
                for d in &diags {
                    eprintln!("{}", d.render(color));
                }
                1
            }
        };
    }
    let status = status(&site, &opts.root);
    let mut out = table(&status, true, color);
    for l in &status.langs {
        for s in &l.stale {
            let heading =
                crate::msg!(ChangedSinceMarked, original = s.original.as_str(), translation = s.translation.as_str());
            let _ = writeln!(out, "\n{heading}");
            match &s.diff {
                Some(d) => out.push_str(&paint_diff(d, "  ", color)),
                None => {
                    let _ = writeln!(out, "  {}", crate::msg!(NoSnapshot));
                }
            }
        }
    }
    if status.langs.iter().any(|l| !l.unmarked.is_empty()) {
        let _ = writeln!(out, "\n{}", crate::msg!(TranslationsMarkNote));
    }
    print!("{out}");
    if !opts.files.is_empty() {
        // File names alone mark nothing: say so, rather than let them pass unseen.
        eprintln!("{}", crate::msg!(TranslationsFilesWithoutMark));
    }
    0
}

/// Hashes named in any content file's `translated_from` (drafts included), read with the
/// TOML parser, so pruning snapshots never removes one that is still needed. `None` when a
/// file's front matter cannot be read: then nobody knows, and nothing may be pruned.
pub fn referenced_versions(root: &Path) -> Option<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root.join("content")).follow_links(true) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) if e.path().and_then(|p| p.file_name()).is_some_and(|n| is_editor_file(&n.to_string_lossy())) => {
                continue
            }
            Err(_) => return None,
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || !name.ends_with(".md") || is_editor_file(&name) {
            continue;
        }
        let text = crate::load::toml_input::read_text(entry.path(), entry.path()).ok()?;
        let split = crate::load::front_matter::split(&text, entry.path()).ok()?;
        let table: toml::Table = toml::from_str(split.front).ok()?;
        if let Some(hash) = table.get("translated_from").and_then(toml::Value::as_str) {
            found.insert(hash.to_owned());
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> (Located, String) {
        let p = crate::load::front_matter::parse_file(text, Path::new("a.md")).unwrap_or_else(|d| panic!("{d:?}"));
        (p.front, text[p.body_start..].to_owned())
    }

    fn version_of(text: &str) -> String {
        let (front, body) = loaded(text);
        version(&front, &body)
    }

    fn text_of(text: &str) -> String {
        let (front, body) = loaded(text);
        version_text(&front, &body)
    }

    fn marked(text: &str, hash: &str) -> String {
        let (front, _) = loaded(text);
        set_translated_from(text, &front, hash)
    }

    #[test]
    fn version_ignores_metadata_and_line_endings() {
        let a = "+++\ntitle = \"C40\"\nweight = 1\nupdated = 2024-01-01\n[extra]\nweight = \"x\"\n+++\nTesto.\n";
        let b = "+++\r\ntitle = \"C40\"\r\nweight = 2\r\n[extra]\r\nweight = \"x\"\r\n+++\r\nTesto.\r\n";
        assert_eq!(version_of(a), version_of(b));
        assert_eq!(text_of(a), "+++\ntitle = \"C40\"\n[extra]\nweight = \"x\"\n+++\nTesto.\n");
        assert_ne!(version_of(a), version_of(&a.replace("Testo", "Testo nuovo")));
        assert_ne!(version_of(a), version_of(&a.replace("weight = \"x\"", "weight = \"y\"")), "[extra] is translated");
        let multi = "+++\ntitle = \"x\"\naliases = [\n  \"/a/\",\n]\n+++\nb\n";
        assert_eq!(text_of(multi), "+++\ntitle = \"x\"\n+++\nb\n");
    }

    /// Issue 16: a `]` inside an alias ended the list early, and a `[` line inside a
    /// multi-line string ended the top level, for the old line scanner.
    #[test]
    fn version_text_follows_the_parser() {
        let aliases = "+++\ntitle = \"x\"\naliases = [\n  \"/a]/\",\n  \"/b/\",\n]\n+++\nb\n";
        assert_eq!(text_of(aliases), "+++\ntitle = \"x\"\n+++\nb\n");
        let string = "+++\ntitle = \"x\"\ndescription = \"\"\"\n[nota] a\n\"\"\"\nweight = 3\n+++\nb\n";
        assert_eq!(text_of(string), "+++\ntitle = \"x\"\ndescription = \"\"\"\n[nota] a\n\"\"\"\n+++\nb\n");
    }

    #[test]
    fn marks_are_inserted_after_the_opening_line_or_updated_in_place() {
        let text = "+++\ntitle = \"C40\"\n[extra]\na = 1\n+++\nBody\n";
        let once = marked(text, "abc");
        assert_eq!(once, "+++\ntranslated_from = \"abc\"\ntitle = \"C40\"\n[extra]\na = 1\n+++\nBody\n");
        assert_eq!(marked(&once, "def"), once.replace("abc", "def"));
        let crlf = "+++\r\ntitle = \"C40\"\r\ntranslated_from = 'old' # kept\r\n+++\r\nBody\r\n";
        assert_eq!(
            marked(crlf, "new"),
            "+++\r\ntitle = \"C40\"\r\ntranslated_from = \"new\" # kept\r\n+++\r\nBody\r\n"
        );
        let crlf_new = "+++\r\ntitle = \"C40\"\r\n+++\r\n";
        assert_eq!(marked(crlf_new, "h"), "+++\r\ntranslated_from = \"h\"\r\ntitle = \"C40\"\r\n+++\r\n");
        // Issue 16: the old scanner took the `[` line for a table and added a second key.
        let string = "+++\ntitle = \"x\"\ndescription = \"\"\"\n[nota]\n\"\"\"\ntranslated_from = \"old\"\n+++\n";
        assert_eq!(marked(string, "h"), string.replace("old", "h"));
    }

    #[test]
    fn diff_shows_changed_lines_with_context() {
        let d = diff("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n");
        assert_eq!(d, " b\n-c\n+C\n d\n");
    }

    #[test]
    fn translation_names() {
        assert_eq!(translation_name("reti/_index.md", "en"), "reti/_index.en.md");
        assert_eq!(translation_name("reti/c40/index.md", "en"), "reti/c40/index.en.md");
    }
}
