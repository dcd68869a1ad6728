//! Local links, checked by every build before anything is applied: each `@/` link must name
//! a content file that is published, and each plain link or image to a local path
//! (`/reti/c40/`, `../img.png`, `#anchor`, also written as raw HTML `<a href>` and
//! `<img src>`, or as a local path in a front-matter `[extra]` value) must point at a file
//! the build produced, anchors at ids that exist on the target page. The files and their
//! ids are recorded as they pass to the sink (`output::Recording`). Broken ones are errors
//! at their line with the nearest existing target as a suggestion; links into the other
//! language's version of a page are warnings.

use super::removed;
use super::template_links::MadeBy;
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::load::content::EntryKind;
use crate::msg;
use crate::output::{Manifest, Outputs};
use crate::render::markdown::Link;
use crate::render::Scan;
use crate::resolve::{close_path, Draft, Entry, Site};
pub use crate::url_path::{classify, join, Dest};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What the build produced, indexed for link checks.
pub struct Built<'a> {
    outputs: &'a Outputs,
    /// `outputs` by path, with the ids of the HTML ones: every link of every page is looked
    /// up here, and the ordered map's comparisons were a twentieth of a one-page rebuild.
    files: HashMap<&'a str, Option<&'a [String]>>,
    /// Output file → the entry rendered into it.
    entry_of: HashMap<String, usize>,
    /// Every output file as a site path (`/reti/c40/`), for suggestions: made the first time
    /// a link is broken, not on every build.
    paths: std::sync::OnceLock<Vec<String>>,
    /// Per entry, its heading ids (the likely anchors, for suggestions).
    headings: Vec<&'a [String]>,
    /// What the last build into the same folder published, to tell a removed page.
    previous: Option<&'a Manifest>,
}

impl<'a> Built<'a> {
    pub fn new(site: &Site, outputs: &'a Outputs, scans: &'a [Scan], previous: Option<&'a Manifest>) -> Built<'a> {
        let entry_of = site.entries.iter().enumerate().map(|(i, e)| (e.output_file(), i)).collect();
        let headings = scans.iter().map(|s| s.ids.as_slice()).collect();
        let files = outputs.files.iter().map(|(rel, ids)| (rel.as_str(), ids.as_deref())).collect();
        Built { outputs, files, entry_of, paths: std::sync::OnceLock::new(), headings, previous }
    }

    /// The entry rendered into the output file `file`.
    pub(super) fn entry_of(&self, file: &str) -> Option<usize> {
        self.entry_of.get(file).copied()
    }

    fn paths(&self) -> impl Iterator<Item = &str> {
        let paths = self.paths.get_or_init(|| self.outputs.files.keys().map(|f| site_path(f)).collect());
        paths.iter().map(String::as_str)
    }

    /// The output file a site path names: `/x/` is `x/index.html`; `/x` a file, else
    /// `x/index.html` (servers redirect it).
    pub(super) fn find(&self, path: &str) -> Option<String> {
        let p = path.trim_start_matches('/');
        if p.is_empty() || p.ends_with('/') {
            let f = format!("{p}index.html");
            return self.files.contains_key(f.as_str()).then_some(f);
        }
        if self.files.contains_key(p) {
            return Some(p.to_owned());
        }
        let f = format!("{p}/index.html");
        self.files.contains_key(f.as_str()).then_some(f)
    }

    /// The existing path closest to `path`: a likely typo, else the deepest published
    /// folder above it.
    fn nearest(&self, path: &str) -> Option<String> {
        if let Some(s) = close_path(path, self.paths()) {
            return Some(s.to_owned());
        }
        let mut at = path.trim_end_matches('/');
        while let Some((up, _)) = at.rsplit_once('/') {
            let candidate = format!("{up}/");
            if self.find(&candidate).is_some() {
                return Some(candidate);
            }
            at = up;
        }
        None
    }

    /// The ids of an HTML output file; `None` for other files (not checked).
    fn ids(&self, file: &str) -> Option<&[String]> {
        self.files.get(file).copied().flatten()
    }

    /// Does the output file have this id? Files that are not HTML are not checked.
    fn has_anchor(&self, file: &str, anchor: &str) -> bool {
        anchor.is_empty()
            || anchor == "top"
            || self.ids(file).is_none_or(|ids| ids.binary_search_by(|id| id.as_str().cmp(anchor)).is_ok())
    }

    /// Ids to suggest for a missing anchor in `file`.
    fn suggest_anchor(&self, file: &str, anchor: &str) -> Option<String> {
        let headings = self.entry_of.get(file).map(|&i| self.headings[i]);
        let from_headings = headings.and_then(|h| did_you_mean(anchor, h.iter().map(String::as_str)));
        let any = || self.ids(file).and_then(|ids| did_you_mean(anchor, ids.iter().map(String::as_str)));
        from_headings.or_else(any).map(str::to_owned)
    }

    fn heading_list(&self, file: &str) -> String {
        match self.entry_of.get(file).map(|&i| self.headings[i]) {
            Some(h) if !h.is_empty() => msg!(HeadingIds, ids = h.join(", ")),
            _ => msg!(NoHeadings),
        }
    }
}

/// What a build's link checks leave for the next build. A page kept from the last build
/// (the same file, and the same site skeleton: `record::keys`) whose links drew no
/// message then draws none now if every file a link can point at is the same, with the
/// same ids: such pages are not checked again (a tenth of a one-page rebuild on 10,000
/// pages). Any other output changed, added or removed checks every page (the search index
/// aside: `in_index`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Seen {
    /// `outputs_key` of that build's outputs.
    outputs: u64,
    /// `paths_key` of that build's outputs: while it is the same, the files a build keeps
    /// need not be read for the links templates wrote (`template_links`).
    paths: u64,
    /// The pages whose links drew a message, by content file, sorted.
    warned: Vec<String>,
}

impl Seen {
    fn warned(&self, rel: &str) -> bool {
        self.warned.binary_search_by(|w| w.as_str().cmp(rel)).is_ok()
    }
}

/// Whether `rel` is a file of the search index. Its fragments are named after the text they
/// index, so a body edit renames some: they are left out of `outputs_key`, and a page whose
/// links could name one is always checked (`may_name_index`).
fn in_index(rel: &str) -> bool {
    rel.strip_prefix(crate::publish::search::DIR).is_some_and(|rest| rest.starts_with('/'))
}

/// Whether a link of `scan`, on the page at `path`, could name a file of the search index:
/// one that spells its folder's name, one percent-encoded (checked decoded), or any link of
/// a page inside that folder (a relative link need not spell it there).
fn may_name_index(path: &str, scan: &Scan) -> bool {
    in_index(path.trim_start_matches('/'))
        || scan.links.iter().any(|l| l.dest.contains(crate::publish::search::DIR) || l.dest.contains('%'))
}

/// The hash of every output file's path, with the ids of the HTML ones (the search index
/// left out).
fn outputs_key(outputs: &Outputs) -> u64 {
    let mut h = crate::hash::Key::default();
    for (rel, ids) in outputs.files.iter().filter(|(rel, _)| !in_index(rel)) {
        h.text(rel);
        let Some(ids) = ids else {
            h.number(u64::MAX);
            continue;
        };
        // In any order: the sum of each id's hash.
        let sum = ids.iter().fold(0u64, |sum, id| sum.wrapping_add(crate::hash::key(id.as_bytes())));
        h.number(ids.len() as u64).number(sum);
    }
    h.finish()
}

/// The hash of every output file's path (the search index left out).
fn paths_key(outputs: &Outputs) -> u64 {
    let mut h = crate::hash::Key::default();
    for rel in outputs.files.keys().filter(|rel| !in_index(rel)) {
        h.text(rel);
    }
    h.finish()
}

/// The pages whose links the last build's checks found sound and that this build kept
/// (`kept`, per entry): what `check` may skip.
pub struct Known<'a> {
    pub seen: &'a Seen,
    pub kept: &'a [bool],
}

/// Every link check of the build: the links of every entry (Markdown, raw HTML, front
/// matter) and the menus. Errors and warnings, unsorted. With what the last build's checks
/// left (`known`), the kept pages they may skip are not looked at. Returns what this
/// build's checks leave.
pub fn verify(
    site: &Site,
    scans: &[Scan],
    outputs: &Outputs,
    previous: Option<&Manifest>,
    known: Option<Known>,
    made_by: &MadeBy,
) -> (Vec<Diagnostic>, Seen) {
    let built = Built::new(site, outputs, scans, previous);
    let produced = outputs;
    let paths = paths_key(outputs);
    let outputs = outputs_key(outputs);
    let sound = |id: usize| {
        known.as_ref().is_some_and(|k| {
            k.seen.outputs == outputs
                && k.kept.get(id) == Some(&true)
                && !k.seen.warned(&site.entries[id].src.rel)
                && !may_name_index(&site.entries[id].path, &scans[id])
        })
    };
    let per_entry = check(site, scans, &built, &sound);
    let warned = per_entry.iter().zip(&site.entries).filter(|(d, _)| !d.is_empty());
    let mut warned: Vec<String> = warned.map(|(_, e)| e.src.rel.clone()).collect();
    warned.sort_unstable();
    let mut diags: Vec<Diagnostic> = per_entry.into_iter().flatten().collect();
    diags.extend(front_matter(site, &built));
    diags.extend(check_menus(site, &built));
    diags.extend(menu_languages(site));
    diags.extend(unlisted(site));
    diags.extend(spaced(site, scans));
    // What is left broken in the written files comes from templates: checked once the
    // content files' links, reported at their line, are sound.
    if !diags.iter().any(Diagnostic::is_error) {
        let reread = known.as_ref().is_none_or(|k| k.seen.paths != paths);
        diags.extend(super::template_links::check(site, &built, produced, reread, made_by));
    }
    (diags, Seen { outputs, paths, warned })
}

/// Text that was meant as a link or image but has a space in its address.
fn spaced(site: &Site, scans: &[Scan]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (e, scan) in site.entries.iter().zip(scans) {
        for r in &scan.spaced {
            let body = e.src.body();
            let written = body.get(r.clone()).unwrap_or_default();
            let fixed = written.find("](").map(|i| {
                let dest = &written[i + 2..written.len() - 1];
                format!("{}](<{}>)", &written[..i], dest.trim())
            });
            let d = Diagnostic::warning(Kind::SpaceInLink, msg!(SpaceInLink));
            let hint = match fixed {
                Some(f) => msg!(SpaceInLinkHint, fixed = f),
                None => msg!(SpaceInLinkHintPlain),
            };
            diags.push(at_body(d, e, r.start, r.len()).hint(hint));
        }
    }
    diags
}

/// Pages in a folder without `_index.md`: published, but no section lists them.
fn unlisted(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for e in site.entries.iter().filter(|e| e.kind() == EntryKind::Page) {
        let Some(dir) = e.src.parent_key().filter(|d| !d.is_empty()) else { continue };
        let listed = (0..site.config.languages.len()).any(|l| site.get(EntryKind::Section, dir, l).is_some());
        if listed {
            continue;
        }
        let d = Diagnostic::warning(Kind::UnlistedPage, msg!(UnlistedPage, path = e.path.as_str(), dir = dir))
            .in_file(shown(e));
        diags.push(d.hint(msg!(UnlistedPageHint, dir = dir)));
    }
    diags
}

/// Menu entries of a language that lead to a page in another language: the page has no
/// version in the menu's language (an `@/` link then falls back to the default language).
fn menu_languages(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let langs = &site.config.languages;
    for (lang, l) in langs.iter().enumerate() {
        for (i, m) in l.menu.iter().enumerate().filter(|(_, m)| m.path.starts_with("@/")) {
            let Ok((target, _)) = site.resolve_internal(&m.path, lang) else { continue };
            let t = &site.entries[target];
            if t.lang() == lang {
                continue;
            }
            let file = m.path.trim_start_matches("@/").split('#').next().unwrap_or("");
            let (name, lang, other) = (m.name.as_str(), l.code.as_str(), langs[t.lang()].code.as_str());
            let d = Diagnostic::warning(
                Kind::WrongLanguage,
                msg!(MenuOtherLanguage, name = name, lang = lang, other = other, file = file),
            );
            let d = site.config.file.at_string(d, &format!("languages.{}.menu.{i}.path", l.code));
            let translated = format!("{}.{}.md", file.trim_end_matches(".md"), l.code);
            diags.push(d.hint(msg!(MenuOtherLanguageHint, translated = translated, lang = lang)));
        }
    }
    diags
}

/// `content/reti/c40.md`: how diagnostics name an entry's file.
pub fn shown(e: &Entry) -> PathBuf {
    Path::new("content").join(&e.src.rel)
}

/// A diagnostic placed at `len` bytes from `offset` in the entry's body, underlining at most
/// the rest of that line.
pub fn at_body(d: Diagnostic, e: &Entry, offset: usize, len: usize) -> Diagnostic {
    let body = e.src.body();
    let line_end = body[offset.min(body.len())..].find('\n').map_or(body.len(), |i| offset + i);
    let len = body.get(offset..line_end.min(offset + len)).map_or(1, |s| s.chars().count().max(1));
    d.in_file(shown(e)).at_offset(&body, e.src.body_line, offset, len)
}

/// Output files as the site paths a link would name: `reti/c40/index.html` → `/reti/c40/`,
/// `css/site.css` → `/css/site.css`.
pub fn site_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{file}"),
    }
}

/// Each entry's broken links, except the entries `skip` names.
fn check(site: &Site, scans: &[Scan], built: &Built, skip: &(dyn Fn(usize) -> bool + Sync)) -> Vec<Vec<Diagnostic>> {
    let links = |id: usize| if skip(id) { &[][..] } else { scans[id].links.as_slice() };
    site.entries
        .par_iter()
        .enumerate()
        .map(|(id, e)| links(id).iter().filter_map(|l| check_link(site, built, id, e, l)).collect())
        .collect()
}

/// Where in the body to point: at the destination inside the link if it is written there.
fn place(d: Diagnostic, e: &Entry, link: &Link) -> Diagnostic {
    let body = e.src.body();
    let text = body.get(link.range.clone()).unwrap_or("");
    match text.find(link.dest.as_str()).filter(|_| !link.dest.is_empty()) {
        Some(i) => at_body(d, e, link.range.start + i, link.dest.len()),
        None => at_body(d, e, link.range.start, link.range.len()),
    }
}

fn check_link(site: &Site, built: &Built, id: usize, e: &Entry, link: &Link) -> Option<Diagnostic> {
    let what = what(link);
    match classify(&link.dest) {
        Dest::External | Dest::Other => None,
        Dest::Internal(dest) => {
            let (target, anchor) = match site.resolve_internal(dest, e.lang()) {
                Ok(found) => found,
                Err(message) => return Some(broken_internal(site, e, link, &message, built.previous)),
            };
            let anchor = anchor?;
            let file = site.entries[target].output_file();
            if built.has_anchor(&file, anchor) {
                return None;
            }
            let target_file = site.entries[target].src.rel.as_str();
            let d =
                Diagnostic::error(Kind::BrokenAnchor, msg!(BrokenAnchorInFile, file = target_file, anchor = anchor));
            let file_part = dest.split('#').next().unwrap_or(dest);
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => msg!(DidYouMean, suggestion = format!("{file_part}#{s}")),
                None => built.heading_list(&file),
            };
            Some(place(d, e, link).hint(hint))
        }
        Dest::Local { path: "", anchor: None } => Some(
            place(Diagnostic::error(Kind::BrokenLink, msg!(NoDestination, what = what)), e, link)
                .hint(msg!(NoDestinationHint)),
        ),
        Dest::Local { path: "", anchor: Some(anchor) } => {
            let file = e.output_file();
            if built.has_anchor(&file, anchor) || built.headings[id].iter().any(|h| h == anchor) {
                return None;
            }
            let d = Diagnostic::error(Kind::BrokenAnchor, msg!(BrokenAnchorHere, anchor = anchor));
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => msg!(DidYouMean, suggestion = format!("#{s}")),
                None => built.heading_list(&file),
            };
            Some(place(d, e, link).hint(hint))
        }
        Dest::Local { path, anchor } => check_local(site, built, e, link, path, anchor),
    }
}

fn check_local(
    site: &Site,
    built: &Built,
    e: &Entry,
    link: &Link,
    path: &str,
    anchor: Option<&str>,
) -> Option<Diagnostic> {
    let what = what(link);
    let Some(target) = join(&e.path, path) else {
        let d = Diagnostic::error(Kind::BrokenLink, msg!(ClimbsAboveRoot, what = what, path = path));
        return Some(place(d, e, link).hint(msg!(ClimbsAboveRootHint, page = e.path.as_str())));
    };
    let Some(file) = built.find(&target) else {
        if let Some(draft) = site.draft_at(&target) {
            let message = msg!(LinkToDraft, what = what, target = target.as_str(), file = draft.rel.as_str());
            let d = Diagnostic::error(Kind::BrokenLink, message);
            return Some(place(d, e, link).hint(draft_hint(draft)));
        }
        let message = if path.starts_with('/') {
            msg!(BrokenNothingPublished, what = what, target = target.as_str())
        } else {
            msg!(BrokenNothingPublishedFrom, what = what, target = target.as_str(), path = path, page = e.path.as_str())
        };
        let d = Diagnostic::error(Kind::BrokenLink, message);
        return Some(place(d, e, link).hint(broken_hint(site, built, e, path, &target)));
    };
    if let Some(anchor) = anchor {
        if !built.has_anchor(&file, anchor) {
            let d =
                Diagnostic::error(Kind::BrokenAnchor, msg!(BrokenAnchorAt, target = target.as_str(), anchor = anchor));
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => msg!(DidYouMean, suggestion = format!("{path}#{s}")),
                None => built.heading_list(&file),
            };
            return Some(place(d, e, link).hint(hint));
        }
    }
    let &t = built.entry_of.get(&file)?;
    let target_entry = &site.entries[t];
    if target_entry.lang() == e.lang() {
        return None;
    }
    let own = target_entry.translations.iter().find(|&&x| site.entries[x].lang() == e.lang())?;
    let langs = &site.config.languages;
    let (lang, other) = (langs[e.lang()].code.as_str(), langs[target_entry.lang()].code.as_str());
    let file = original_rel(site, target_entry);
    let d = Diagnostic::warning(Kind::WrongLanguage, msg!(OtherLanguageLink, lang = lang, other = other, file = file));
    let hint = msg!(OtherLanguageLinkHint, own = site.entries[*own].path.as_str(), file = file);
    Some(place(d, e, link).hint(hint))
}

/// `link` or `image`, the word the messages choose their wording by.
fn what(link: &Link) -> &'static str {
    if link.image {
        "image"
    } else {
        "link"
    }
}

/// The default-language file of an entry (what `@/` links name).
fn original_rel<'s>(site: &'s Site, e: &'s Entry) -> &'s str {
    e.translations.iter().map(|&i| &site.entries[i]).find(|x| x.lang() == 0).map_or(e.src.rel.as_str(), |x| &x.src.rel)
}

fn broken_hint(site: &Site, built: &Built, e: &Entry, path: &str, target: &str) -> String {
    if path.ends_with(".md") {
        // A link to a Markdown file: the author meant an internal link.
        let folder = e.src.rel.rsplit_once('/').map_or("", |(d, _)| d);
        let wanted = join(&format!("/{folder}/"), path).unwrap_or_default();
        let wanted = wanted.trim_start_matches('/');
        let hint = match close_path(wanted, site.known_links()) {
            Some(rel) => msg!(MdLinkDidYouMean, suggestion = rel),
            None => msg!(MdLinkHow),
        };
        return hint;
    }
    if let Some(hint) = beside_its_folder(site, e, path) {
        return hint;
    }
    if !path.starts_with(['/', '.']) {
        // `img/logo.svg` written on a page at /reti/c40/ for the site's /img/logo.svg.
        let rooted = join("/", path).unwrap_or_default();
        if built.find(&rooted).is_some() && rooted != "/" {
            return msg!(RelativePathHint, rooted = rooted);
        }
    }
    target_hint(site, built, target)
}

/// A translation written beside its original's folder (`reti/rete.en.md` for
/// `reti/rete/index.md`) names a file of that folder: the folder's files are published
/// beside the pages inside it only (editors' trial: the help talked of `static/`).
fn beside_its_folder(site: &Site, e: &Entry, path: &str) -> Option<String> {
    let original = original_rel(site, e);
    let folder = original.strip_suffix("/index.md").filter(|_| !e.src.rel.contains("/index."))?;
    let asset = format!("{folder}/{}", path.trim_start_matches("./"));
    site.assets.iter().any(|a| format!("{}/{}", a.owner, a.rel) == asset).then(|| {
        let code = &site.config.languages[e.lang()].code;
        msg!(MoveIntoFolder, file = e.src.rel.as_str(), to = format!("{folder}/index.{code}.md"))
    })
}

/// Suggests what a broken site path probably meant.
pub(super) fn target_hint(site: &Site, built: &Built, target: &str) -> String {
    if let Some(hint) = built.previous.and_then(|m| removed::removed_hint(site, m, target)) {
        return hint;
    }
    if let Some(s) = close_path(target, built.paths()) {
        return msg!(DidYouMean, suggestion = s);
    }
    let last = target.rsplit('/').next().unwrap_or("");
    if !last.contains('.') {
        if let Some(s) = built.nearest(target) {
            return msg!(NearestPublished, nearest = s);
        }
    }
    msg!(FilesPublishedFrom)
}

/// An `@/` link to a file that is not published.
fn broken_internal(site: &Site, e: &Entry, link: &Link, message: &str, previous: Option<&Manifest>) -> Diagnostic {
    let d = Diagnostic::error(Kind::BrokenLink, msg!(BrokenInternal, problem = message));
    let wanted = link.dest.trim_start_matches("@/").split('#').next().unwrap_or("");
    let draft = crate::load::content::parse_file_name(wanted)
        .and_then(|n| site.drafts.iter().find(|d| d.kind == n.kind && d.key == n.key));
    let removed = previous.and_then(|m| {
        let code = &site.config.languages[e.lang()].code;
        let translated = format!("{}.{code}.md", wanted.trim_end_matches(".md"));
        let default = &site.config.languages[0].code;
        let path =
            removed::previous_path(m, &translated, code).or_else(|| removed::previous_path(m, wanted, default))?;
        removed::removed_hint(site, m, path)
    });
    let hint = match (draft, removed.or_else(|| renamed_hint(site, wanted, e.lang()))) {
        (Some(draft), _) => draft_hint(draft),
        (None, Some(hint)) => hint,
        (None, None) => match close_path(wanted, site.known_links()) {
            Some(s) => msg!(InternalDidYouMean, suggestion = s),
            None => msg!(InternalHow),
        },
    };
    place(d, e, link).hint(hint)
}

/// A missing file whose address another page keeps as an alias: a page renamed some
/// builds ago, its old address kept as the editors' guide says (the last build's manifest
/// only knows renames made since the build before).
fn renamed_hint(site: &Site, wanted: &str, lang: usize) -> Option<String> {
    let name = crate::load::content::parse_file_name(wanted).filter(|n| n.kind == EntryKind::Page)?;
    let (folder, stem) = name.key.rsplit_once('/').unwrap_or(("", &name.key));
    let section = &site.entries[site.get(EntryKind::Section, folder, lang)?];
    let path = crate::resolve::page_path(&section.path, stem, None);
    let same = |alias: &String| alias.trim_matches('/') == path.trim_matches('/');
    let e = site.entries.iter().find(|x| x.lang() == lang && x.src.fm.aliases.iter().any(same))?;
    // `@/` links name the default language's file.
    let file = site.get(e.kind(), &e.src.key, 0).map_or(&e.src.rel, |i| &site.entries[i].src.rel);
    let holder = e.src.rel.as_str();
    Some(msg!(RenamedAliasHint, wanted = wanted, holder = holder, path = path.as_str(), new_file = file.as_str()))
}

fn draft_hint(draft: &Draft) -> String {
    msg!(DraftHint, file = draft.rel.as_str())
}

/// Broken `@/` links of every entry, when some files did not load (so there is no render
/// to check against), leaving out links to the files that failed: their own errors say
/// what is wrong, and one run still reports the links of the others.
pub fn internal_only(site: &Site, failed: &HashSet<(EntryKind, String)>) -> Vec<Diagnostic> {
    let per_entry: Vec<Vec<Diagnostic>> = site
        .entries
        .par_iter()
        .map(|e| {
            let (md, _) = crate::render::markdown::render(&e.src.body(), &|dest: &str| site.link_url(dest, e.lang()));
            md.links
                .iter()
                .filter(|l| l.dest.starts_with("@/"))
                .filter(|l| {
                    let file = l.dest.trim_start_matches("@/").split('#').next().unwrap_or("");
                    !crate::load::content::parse_file_name(file).is_some_and(|n| failed.contains(&(n.kind, n.key)))
                })
                .filter_map(|l| {
                    site.resolve_internal(&l.dest, e.lang()).err().map(|m| broken_internal(site, e, l, &m, None))
                })
                .collect()
        })
        .collect();
    per_entry.into_iter().flatten().collect()
}

/// Local paths in front-matter `[extra]` values (`path = "@/reti/_index.md"`, `"/reti/"`):
/// themes render them as links, so they must point at something published too.
fn front_matter(site: &Site, built: &Built) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for e in &site.entries {
        let mut values = Vec::new();
        crate::resolve::extra::local_strings(&e.src.fm.extra, "extra".to_owned(), &mut values);
        // `@/` paths were checked before the render (`resolve::extra::internal_links`).
        for (key, value) in values.into_iter().filter(|(_, v)| !v.starts_with("@/")) {
            let target = join("/", classify_path(&value)).unwrap_or_default();
            if built.find(&target).is_some() {
                continue;
            }
            let problem = msg!(FrontMatterNothingPublished, target = target);
            diags.push(crate::resolve::extra::link_error(e, &key, problem));
        }
    }
    diags
}

/// The path part of a local destination (no `?query` or `#anchor`).
fn classify_path(dest: &str) -> &str {
    match classify(dest) {
        Dest::Local { path, .. } => path,
        _ => dest,
    }
}

/// Menu entries in site.toml that are local URLs must point at something the build produced.
pub fn check_menus(site: &Site, built: &Built) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for lang in &site.config.languages {
        for (i, m) in lang.menu.iter().enumerate() {
            let Dest::Local { path, .. } = classify(&m.path) else { continue };
            let target = join("/", path).unwrap_or_default();
            if built.find(&target).is_some() {
                continue;
            }
            let message =
                msg!(MenuNothingPublished, name = m.name.as_str(), lang = lang.code.as_str(), target = target.as_str());
            let d = Diagnostic::error(Kind::BrokenLink, message);
            let d = site.config.file.at_string(d, &format!("languages.{}.menu.{i}.path", lang.code));
            let hint = msg!(MenuHint, hint = target_hint(site, built, &target));
            diags.push(d.hint(hint));
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_links_that_can_reach_the_search_index_may_name_it() {
        let scan = |dest: &str| Scan {
            links: vec![Link {
                dest: dest.to_owned(),
                range: 0..0,
                image: false,
                empty: false,
                alt: String::new(),
                html: false,
                decorative: false,
            }],
            ..Scan::default()
        };
        assert!(in_index("pagefind/fragment/it_1.pf_fragment") && !in_index("pagefinder/x") && !in_index("pagefind"));
        assert!(may_name_index("/reti/", &scan("/pagefind/fragment/x")));
        assert!(may_name_index("/reti/", &scan("../../pagefind/x")));
        assert!(may_name_index("/reti/", &scan("/pag%65find/x")));
        assert!(may_name_index("/pagefind/x/", &scan("fragment/y")));
        assert!(!may_name_index("/reti/", &scan("/reti/c40/#storia")));
        assert!(!may_name_index("/reti/", &Scan::default()));
    }

    #[test]
    fn suggests_only_truly_close_paths() {
        let paths = ["/reti/c40/", "/reti/eurocities/", "/rete/", "/img/logo.svg"];
        assert_eq!(close_path("/reti/c4/", paths), Some("/reti/c40/"));
        assert_eq!(close_path("/reti/eurocitis/", paths), Some("/reti/eurocities/"));
        assert_eq!(close_path("/reti/efus/", paths), None);
        assert_eq!(close_path("/reti/nulla/", paths), None);
        assert_eq!(close_path("/img/manca.svg", paths), None);
        assert_eq!(close_path("/retti/c40/", paths), Some("/reti/c40/"));
        assert_eq!(close_path("/Reti/C40/", paths), Some("/reti/c40/"));
    }

    #[test]
    fn output_files_as_site_paths() {
        assert_eq!(site_path("index.html"), "/");
        assert_eq!(site_path("reti/c40/index.html"), "/reti/c40/");
        assert_eq!(site_path("css/site.css"), "/css/site.css");
        assert_eq!(site_path("404.html"), "/404.html");
        assert_eq!(site_path("myindex.html"), "/myindex.html");
    }
}
