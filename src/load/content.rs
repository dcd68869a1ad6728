//! Content discovery and loading: walks `content/`, works out what each file is (section,
//! page, page bundle, asset) and in which language, and parses every Markdown file in
//! parallel. Nothing here knows about URLs; that is `resolve`'s job.

use crate::diag::{Diagnostic, Kind};
use crate::editor_files::is_editor_file;
use crate::load::cache::{self, Cache};
use crate::load::config::{self, Config};
use crate::load::front_matter::{self, FrontMatter};
use crate::load::shortcodes::{self, Node};
use crate::load::toml_input::{Located, Normalized};
use crate::msg;
use crate::stamp::Stamp;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Section,
    Page,
}

/// One Markdown file, loaded.
#[derive(Debug, Clone)]
pub struct Source {
    pub kind: EntryKind,
    /// Index into `Config::languages`.
    pub lang: usize,
    /// Path relative to `content/`, with `/` separators: `reti/c40.en.md`.
    pub rel: String,
    /// What translations share: `reti/c40` for pages and bundles, `reti` for the section
    /// `reti/_index.md`, `""` for the home.
    pub key: String,
    /// For a bundle (`reti/c40/index.md`), its folder relative to `content/`.
    pub bundle: Option<String>,
    pub fm: FrontMatter,
    /// The file's text up to the body, with where each front-matter key and value is
    /// written: diagnostics about them are placed from it, never by reading the file again.
    pub front: Located,
    /// How the file's bytes became its text, to tell whether the file on disk is still the
    /// one that was read (`sito translations --mark` edits it).
    pub read: Normalized,
    /// The text after the front matter (`body()`).
    body: Body,
    /// 1-based file line where the body starts.
    pub body_line: usize,
    /// The hash of the file's text (`hash::Key`), which the build record compares instead
    /// of the text itself.
    pub hash: u64,
    /// Words in the body, counted once here: listings show it for every page they list.
    pub word_count: usize,
    /// The shortcode calls (and escaped calls) in the body, in order.
    pub shortcodes: Vec<Node>,
    /// Whether a line of the body is Zola's summary marker `<!-- more -->`: such a page's
    /// Markdown is rendered before the listings (`page.summary`). Only the Markdown parser
    /// decides whether it is the marker (not in code, not inside a list).
    pub more: bool,
}

impl Source {
    /// The folder a page sits in, or for a section the folder above it.
    pub fn parent_key(&self) -> Option<&str> {
        if self.key.is_empty() {
            return None;
        }
        Some(self.key.rsplit_once('/').map_or("", |(dir, _)| dir))
    }

    /// The last piece of the key: the file or folder name the default slug comes from.
    pub fn name(&self) -> &str {
        self.key.rsplit_once('/').map_or(&self.key, |(_, name)| name)
    }

    /// `d` at a front-matter key (`aliases.1` for an item), or on the file's first line if
    /// the key is not written.
    pub fn at_key(&self, d: Diagnostic, key: &str) -> Diagnostic {
        if self.front.has(key) {
            self.front.at_key(d, key)
        } else {
            d.in_file(&self.front.path).line_only(1)
        }
    }

    /// `d` at a front-matter value (`extra.entries.0.path`), or on the file's first line.
    pub fn at_value(&self, d: Diagnostic, key: &str) -> Diagnostic {
        if self.front.has(key) {
            self.front.at_value(d, key)
        } else {
            d.in_file(&self.front.path).line_only(1)
        }
    }

    /// The file's bytes as they were read.
    pub fn bytes(&self) -> Vec<u8> {
        self.read.bytes(&format!("{}{}", self.front.text, self.body()))
    }

    /// The text after the front matter; empty if the file has changed since it was loaded
    /// (for messages: what renders the body asks `read_body`).
    pub fn body(&self) -> Arc<String> {
        self.read_body().unwrap_or_default()
    }

    /// The text after the front matter. A body not held (the load cache knew the file
    /// unchanged, or `release_body` let it go) is read now: if the file no longer hashes as
    /// it did, it changed since this build began, and the build must not mix its new body
    /// with its old front matter.
    pub fn read_body(&self) -> Result<Arc<String>, Diagnostic> {
        let mut held = self.body.text.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(text) = &*held {
            return Ok(Arc::clone(text));
        }
        let read = || {
            let (text, _) = crate::load::toml_input::read_file(&self.body.path, Path::new(&self.rel)).ok()?;
            let start = self.front.text.len();
            (text_hash(&text) == self.hash && text.is_char_boundary(start)).then(|| Arc::new(text[start..].to_owned()))
        };
        let text = read().ok_or_else(|| changed_while_reading(&self.rel))?;
        *held = Some(Arc::clone(&text));
        Ok(text)
    }

    /// Lets the body go (a build does once the page is rendered: the bodies were a third of
    /// its peak memory); asked for again, it is read again.
    pub fn release_body(&self) {
        *self.body.text.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }
}

/// A file's body: held since the load, or read when first asked for (from `path`).
#[derive(Debug)]
struct Body {
    text: std::sync::Mutex<Option<Arc<String>>>,
    path: PathBuf,
}

impl Body {
    fn read(text: String, path: &Path) -> Body {
        Body { text: Some(Arc::new(text)).into(), path: path.to_path_buf() }
    }

    fn later(path: &Path) -> Body {
        Body { text: None.into(), path: path.to_path_buf() }
    }
}

impl Clone for Body {
    fn clone(&self) -> Body {
        let text = self.text.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        Body { text: text.into(), path: self.path.clone() }
    }
}

fn text_hash(text: &str) -> u64 {
    crate::hash::Key::default().text(text).finish()
}

/// A non-Markdown file that belongs to a page bundle or a section folder, copied beside it.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The owning folder relative to `content/` (a bundle's or a section's key).
    pub owner: String,
    /// Path below the owning folder: `logo.png`, `docs/report.pdf`.
    pub rel: String,
    pub abs: PathBuf,
}

pub struct Content {
    pub sources: Vec<Source>,
    pub assets: Vec<Asset>,
    /// Files that could not be loaded, as (kind, key): links to them are not reported as
    /// broken, since the file's own error says what is wrong.
    pub failed: HashSet<(EntryKind, String)>,
    /// Drafts left out of this build (`draft = true` without `--drafts`): links to them are
    /// told they point at a draft, not at nothing.
    pub drafts: Vec<Source>,
}

/// What a Markdown file name says about the file.
#[derive(Debug, PartialEq, Eq)]
pub struct FileName {
    pub kind: EntryKind,
    pub key: String,
    pub lang: Option<String>,
    pub bundle: bool,
}

/// `reti/c40.en.md` → page `reti/c40` in `en`; `reti/_index.md` → section `reti`.
/// The language is `None` for the default language.
pub fn parse_file_name(rel: &str) -> Option<FileName> {
    let stem = rel.strip_suffix(".md")?;
    let (dir, file) = stem.rsplit_once('/').map_or(("", stem), |(d, f)| (d, f));
    let (base, lang) = match file.rsplit_once('.') {
        Some((base, suffix)) if config::is_language_code(suffix) => (base, Some(suffix.to_owned())),
        _ => (file, None),
    };
    let join = |name: &str| if dir.is_empty() { name.to_owned() } else { format!("{dir}/{name}") };
    Some(match base {
        "_index" => FileName { kind: EntryKind::Section, key: dir.to_owned(), lang, bundle: false },
        "index" if !dir.is_empty() => FileName { kind: EntryKind::Page, key: dir.to_owned(), lang, bundle: true },
        _ => FileName { kind: EntryKind::Page, key: join(base), lang, bundle: false },
    })
}

/// Loads every file it can; the diagnostics say what went wrong with the others.
pub fn load(root: &Path, config: &Config, drafts: bool) -> (Content, Vec<Diagnostic>) {
    load_with(root, config, drafts, None)
}

/// `load`, taking what the load cache at `root` knows of files that did not change, and
/// keeping this build's files in it for the next (`load::cache`).
pub fn load_cached(root: &Path, config: &Config, drafts: bool) -> (Content, Vec<Diagnostic>) {
    let bytes = cache::read(root);
    load_with(root, config, drafts, Some(&cache::Cache::parse(&bytes)))
}

fn load_with(root: &Path, config: &Config, drafts: bool, cache: Option<&Cache>) -> (Content, Vec<Diagnostic>) {
    let content_dir = root.join("content");
    if !content_dir.is_dir() {
        let d = Diagnostic::error(Kind::NoContentFolder, msg!(NoContentFolder))
            .in_file("content")
            .hint(msg!(NoContentFolderHint));
        let none = Content { sources: Vec::new(), assets: Vec::new(), failed: HashSet::new(), drafts: Vec::new() };
        return (none, vec![d]);
    }
    let (markdown, others, mut diags) = walk(root, &content_dir);
    // Each file looked up from the opened folder: the kernel does not walk the site's full
    // path ten thousand times (as the output's stamps, `stamp::Under`).
    let under = crate::stamp::Under::open(&content_dir).ok();
    // The path as the system names it (`rel` has each `\` made `/`).
    let stamp_of = |abs: &Path| match (&under, abs.strip_prefix(&content_dir).ok().and_then(Path::to_str)) {
        (Some(under), Some(rel)) => under.stamp(rel, false),
        _ => Stamp::of(abs),
    };
    let loaded: Vec<(Loaded, Option<Stamp>, bool)> = markdown
        .par_iter()
        .map(|(rel, abs)| {
            let before = stamp_of(abs);
            let known = before.and_then(|b| cache.and_then(|c| c.get(rel, &b)));
            match known {
                Some(stored) => (from_cache(rel, abs, config, stored), before, true),
                None => {
                    let source = load_one(rel, abs, config);
                    // Parsed: a build reads the body again when it renders the page (checked
                    // against the hash), so ten thousand bodies are not all held at once.
                    if let (Ok(s), Some(_)) = (&source, cache) {
                        s.release_body();
                    }
                    (source, before, false)
                }
            }
        })
        .collect();
    let mut sources = Vec::with_capacity(loaded.len());
    let mut failed = HashSet::new();
    let mut left_out = Vec::new();
    let mut stamps = std::collections::HashMap::with_capacity(loaded.len());
    for ((r, before, known), (rel, abs)) in loaded.into_iter().zip(&markdown) {
        // Checked once every file is read, so a save during any of the reads shows. A file
        // the cache knew was not read: its body is checked when it is (`read_body`).
        let r = if known || stamp_of(abs) == before { r } else { Err(vec![changed_while_reading(rel)]) };
        if let (Ok(_), Some(stamp), Some(_)) = (&r, before, cache) {
            stamps.insert(rel.as_str(), stamp);
        }
        match r {
            Ok(s) if s.fm.draft && !drafts => left_out.push(s),
            Ok(s) => sources.push(s),
            Err(d) => {
                diags.extend(d);
                if let Some(name) = parse_file_name(rel) {
                    failed.insert((name.kind, name.key));
                }
            }
        }
    }
    let bundles: HashSet<String> =
        markdown.iter().filter_map(|(rel, _)| parse_file_name(rel).filter(|f| f.bundle).map(|f| f.key)).collect();
    let mut assets = Vec::new();
    for (rel, abs) in others {
        let owner = owner_of(&rel, &bundles);
        let inner = rel.strip_prefix(&owner).unwrap_or(&rel).trim_start_matches('/').to_owned();
        assets.push(Asset { owner, rel: inner, abs });
    }
    for s in sources.iter().filter(|s| s.bundle.is_none()) {
        if let Some(parent) = s.parent_key() {
            if let Some(bundle) = enclosing(parent, &bundles) {
                diags.push(
                    Diagnostic::error(Kind::PageInBundle, crate::msg!(PageInBundle))
                        .in_file(Path::new("content").join(&s.rel))
                        .hint(crate::msg!(PageInBundleHint, bundle = bundle)),
                );
            }
        }
    }
    if let Some(old) = cache {
        let loaded = sources
            .iter()
            .chain(&left_out)
            .filter_map(|s| Some(cache::Loaded { rel: &s.rel, stamp: *stamps.get(s.rel.as_str())?, source: s }));
        cache::write(root, old, &loaded.collect::<Vec<_>>());
    }
    (Content { sources, assets, failed, drafts: left_out }, diags)
}

type Loaded = Result<Source, Vec<Diagnostic>>;

fn changed_while_reading(rel: &str) -> Diagnostic {
    Diagnostic::error(Kind::ChangedWhileReading, msg!(ChangedWhileReading))
        .in_file(Path::new("content").join(rel))
        .hint(msg!(ChangedWhileReadingHint))
}

/// The bundle folder a file belongs to, or else the folder it sits in.
fn owner_of(rel: &str, bundles: &HashSet<String>) -> String {
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    enclosing(dir, bundles).unwrap_or(dir).to_owned()
}

/// The bundle folder that is `dir` or holds it, if any.
fn enclosing<'a>(mut dir: &'a str, bundles: &HashSet<String>) -> Option<&'a str> {
    loop {
        if bundles.contains(dir) {
            return Some(dir);
        }
        dir = dir.rsplit_once('/')?.0;
    }
}

type Files = Vec<(String, PathBuf)>;

/// Lists Markdown files and other files under `content/`, in a fixed order, refusing
/// symbolic links that leave the site and reporting loops.
fn walk(root: &Path, content_dir: &Path) -> (Files, Files, Vec<Diagnostic>) {
    let mut markdown = Vec::new();
    let mut others = Vec::new();
    let mut diags = Vec::new();
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut it = walkdir::WalkDir::new(content_dir).follow_links(true).sort_by_file_name().into_iter();
    while let Some(entry) = it.next() {
        let entry = match entry {
            Ok(e) => e,
            // An editor's lock link (emacs `.#name`) points to nothing by design.
            Err(e) if e.path().and_then(|p| p.file_name()).is_some_and(|n| is_editor_file(&n.to_string_lossy())) => {
                continue
            }
            Err(e) => {
                diags.push(walk_error(root, &e));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.depth() > 0 && (name.starts_with('.') || is_editor_file(&name)) {
            if entry.file_type().is_dir() {
                it.skip_current_dir();
            }
            continue;
        }
        if entry.path_is_symlink() {
            let target = path.canonicalize();
            if !target.as_ref().is_ok_and(|t| t.starts_with(&site_root)) {
                diags.push(
                    Diagnostic::error(Kind::Symlink, msg!(SymlinkOutside))
                        .in_file(crate::diag::display_path(root, path))
                        .hint(msg!(SymlinkOutsideHint)),
                );
                if entry.file_type().is_dir() {
                    it.skip_current_dir();
                }
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(rel) = path.strip_prefix(content_dir) else { continue };
        let Some(rel) = rel.to_str().map(|r| r.replace('\\', "/")) else {
            diags.push(
                Diagnostic::error(Kind::BadFileName, msg!(FileNameNotText))
                    .in_file(crate::diag::display_path(root, path))
                    .hint(msg!(FileNameNotTextHint)),
            );
            continue;
        };
        let ext = rel.rsplit_once('.').map_or("", |(_, e)| e);
        if ext != "md" && ext.eq_ignore_ascii_case("md") {
            // `pagina.MD` would be published as it is, front matter and all.
            let name = format!("{}.md", &rel[..rel.len() - 3]);
            let name = name.rsplit('/').next().unwrap_or(&name).to_owned();
            diags.push(
                Diagnostic::error(Kind::BadFileName, msg!(MarkdownExtensionCase, ext = ext))
                    .in_file(crate::diag::display_path(root, path))
                    .hint(msg!(MarkdownExtensionCaseHint, name = name)),
            );
        } else if rel.ends_with(".md") {
            markdown.push((rel, path.to_path_buf()));
        } else {
            others.push((rel, path.to_path_buf()));
        }
    }
    (markdown, others, diags)
}

/// Why an entry under content/ could not be read: a symbolic-link loop, a link to nothing,
/// or the system's reason.
fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let shown = e.path().map(|p| crate::diag::display_path(root, p)).unwrap_or_default();
    let dangling = e
        .path()
        .and_then(|p| std::fs::read_link(p).ok())
        .filter(|_| e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound));
    // A link to a link that leads back to it: the system gives up following it.
    let file_loop = e.io_error().and_then(std::io::Error::raw_os_error).is_some_and(too_many_links);
    let d = if file_loop {
        Diagnostic::error(Kind::Symlink, msg!(SymlinkFileLoop)).hint(msg!(SymlinkFileLoopHint))
    } else if let Some(ancestor) = e.loop_ancestor() {
        let ancestor = crate::diag::display_path(root, ancestor);
        Diagnostic::error(Kind::Symlink, msg!(SymlinkLoop, ancestor = ancestor.display().to_string()))
            .hint(msg!(SymlinkLoopHint))
    } else if let Some(target) = dangling {
        Diagnostic::error(Kind::Symlink, msg!(SymlinkDangling, target = target.display().to_string()))
            .hint(msg!(SymlinkDanglingHint))
    } else {
        Diagnostic::error(Kind::Io, msg!(CannotReadEntry, error = e.to_string())).hint(msg!(CannotReadEntryHint))
    };
    d.in_file(shown)
}

/// Whether an error number is the system's "too many levels of symbolic links".
#[cfg(unix)]
fn too_many_links(code: i32) -> bool {
    code == rustix::io::Errno::LOOP.raw_os_error()
}

#[cfg(not(unix))]
fn too_many_links(_: i32) -> bool {
    false
}

/// The language a file name's suffix names (`name.en.md`); no suffix is the default one,
/// which must not be spelled out.
fn language_of(code: Option<&str>, config: &Config, shown: &Path) -> Result<usize, Vec<Diagnostic>> {
    let Some(code) = code else { return Ok(0) };
    match config.language_index(code) {
        Some(i) if i > 0 => Ok(i),
        Some(_) => {
            Err(vec![Diagnostic::error(Kind::DefaultLanguageSuffix, crate::msg!(DefaultLanguageSuffix, code = code))
                .in_file(shown)
                .hint(crate::msg!(DefaultLanguageSuffixHint, code = code))])
        }
        None => {
            let known: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            Err(vec![Diagnostic::error(Kind::UnknownLanguage, crate::msg!(UnknownLanguageFile, code = code))
                .in_file(shown)
                .hint(crate::msg!(UnknownLanguageFileHint, languages = known.join(", "), code = code))])
        }
    }
}

/// Zola's dated names: a page's file or folder named `2024-06-01-title` (or `_title`) is
/// dated 2024-06-01 unless its front matter says otherwise, and is published as `title`.
/// The date and the rest of the name; `None` when the name does not start with a date.
pub fn dated_name(name: &str) -> Option<(&str, &str)> {
    let date = name.get(..10)?;
    let rest = name.get(10..)?.strip_prefix(['-', '_']).filter(|r| !r.is_empty())?;
    let shape = date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let valid = shape && date.parse::<toml::value::Datetime>().is_ok_and(|d| d.date.is_some() && d.time.is_none());
    valid.then_some((date, rest))
}

/// Loads one Markdown file (`rel` relative to `content/`).
pub fn load_one(rel: &str, abs: &Path, config: &Config) -> Result<Source, Vec<Diagnostic>> {
    let shown = Path::new("content").join(rel);
    let Some(name) = parse_file_name(rel) else {
        return Err(vec![Diagnostic::error(Kind::BadFileName, msg!(NotMarkdown)).in_file(&shown)]);
    };
    let lang = language_of(name.lang.as_deref(), config, &shown)?;
    let (text, read) = crate::load::toml_input::read_file(abs, &shown).map_err(|d| vec![d])?;
    let parsed = front_matter::parse_file(&text, &shown)?;
    let hash = text_hash(&text);
    let body = text[parsed.body_start..].to_owned();
    let word_count = word_count(&body);
    let more = has_more_line(&body);
    let (nodes, errors) = shortcodes::parse(&body);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| {
                let kind = if e.unclosed { Kind::UnclosedShortcode } else { Kind::ShortcodeSyntax };
                let len = body.get(e.span.clone()).map_or(1, |s| s.chars().count());
                Diagnostic::error(kind, e.message)
                    .in_file(&shown)
                    .at_offset(&body, parsed.body_line, e.span.start, len)
                    .hint(e.hint)
            })
            .collect());
    }
    let mut fm = parsed.fm;
    if name.kind == EntryKind::Page && fm.date.is_none() {
        let own = name.key.rsplit('/').next().unwrap_or(&name.key);
        fm.date = dated_name(own).map(|(date, _)| front_matter::Date(date.to_owned()));
    }
    Ok(Source {
        shortcodes: nodes,
        word_count,
        more,
        kind: name.kind,
        lang,
        rel: rel.to_owned(),
        bundle: name.bundle.then(|| name.key.clone()),
        key: name.key,
        fm,
        front: parsed.front,
        read,
        body: Body::read(body, abs),
        body_line: parsed.body_line,
        hash,
    })
}

/// A file as the load cache knew it: its body is read if it is asked for.
fn from_cache(rel: &str, abs: &Path, config: &Config, stored: cache::Stored) -> Result<Source, Vec<Diagnostic>> {
    let shown = Path::new("content").join(rel);
    let Some(name) = parse_file_name(rel) else {
        return Err(vec![Diagnostic::error(Kind::BadFileName, msg!(NotMarkdown)).in_file(&shown)]);
    };
    let lang = language_of(name.lang.as_deref(), config, &shown)?;
    let cache::Stored { fm, front, read, body_line, hash, word_count, shortcodes, more } = stored;
    Ok(Source {
        kind: name.kind,
        lang,
        rel: rel.to_owned(),
        bundle: name.bundle.then(|| name.key.clone()),
        key: name.key,
        fm,
        front,
        read,
        body: Body::later(abs),
        body_line,
        hash,
        word_count,
        shortcodes,
        more,
    })
}

/// Whether a line of `body` reads `<!-- more -->` (any spaces inside, up to three before,
/// as Markdown allows before an HTML block).
fn has_more_line(body: &str) -> bool {
    // Most bodies have no comment at all: one fast search spares them a walk line by line.
    body.contains("<!--")
        && body.lines().any(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            indent <= 3 && crate::load::is_more_marker(line)
        })
}

/// The words in `text`, as `text.split_whitespace().count()` counts them. That was more
/// than half of loading (issue 17's profile), and a byte-at-a-time loop was no faster: runs
/// of eight ASCII bytes are classified at once in a `u64` (SWAR), and only the rare
/// non-ASCII character is decoded.
pub fn word_count(text: &str) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let (mut words, mut after_space, mut i) = (0usize, true, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if x & HIGH == 0 {
                // Per byte, 0x80 where it is a space: 0x20, or 9 to 13 (`char::is_whitespace`
                // for ASCII). No byte carries into the next, as each is below 0x80.
                let t = x ^ (0x20 * LOW);
                let is_20 = !(((t & !HIGH) + !HIGH) | t | !HIGH);
                let in_range = (x + 0x77 * LOW) & !(x + 0x72 * LOW) & HIGH;
                let space = is_20 | in_range;
                let before = (space << 8) | if after_space { 0x80 } else { 0 };
                words += (!space & HIGH & before).count_ones() as usize;
                after_space = space >> 63 == 1;
                i += 8;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        let space = c.is_whitespace();
        words += usize::from(!space && after_space);
        after_space = space;
    }
    words
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_starting_with_a_date_is_split_as_zola_does() {
        assert_eq!(super::dated_name("2024-06-01-incontro"), Some(("2024-06-01", "incontro")));
        assert_eq!(super::dated_name("2024-06-01_incontro-a-roma"), Some(("2024-06-01", "incontro-a-roma")));
        for plain in
            ["2024-06-01", "2024-06-01-", "2024-13-01-x", "2024-06-32-x", "20240601-x", "2024-06-01x", "c40", "è"]
        {
            assert_eq!(super::dated_name(plain), None, "{plain}");
        }
    }

    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            text in proptest::collection::vec(
                prop_oneof![
                    Just(' '), Just('\n'), Just('\t'), Just('\u{b}'), Just('\u{c}'), Just('\r'), Just('\u{1f}'),
                    Just('\u{85}'), Just('\u{a0}'), Just('\u{2009}'), Just('\u{3000}'), Just('\u{200b}'),
                    Just('a'), Just('è'), Just('€'), Just('🙂'), any::<char>(),
                ],
                0..200,
            )
        ) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        /// Mostly ASCII, as pages are: long runs take the eight-byte path, with now and
        /// then a character that does not.
        #[test]
        fn words_in_mostly_ascii_text_are_counted_as_split_whitespace_counts_them(
            text in proptest::collection::vec(
                prop_oneof![
                    8 => Just('a'), 3 => Just(' '), 1 => Just('\n'), 1 => Just('\u{b}'), 1 => Just('\r'),
                    1 => Just('\u{8}'), 1 => Just('\u{e}'), 1 => Just('\u{1f}'), 1 => Just('!'), 1 => Just('\u{7f}'),
                    1 => Just('\u{a0}'), 1 => Just('è'),
                ],
                0..400,
            )
        ) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }
    }

    #[test]
    fn file_names() {
        let f = |rel| parse_file_name(rel).map(|f| (f.kind, f.key, f.lang, f.bundle));
        assert_eq!(f("_index.md"), Some((EntryKind::Section, "".into(), None, false)));
        assert_eq!(f("reti/_index.en.md"), Some((EntryKind::Section, "reti".into(), Some("en".into()), false)));
        assert_eq!(f("reti/c40.en.md"), Some((EntryKind::Page, "reti/c40".into(), Some("en".into()), false)));
        assert_eq!(f("reti/c40/index.md"), Some((EntryKind::Page, "reti/c40".into(), None, true)));
        assert_eq!(f("a.v2.md"), Some((EntryKind::Page, "a.v2".into(), None, false)));
        assert_eq!(f("a.png"), None);
    }
}
