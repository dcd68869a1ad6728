//! Local links: every `@/` link's anchor, and every plain link or image to a local path
//! (`/reti/c40/`, `../img.png`, `#anchor`), must point at something the build produced, in
//! the linking page's language, and anchors at ids that exist on the target page. Broken
//! ones are reported at their line with the nearest existing target as a suggestion.

use super::{at_body, html_text, site_path, Files};
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::render::markdown::Link;
use crate::render::Scan;
use crate::resolve::{Entry, Site};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// What the build produced, indexed for link checks.
pub struct Built<'a> {
    files: &'a Files,
    /// Output file → the entry rendered into it.
    entry_of: HashMap<String, usize>,
    /// HTML output file → every `id` in it: headings, and ids the templates add.
    ids: HashMap<String, HashSet<String>>,
    /// Every output file as a site path (`/reti/c40/`), for suggestions.
    paths: Vec<String>,
    /// Per entry, its heading ids (the likely anchors, for suggestions).
    headings: Vec<Vec<String>>,
}

impl<'a> Built<'a> {
    pub fn new(site: &Site, files: &'a Files, scans: &[Scan]) -> Built<'a> {
        let entry_of = site.entries.iter().enumerate().map(|(i, e)| (e.output_file(), i)).collect();
        let ids = files
            .par_iter()
            .filter(|(rel, _)| rel.ends_with(".html"))
            .filter_map(|(rel, f)| Some((rel.clone(), ids_in(&html_text(f)?))))
            .collect();
        let paths = files.keys().map(|f| site_path(f)).collect();
        let headings = scans.iter().map(|s| s.ids.clone()).collect();
        Built { files, entry_of, ids, paths, headings }
    }

    /// The output file a site path names: `/x/` is `x/index.html`; `/x` a file, else
    /// `x/index.html` (servers redirect it).
    fn find(&self, path: &str) -> Option<String> {
        let p = path.trim_start_matches('/');
        if p.is_empty() || p.ends_with('/') {
            let f = format!("{p}index.html");
            return self.files.contains_key(&f).then_some(f);
        }
        if self.files.contains_key(p) {
            return Some(p.to_owned());
        }
        let f = format!("{p}/index.html");
        self.files.contains_key(&f).then_some(f)
    }

    /// The existing path closest to `path`: a likely typo, else the deepest published
    /// folder above it.
    fn nearest(&self, path: &str) -> Option<String> {
        if let Some(s) = did_you_mean(path, self.paths.iter().map(String::as_str)) {
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

    /// Does the output file have this id? Files that are not HTML are not checked.
    fn has_anchor(&self, file: &str, anchor: &str) -> bool {
        anchor.is_empty() || anchor == "top" || self.ids.get(file).is_none_or(|ids| ids.contains(anchor))
    }

    /// Ids to suggest for a missing anchor in `file`.
    fn suggest_anchor(&self, file: &str, anchor: &str) -> Option<String> {
        let headings = self.entry_of.get(file).map(|&i| &self.headings[i]);
        let from_headings = headings.and_then(|h| did_you_mean(anchor, h.iter().map(String::as_str)));
        let any = || self.ids.get(file).and_then(|ids| did_you_mean(anchor, ids.iter().map(String::as_str)));
        from_headings.or_else(any).map(str::to_owned)
    }

    fn heading_list(&self, file: &str) -> String {
        match self.entry_of.get(file).map(|&i| &self.headings[i]) {
            Some(h) if !h.is_empty() => format!("its headings' ids are: {}", h.join(", ")),
            _ => "it has no headings to link to".to_owned(),
        }
    }
}

/// What a link destination is.
#[derive(Debug, PartialEq, Eq)]
pub enum Dest<'a> {
    /// `@/reti/c40.md#storia`
    Internal(&'a str),
    /// `https://…`, `//host/…`
    External,
    /// `mailto:`, `tel:` and other schemes: nothing to check.
    Other,
    /// A path on this site, relative or root-relative, with its anchor.
    Local { path: &'a str, anchor: Option<&'a str> },
}

pub fn classify(dest: &str) -> Dest<'_> {
    if dest.starts_with("@/") {
        return Dest::Internal(dest);
    }
    if dest.starts_with("//") {
        return Dest::External;
    }
    if let Some((scheme, _)) = dest.split_once(':') {
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
        if is_scheme {
            let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
            return if web { Dest::External } else { Dest::Other };
        }
    }
    let (rest, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    Dest::Local { path, anchor }
}

/// Resolves a link path against the URL of the page it is on (`/reti/c40/`), giving a site
/// path, or `None` when `..` climbs above the site's root.
pub fn join(page: &str, link: &str) -> Option<String> {
    let link = percent_encoding::percent_decode_str(link).decode_utf8_lossy();
    let mut segments: Vec<&str> =
        if link.starts_with('/') { Vec::new() } else { page.split('/').filter(|s| !s.is_empty()).collect() };
    let parts: Vec<&str> = link.split('/').collect();
    for part in &parts {
        match *part {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            p => segments.push(p),
        }
    }
    let folder = matches!(parts.last(), Some(&"" | &"." | &".."));
    let mut out = format!("/{}", segments.join("/"));
    if folder && !segments.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Every `id="…"` attribute value in an HTML file.
fn ids_in(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("id=") {
        let at = from + i;
        from = at + 3;
        let after_space = html[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = &html[from..];
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else { continue };
        if let (true, Some(end)) = (after_space, rest[1..].find(quote)) {
            ids.insert(rest[1..1 + end].to_owned());
        }
    }
    ids
}

/// Checks the links of every entry.
pub fn check(site: &Site, scans: &[Scan], built: &Built) -> Vec<Diagnostic> {
    let per_entry: Vec<Vec<Diagnostic>> = site
        .entries
        .par_iter()
        .enumerate()
        .map(|(id, e)| scans[id].links.iter().filter_map(|l| check_link(site, built, id, e, l)).collect())
        .collect();
    per_entry.into_iter().flatten().collect()
}

/// Where in the body to point: at the destination inside the link if it is written there.
fn place(d: Diagnostic, e: &Entry, link: &Link) -> Diagnostic {
    let text = e.src.body.get(link.range.clone()).unwrap_or("");
    match text.find(link.dest.as_str()).filter(|_| !link.dest.is_empty()) {
        Some(i) => at_body(d, e, link.range.start + i, link.dest.len()),
        None => at_body(d, e, link.range.start, link.range.len()),
    }
}

fn check_link(site: &Site, built: &Built, id: usize, e: &Entry, link: &Link) -> Option<Diagnostic> {
    let what = if link.image { "image" } else { "link" };
    match classify(&link.dest) {
        Dest::External | Dest::Other => None,
        Dest::Internal(dest) => {
            // The build already refused unknown files; only the anchor is left to check.
            let (target, anchor) = site.resolve_internal(dest, e.lang()).ok()?;
            let anchor = anchor?;
            let file = site.entries[target].output_file();
            if built.has_anchor(&file, anchor) {
                return None;
            }
            let d = Diagnostic::error(
                Kind::BrokenAnchor,
                format!(
                    "broken anchor: content/{} has no heading with the id `{anchor}`",
                    site.entries[target].src.rel
                ),
            );
            let file_part = dest.split('#').next().unwrap_or(dest);
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => format!("did you mean `{file_part}#{s}`?"),
                None => built.heading_list(&file),
            };
            Some(place(d, e, link).hint(hint))
        }
        Dest::Local { path: "", anchor: None } => Some(
            place(Diagnostic::error(Kind::BrokenLink, format!("this {what} has no destination")), e, link)
                .hint("write where it goes between the parentheses, e.g. `[C40](@/reti/c40.md)`"),
        ),
        Dest::Local { path: "", anchor: Some(anchor) } => {
            let file = e.output_file();
            if built.has_anchor(&file, anchor) || built.headings[id].iter().any(|h| h == anchor) {
                return None;
            }
            let d = Diagnostic::error(
                Kind::BrokenAnchor,
                format!("broken anchor: this page has no heading with the id `{anchor}`"),
            );
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => format!("did you mean `#{s}`?"),
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
    let what = if link.image { "image" } else { "link" };
    let Some(target) = join(&e.path, path) else {
        let d = Diagnostic::error(Kind::BrokenLink, format!("broken {what}: `{path}` climbs above the site's root"));
        return Some(place(d, e, link).hint(format!("this page is at {}; remove some `../`", e.path)));
    };
    let Some(file) = built.find(&target) else {
        let relative = if path.starts_with('/') { String::new() } else { format!(" (`{path}` from {})", e.path) };
        let d =
            Diagnostic::error(Kind::BrokenLink, format!("broken {what}: nothing is published at {target}{relative}"));
        return Some(place(d, e, link).hint(broken_hint(site, built, e, path, &target)));
    };
    if let Some(anchor) = anchor {
        if !built.has_anchor(&file, anchor) {
            let d = Diagnostic::error(
                Kind::BrokenAnchor,
                format!("broken anchor: {target} has no heading with the id `{anchor}`"),
            );
            let hint = match built.suggest_anchor(&file, anchor) {
                Some(s) => format!("did you mean `{path}#{s}`?"),
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
    let d = Diagnostic::warning(
        Kind::WrongLanguage,
        format!(
            "this {} page links to the {} version of content/{}",
            langs[e.lang()].code,
            langs[target_entry.lang()].code,
            original_rel(site, target_entry)
        ),
    );
    let hint = format!(
        "link to {} instead, or write `@/{}`, which picks the linking page's language",
        site.entries[*own].path,
        original_rel(site, target_entry)
    );
    Some(place(d, e, link).hint(hint))
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
        let hint = match did_you_mean(wanted, site.known_links()) {
            Some(rel) => format!("to link to a content file, write `@/{rel}`"),
            None => {
                "to link to a content file, write its path under content/ after `@/`, e.g. `@/reti/c40.md`".to_owned()
            }
        };
        return hint;
    }
    target_hint(built, target)
}

/// Suggests what a broken site path probably meant.
fn target_hint(built: &Built, target: &str) -> String {
    if let Some(s) = did_you_mean(target, built.paths.iter().map(String::as_str)) {
        return format!("did you mean `{s}`?");
    }
    let last = target.rsplit('/').next().unwrap_or("");
    if !last.contains('.') {
        if let Some(s) = built.nearest(target) {
            return format!("the nearest published page is {s}; for pages, prefer `@/` links, which the build checks");
        }
    }
    "files are published from static/ (and the theme's static/), or beside a page that is a bundle (a folder with index.md)"
        .to_owned()
}

/// Menu entries in site.toml that are local URLs must point at something the build produced.
pub fn check_menus(site: &Site, root: &std::path::Path, built: &Built) -> Vec<Diagnostic> {
    let text = std::fs::read_to_string(root.join("site.toml")).unwrap_or_default();
    let mut diags = Vec::new();
    for lang in &site.config.languages {
        for m in &lang.menu {
            let Dest::Local { path, .. } = classify(&m.path) else { continue };
            let target = join("/", path).unwrap_or_default();
            if built.find(&target).is_some() {
                continue;
            }
            let d = Diagnostic::error(
                Kind::BrokenLink,
                format!("menu entry `{}` ({}): nothing is published at {target}", m.name, lang.code),
            )
            .in_file("site.toml");
            let d = match text.find(&format!("\"{}\"", m.path)) {
                Some(i) => d.at_offset(&text, 1, i + 1, m.path.len()),
                None => d,
            };
            let hint = format!(
                "{}; menus can also name a content file, e.g. \"@/reti/_index.md\"",
                target_hint(built, &target)
            );
            diags.push(d.hint(hint));
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_destinations() {
        assert_eq!(classify("@/a.md#x"), Dest::Internal("@/a.md#x"));
        assert_eq!(classify("https://x.org/"), Dest::External);
        assert_eq!(classify("//x.org/a"), Dest::External);
        assert_eq!(classify("mailto:a@b.it"), Dest::Other);
        assert_eq!(classify("/reti/?q=1#top"), Dest::Local { path: "/reti/", anchor: Some("top") });
        assert_eq!(classify("#storia"), Dest::Local { path: "", anchor: Some("storia") });
        assert_eq!(classify("img/a:b.png"), Dest::Local { path: "img/a:b.png", anchor: None });
    }

    #[test]
    fn joins_relative_to_the_page_url() {
        assert_eq!(join("/reti/c40/", "logo.svg").as_deref(), Some("/reti/c40/logo.svg"));
        assert_eq!(join("/reti/c40/", "../eurocities/").as_deref(), Some("/reti/eurocities/"));
        assert_eq!(join("/reti/c40/", "..").as_deref(), Some("/reti/"));
        assert_eq!(join("/en/", "/reti/").as_deref(), Some("/reti/"));
        assert_eq!(join("/a/", "../../x"), None);
        assert_eq!(join("/a/", "caf%C3%A8.png").as_deref(), Some("/a/cafè.png"));
        assert_eq!(join("/", "/").as_deref(), Some("/"));
    }

    #[test]
    fn finds_ids_in_html() {
        let ids = ids_in(r#"<h2 id="a">x</h2><div data-id="no" id='b'><p>id="c"</p>"#);
        assert!(ids.contains("a") && ids.contains("b"));
        assert!(!ids.contains("no") && !ids.contains("c"));
    }
}
