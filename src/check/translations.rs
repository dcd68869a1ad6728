//! `sito translations`: which translations are missing or stale, and `--mark` to record
//! the version of the original each translation follows.
//!
//! A translation records the version of its original it translates as
//! `translated_from = "<hash>"` in its front matter. The version is a hash of the
//! original's *translatable text* ([`version_text`]): the whole file — title, description,
//! `[extra]` values and body — with line endings made `\n` and without the top-level keys
//! that are not translated (dates, weight, slug, templates, flags…), so a new `updated`
//! date or `weight` does not make translations stale, but any change of wording does.
//!
//! Marking also saves that text as `.sito/originals/<hash>.txt` at the site root, so that
//! when the original changes `check` can show what changed since. Commit `.sito/` with the
//! content: without the snapshot, a stale translation is still reported, without the diff.

use super::Finding;
use crate::diag::{Diagnostic, Kind};
use crate::load::content::EntryKind;
use crate::resolve::{Entry, Site};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
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

/// The text a translation's version mark is computed from (see the module comment).
pub fn version_text(file: &str) -> String {
    let text = file.strip_prefix('\u{feff}').unwrap_or(file).replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else { return out };
    out.push_str(first);
    let (mut in_front, mut top, mut open_list) = (first.trim_end() == "+++", true, false);
    for line in lines {
        let t = line.trim();
        if in_front {
            if open_list {
                open_list = !t.contains(']');
                continue;
            }
            if t == "+++" {
                in_front = false;
            } else if t.starts_with('[') {
                top = false;
            } else if let Some(value) = top.then(|| metadata_value(t)).flatten() {
                // A list written over several lines: skip to its end.
                open_list = value.starts_with('[') && !value.contains(']');
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// The value of a `key = value` line whose key is a metadata key.
fn metadata_value(line: &str) -> Option<&str> {
    let (key, value) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    METADATA.contains(&key).then(|| value.trim())
}

/// The version mark of an original's file text.
pub fn version(file: &str) -> String {
    crate::hash::short_hex(version_text(file).as_bytes(), 12)
}

/// Sets `translated_from = "<hash>"` in a content file's front matter: the existing
/// top-level line is replaced in place, or a new line goes right after the opening `+++`
/// (so it stays top-level, ahead of any `[extra]`). Everything else is kept byte for byte,
/// CRLF line endings included. `None` if the file has no front matter.
pub fn set_translated_from(text: &str, hash: &str) -> Option<String> {
    let new_line = format!("translated_from = \"{hash}\"");
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_start_matches('\u{feff}').trim_end() != "+++" || !first.ends_with('\n') {
        return None;
    }
    let mut offset = first.len();
    let mut existing = None;
    let mut top = true;
    for line in lines {
        let t = line.trim();
        if t == "+++" {
            let start = existing.map_or(first.len(), |(s, _)| s);
            let end = existing.map_or(first.len(), |(_, e)| e);
            let eol = if first.ends_with("\r\n") { "\r\n" } else { "\n" };
            let replacement = if existing.is_some() { new_line } else { format!("{new_line}{eol}") };
            return Some(format!("{}{replacement}{}", &text[..start], &text[end..]));
        }
        if t.starts_with('[') {
            top = false;
        }
        if top && existing.is_none() {
            if let Some((key, _)) = t.split_once('=') {
                if key.trim().trim_matches(['"', '\'']) == "translated_from" {
                    let body_len = line.trim_end_matches(['\n', '\r']).len();
                    existing = Some((offset, offset + body_len));
                }
            }
        }
        offset += line.len();
    }
    None
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

/// The original's file text, read from disk.
fn read_original(root: &Path, e: &Entry) -> Option<String> {
    std::fs::read_to_string(root.join("content").join(&e.src.rel)).ok()
}

/// Works out which translations are missing, stale, up to date or not marked.
pub fn status(site: &Site, root: &Path) -> Status {
    let langs = &site.config.languages;
    let mut status = Status { default_code: langs[0].code.clone(), ..Status::default() };
    status.langs = langs.iter().skip(1).map(|l| LangStatus { code: l.code.clone(), ..LangStatus::default() }).collect();
    let mut versions: HashMap<usize, Option<(String, String)>> = HashMap::new();
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
            let current = versions.entry(oid).or_insert_with(|| {
                let text = read_original(root, original)?;
                Some((version(&text), version_text(&text)))
            });
            let Some((hash, text)) = current.as_ref() else { continue };
            if marked == hash {
                row.up_to_date += 1;
                continue;
            }
            let diff = std::fs::read_to_string(root.join(SNAPSHOTS).join(format!("{marked}.txt")))
                .ok()
                .map(|old| diff(&old, text));
            status.findings.push(stale_finding(root, t, original, marked, diff.clone()));
            row.stale.push(Stale { translation: file(&t.src.rel), original: file(&original.src.rel), diff });
        }
    }
    status
}

fn missing_finding(original: &Entry, expected: &str, code: &str) -> Finding {
    let what = if original.kind() == EntryKind::Section { "section" } else { "page" };
    Diagnostic::warning(Kind::MissingTranslation, format!("this {what} has no `{code}` translation ({expected})"))
        .in_file(file(&original.src.rel))
        .hint(format!(
            "translate it into {expected}, or add `translate = false` to this file's front matter if it is meant to exist in one language only"
        ))
        .into()
}

fn stale_finding(root: &Path, t: &Entry, original: &Entry, marked: &str, diff: Option<String>) -> Finding {
    let orig = file(&original.src.rel);
    let d = Diagnostic::warning(
        Kind::StaleTranslation,
        format!("out of date: {orig} changed since this translation was marked"),
    );
    let d = super::at_front_key(d, root, t, "translated_from");
    let mark = format!("sito translations --mark {}", file(&t.src.rel));
    let hint = match &diff {
        Some(_) => format!("bring the translation up to date with the changes below, then run `{mark}`"),
        None => format!(
            "the text it was marked against ({SNAPSHOTS}/{marked}.txt) is not there, so what changed cannot be shown; compare with {orig}'s history, update the translation, then run `{mark}`"
        ),
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
    let _ = writeln!(
        out,
        "{bold}Translations{reset} ({} pages and sections in `{}` to translate)",
        status.originals, status.default_code
    );
    for l in &status.langs {
        let _ = writeln!(
            out,
            "  {bold}{}{reset}: {} up to date, {} missing, {} out of date, {} not marked",
            l.code,
            l.up_to_date,
            l.missing.len(),
            l.stale.len(),
            l.unmarked.len()
        );
        for m in &l.missing {
            let _ = writeln!(out, "    missing       {:<44} {dim}translation of {}{reset}", m.expected, m.original);
        }
        for s in &l.stale {
            let _ = writeln!(out, "    out of date   {:<44} {dim}{} changed{reset}", s.translation, s.original);
        }
        if all {
            for u in &l.unmarked {
                let _ = writeln!(out, "    not marked    {u}");
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
            eprintln!("the site has errors: fix them first, then run `sito translations` again");
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
            let _ = writeln!(out, "\n{} changed since {} was marked:", s.original, s.translation);
            match &s.diff {
                Some(d) => out.push_str(&paint_diff(d, "  ", color)),
                None => out.push_str("  (no snapshot of the marked version in .sito/originals/)\n"),
            }
        }
    }
    if status.langs.iter().any(|l| !l.unmarked.is_empty()) {
        out.push_str("\nOnce a translation is up to date, `sito translations --mark FILE` records it, so later changes to its original show up here.\n");
    }
    print!("{out}");
    0
}

/// Hashes named in any content file's `translated_from` (drafts included), so pruning
/// snapshots never removes one that is still needed.
pub fn referenced_versions(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in walkdir::WalkDir::new(root.join("content")).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else { continue };
        for line in text.lines().take_while(|l| !l.trim().starts_with('[')).skip(1) {
            if line.trim() == "+++" {
                break;
            }
            if let Some((key, value)) = line.split_once('=') {
                if key.trim() == "translated_from" {
                    found.insert(value.trim().trim_matches(['"', '\'']).to_owned());
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_ignores_metadata_and_line_endings() {
        let a = "+++\ntitle = \"C40\"\nweight = 1\nupdated = 2024-01-01\n[extra]\nweight = \"x\"\n+++\nTesto.\n";
        let b = "+++\r\ntitle = \"C40\"\r\nweight = 2\r\n[extra]\r\nweight = \"x\"\r\n+++\r\nTesto.\r\n";
        assert_eq!(version(a), version(b));
        assert_eq!(version_text(a), "+++\ntitle = \"C40\"\n[extra]\nweight = \"x\"\n+++\nTesto.\n");
        assert_ne!(version(a), version(&a.replace("Testo", "Testo nuovo")));
        assert_ne!(version(a), version(&a.replace("weight = \"x\"", "weight = \"y\"")), "[extra] is translated");
        let multi = "+++\ntitle = \"x\"\naliases = [\n  \"/a/\",\n]\n+++\nb\n";
        assert_eq!(version_text(multi), "+++\ntitle = \"x\"\n+++\nb\n");
    }

    #[test]
    fn marks_are_inserted_after_the_opening_line_or_updated_in_place() {
        let text = "+++\ntitle = \"C40\"\n[extra]\na = 1\n+++\nBody\n";
        let marked = set_translated_from(text, "abc").unwrap_or_default();
        assert_eq!(marked, "+++\ntranslated_from = \"abc\"\ntitle = \"C40\"\n[extra]\na = 1\n+++\nBody\n");
        let again = set_translated_from(&marked, "def").unwrap_or_default();
        assert_eq!(again, marked.replace("abc", "def"));
        let crlf = "+++\r\ntitle = \"C40\"\r\ntranslated_from = \"old\"\r\n+++\r\nBody\r\n";
        assert_eq!(
            set_translated_from(crlf, "new").as_deref(),
            Some("+++\r\ntitle = \"C40\"\r\ntranslated_from = \"new\"\r\n+++\r\nBody\r\n")
        );
        let crlf_new = "+++\r\ntitle = \"C40\"\r\n+++\r\n";
        assert_eq!(
            set_translated_from(crlf_new, "h").as_deref(),
            Some("+++\r\ntranslated_from = \"h\"\r\ntitle = \"C40\"\r\n+++\r\n")
        );
        assert_eq!(set_translated_from("# no front matter\n", "h"), None);
        assert_eq!(set_translated_from("+++\ntitle = \"x\"\n", "h"), None, "unclosed");
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
