//! Resolve: turns loaded sources into the immutable site model — every page's and section's
//! URL in its language (with localized path segments), translations linked both ways,
//! sections with their sorted pages, and the checks that need the whole site (two files for
//! one URL, translations without an original).

use crate::diag::{Diagnostic, Kind};
use crate::load::config::Config;
use crate::load::content::{Asset, Content, EntryKind, Source};
use crate::load::front_matter::SortBy;
use std::collections::HashMap;
use std::path::Path;

/// A page or a section, resolved.
#[derive(Debug)]
pub struct Entry {
    pub src: Source,
    /// Site path without the base path: `/`, `/en/networks/c40/`.
    pub path: String,
    /// This entry's language versions, including itself, in language order.
    pub translations: Vec<usize>,
    /// Sections above, root first, in the same language.
    pub ancestors: Vec<usize>,
    /// Sections only: pages in the order the section asks for.
    pub pages: Vec<usize>,
    /// Sections only: sub-sections by weight, then title.
    pub subsections: Vec<usize>,
    /// Files copied beside this entry (bundle or section assets).
    pub assets: Vec<usize>,
}

impl Entry {
    pub fn kind(&self) -> EntryKind {
        self.src.kind
    }

    pub fn lang(&self) -> usize {
        self.src.lang
    }

    /// `reti/c40/index.html`: the file this entry is written to.
    pub fn output_file(&self) -> String {
        format!("{}index.html", &self.path[1..])
    }
}

pub struct Site {
    pub config: Config,
    pub entries: Vec<Entry>,
    pub assets: Vec<Asset>,
    lookup: HashMap<(EntryKind, String, usize), usize>,
}

impl Site {
    /// The entry for a key in a language, if that version exists.
    pub fn get(&self, kind: EntryKind, key: &str, lang: usize) -> Option<usize> {
        self.lookup.get(&(kind, key.to_owned(), lang)).copied()
    }

    /// The home section of a language, falling back to the default language's.
    pub fn home(&self, lang: usize) -> Option<usize> {
        self.get(EntryKind::Section, "", lang).or_else(|| self.get(EntryKind::Section, "", 0))
    }

    /// Root-relative URL of a site path (prefixes the base path).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path, path.trim_start_matches('/'))
    }

    pub fn permalink(&self, path: &str) -> String {
        format!("{}{}", self.config.origin, self.url(path))
    }

    /// The URL of the home page of a language.
    pub fn lang_home_path(&self, lang: usize) -> String {
        format!("/{}", self.config.languages[lang].prefix)
    }

    /// Resolves an internal link (`@/reti/c40.md#anchor`) for a page in `lang`: the target
    /// in that language, else in the default language. Returns the entry and the anchor.
    pub fn resolve_internal<'l>(&self, link: &'l str, lang: usize) -> Result<(usize, Option<&'l str>), String> {
        let target = link.strip_prefix("@/").unwrap_or(link);
        let (file, anchor) = match target.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (target, None),
        };
        let Some(name) = crate::load::content::parse_file_name(file) else {
            return Err(format!("`{link}` does not name a Markdown file"));
        };
        let explicit = name.lang.as_deref().and_then(|c| self.config.language_index(c));
        if name.lang.is_some() && explicit.is_none() {
            return Err(format!("`{link}` names a language that is not configured"));
        }
        let wanted = explicit.unwrap_or(lang);
        self.get(name.kind, &name.key, wanted)
            .or_else(|| if explicit.is_none() { self.get(name.kind, &name.key, 0) } else { None })
            .map(|id| (id, anchor))
            .ok_or_else(|| format!("`{link}` points to a file that does not exist (content/{file})"))
    }

    /// Every entry's key in the default language, for "did you mean" suggestions.
    pub fn known_links(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(|e| e.lang() == 0).map(|e| e.src.rel.as_str())
    }
}

pub fn resolve(config: Config, content: Content) -> Result<Site, Vec<Diagnostic>> {
    let Content { mut sources, assets, failed } = content;
    sources.sort_by(|a, b| (a.kind, &a.key, a.lang).cmp(&(b.kind, &b.key, b.lang)));
    let mut diags = Vec::new();
    let mut lookup: HashMap<(EntryKind, String, usize), usize> = HashMap::with_capacity(sources.len());
    let mut kept = Vec::with_capacity(sources.len());
    for s in sources {
        let k = (s.kind, s.key.clone(), s.lang);
        if let Some(&first) = lookup.get(&k) {
            let other: &Source = &kept[first];
            diags.push(
                Diagnostic::error(
                    Kind::DuplicatePage,
                    format!("content/{} and content/{} are the same page", other.rel, s.rel),
                )
                .in_file(Path::new("content").join(&s.rel))
                .hint("a page is either `name.md` or `name/index.md` (a bundle), not both: remove or rename one"),
            );
            continue;
        }
        lookup.insert(k, kept.len());
        kept.push(s);
    }
    let sources = kept;

    // Translations whose original (default-language version) is missing.
    for s in &sources {
        let original_failed = failed.contains(&(s.kind, s.key.clone()));
        if s.lang != 0 && s.fm.translate && !original_failed && !lookup.contains_key(&(s.kind, s.key.clone(), 0)) {
            let original = original_name(&s.rel, &config.languages[s.lang].code);
            diags.push(Diagnostic::error(Kind::OrphanTranslation, format!("this is a translation, but its original content/{original} does not exist"))
                .in_file(Path::new("content").join(&s.rel))
                .hint(format!("create content/{original}, or, if this page exists only in this language, add `translate = false` to its front matter")));
        }
    }

    let segments = Segments::new(&sources, &lookup, &config);
    let mut entries: Vec<Entry> = sources
        .into_iter()
        .map(|src| {
            let path = segments.path_of(&src);
            Entry {
                src,
                path,
                translations: Vec::new(),
                ancestors: Vec::new(),
                pages: Vec::new(),
                subsections: Vec::new(),
                assets: Vec::new(),
            }
        })
        .collect();

    check_collisions(&entries, &mut diags);
    link_translations(&mut entries, &lookup, config.languages.len());
    link_sections(&mut entries, &lookup);
    attach_assets(&mut entries, &assets, &lookup, config.languages.len());
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Site { config, entries, assets, lookup })
}

/// `reti/c40.en.md` → `reti/c40.md`.
fn original_name(rel: &str, code: &str) -> String {
    rel.replace(&format!(".{code}.md"), ".md")
}

/// Localized path segments: the segment of a folder in a language is the `slug` of that
/// folder's section in that language, else the folder name as a slug.
struct Segments<'a> {
    lookup: &'a HashMap<(EntryKind, String, usize), usize>,
    slugs: Vec<Option<String>>,
    config: &'a Config,
}

impl<'a> Segments<'a> {
    fn new(sources: &[Source], lookup: &'a HashMap<(EntryKind, String, usize), usize>, config: &'a Config) -> Self {
        let slugs = sources.iter().map(|s| s.fm.slug.clone()).collect();
        Segments { lookup, slugs, config }
    }

    fn folder_segment(&self, dir: &str, lang: usize) -> String {
        let own = self.lookup.get(&(EntryKind::Section, dir.to_owned(), lang)).and_then(|&i| self.slugs[i].clone());
        own.unwrap_or_else(|| crate::slug::slugify(dir.rsplit('/').next().unwrap_or(dir)))
    }

    fn folders_path(&self, dir: &str, lang: usize) -> String {
        let mut path = format!("/{}", self.config.languages[lang].prefix);
        let mut at = String::new();
        for part in dir.split('/').filter(|p| !p.is_empty()) {
            if !at.is_empty() {
                at.push('/');
            }
            at.push_str(part);
            let seg = self.folder_segment(&at, lang);
            if !seg.is_empty() {
                path.push_str(&seg);
                path.push('/');
            }
        }
        path
    }

    fn path_of(&self, s: &Source) -> String {
        match s.kind {
            EntryKind::Section => self.folders_path(&s.key, s.lang),
            EntryKind::Page => {
                let mut path = self.folders_path(s.parent_key().unwrap_or(""), s.lang);
                let seg = s.fm.slug.clone().unwrap_or_else(|| crate::slug::slugify(s.name()));
                path.push_str(if seg.is_empty() { "page" } else { &seg });
                path.push('/');
                path
            }
        }
    }
}

fn check_collisions(entries: &[Entry], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        if let Some(&j) = seen.get(e.path.as_str()) {
            diags.push(
                Diagnostic::error(
                    Kind::DuplicateUrl,
                    format!(
                        "content/{} and content/{} would both be published at {}",
                        entries[j].src.rel, e.src.rel, e.path
                    ),
                )
                .in_file(Path::new("content").join(&e.src.rel))
                .hint("give one of them a different file name or `slug`"),
            );
        } else {
            seen.insert(&e.path, i);
        }
    }
}

fn link_translations(entries: &mut [Entry], lookup: &HashMap<(EntryKind, String, usize), usize>, languages: usize) {
    for e in entries.iter_mut() {
        let (kind, key) = (e.kind(), e.src.key.clone());
        e.translations = (0..languages).filter_map(|l| lookup.get(&(kind, key.clone(), l)).copied()).collect();
    }
}

/// The nearest section above a key, in a language.
fn parent_section(key: &str, lang: usize, lookup: &HashMap<(EntryKind, String, usize), usize>) -> Option<usize> {
    let mut dir = key;
    loop {
        dir = match dir.rsplit_once('/') {
            Some((up, _)) => up,
            None if dir.is_empty() => return None,
            None => "",
        };
        if let Some(&id) = lookup.get(&(EntryKind::Section, dir.to_owned(), lang)) {
            return Some(id);
        }
    }
}

fn link_sections(entries: &mut [Entry], lookup: &HashMap<(EntryKind, String, usize), usize>) {
    let parents: Vec<Option<usize>> = entries.iter().map(|e| parent_section(&e.src.key, e.lang(), lookup)).collect();
    for (i, parent) in parents.iter().enumerate() {
        if let Some(p) = *parent {
            match entries[i].kind() {
                EntryKind::Page => entries[p].pages.push(i),
                EntryKind::Section => entries[p].subsections.push(i),
            }
        }
    }
    // Ancestors, root first; parents come before children in key order, so one pass works
    // if we walk up each chain (depth is small).
    for i in 0..entries.len() {
        let mut chain = Vec::new();
        let mut at = parents[i];
        while let Some(p) = at {
            chain.push(p);
            at = parents[p];
        }
        chain.reverse();
        entries[i].ancestors = chain;
    }
    for i in 0..entries.len() {
        if entries[i].kind() != EntryKind::Section {
            continue;
        }
        let mut pages = std::mem::take(&mut entries[i].pages);
        let sort_by = entries[i].src.fm.sort_by;
        pages.sort_by(|&a, &b| compare(&entries[a].src, &entries[b].src, sort_by));
        entries[i].pages = pages;
        let mut subs = std::mem::take(&mut entries[i].subsections);
        subs.sort_by(|&a, &b| compare(&entries[a].src, &entries[b].src, SortBy::Weight));
        entries[i].subsections = subs;
    }
}

fn title_key(s: &Source) -> String {
    deunicode::deunicode(&s.fm.title).to_lowercase()
}

fn compare(a: &Source, b: &Source, by: SortBy) -> std::cmp::Ordering {
    let tie = || (title_key(a), &a.rel).cmp(&(title_key(b), &b.rel));
    match by {
        SortBy::Weight => a.fm.weight.unwrap_or(i64::MAX).cmp(&b.fm.weight.unwrap_or(i64::MAX)).then_with(tie),
        // Newest first; undated pages last.
        SortBy::Date => b.fm.date.cmp(&a.fm.date).then_with(tie),
        SortBy::Title => tie(),
    }
}

/// Assets follow the entry whose folder they are in: a bundle's files go beside every
/// language version of the page, a section folder's beside every version of the section.
fn attach_assets(
    entries: &mut [Entry],
    assets: &[Asset],
    lookup: &HashMap<(EntryKind, String, usize), usize>,
    languages: usize,
) {
    for (ai, asset) in assets.iter().enumerate() {
        for lang in 0..languages {
            let owner = lookup
                .get(&(EntryKind::Page, asset.owner.clone(), lang))
                .filter(|&&i| entries[i].src.bundle.is_some())
                .or_else(|| lookup.get(&(EntryKind::Section, asset.owner.clone(), lang)));
            if let Some(&i) = owner {
                entries[i].assets.push(ai);
            }
        }
    }
}
