//! Resolve: turns loaded sources into the immutable site model — every page's and section's
//! URL in its language (with localized path segments, `paths`), translations linked both
//! ways and sections with their sorted pages (`sections`), internal links (`links`), menus
//! (`menus`), aliases (`aliases`), and the checks that need the whole site (two files for
//! one URL, translations without an original, templates that do not exist: `validate`).

pub mod aliases;
pub mod extra;
mod links;
pub use links::close_path;
pub use paths::page_path;
pub mod menus;
pub mod pagination;
mod paths;
mod sections;
pub mod shortcodes;
pub mod taxonomies;
pub mod validate;

use crate::diag::{Diagnostic, Kind};
use crate::load::config::Config;
use crate::load::content::{Asset, Content, EntryKind, Source};
use crate::msg;
use std::collections::HashMap;
use std::path::Path;

/// The file a section's Atom feed is written to, beside its index.html.
pub const FEED_FILE: &str = "atom.xml";

/// Entries by (kind, key, language), looked up without allocating a key per lookup.
#[derive(Debug, Default)]
pub struct Lookup {
    /// Indexed by `kind as usize * languages + lang`.
    maps: Vec<HashMap<String, usize>>,
    languages: usize,
}

impl Lookup {
    fn new(languages: usize) -> Self {
        Lookup { maps: (0..2 * languages).map(|_| HashMap::new()).collect(), languages }
    }

    fn slot(&self, kind: EntryKind, lang: usize) -> usize {
        (kind as usize) * self.languages + lang
    }

    pub fn get(&self, kind: EntryKind, key: &str, lang: usize) -> Option<usize> {
        self.maps.get(self.slot(kind, lang))?.get(key).copied()
    }

    fn insert(&mut self, kind: EntryKind, key: &str, lang: usize, id: usize) {
        let slot = self.slot(kind, lang);
        self.maps[slot].insert(key.to_owned(), id);
    }
}

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
    /// Sections only: whether it publishes an Atom feed (`feed = true` here or in the
    /// original).
    pub feed: bool,
    /// Sections only: pages per pager (`paginate_by` here or in the original).
    pub paginate_by: Option<usize>,
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

    /// `reti/atom.xml`, for a section with a feed.
    pub fn feed_file(&self) -> Option<String> {
        self.feed.then(|| format!("{}{FEED_FILE}", &self.path[1..]))
    }
}

pub struct Site {
    pub config: Config,
    pub entries: Vec<Entry>,
    pub assets: Vec<Asset>,
    /// Per language, the menu entries of site.toml with their URLs.
    pub menus: Vec<Vec<menus::MenuEntry>>,
    /// Drafts left out of this build, with the path each would have.
    pub drafts: Vec<Draft>,
    /// Every language's taxonomies, by language then place in its list.
    pub taxonomies: Vec<taxonomies::Taxonomy>,
    /// Per language, the path segment of pagers (`page`, `pagina`): `/reti/pagina/2/`.
    pub pager_segments: Vec<String>,
    /// What resolving found that does not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Whether pages' views carry their neighbours (`page.lower`, `page.higher`): only when
    /// a template can read them, as each page's view is built for its key on every rebuild.
    pub neighbours: bool,
    /// Zola's `page.summary`: by entry, the HTML of its Markdown before `<!-- more -->`.
    /// Set once, after resolve and before any template runs, by rendering those pages'
    /// Markdown (`render::Renderer::summaries`): a listing shows the summaries of others.
    pub summaries: std::sync::OnceLock<std::collections::HashMap<usize, String>>,
    lookup: Lookup,
}

/// A draft this build does not publish.
#[derive(Debug)]
pub struct Draft {
    pub kind: EntryKind,
    pub key: String,
    pub lang: usize,
    /// `reti/bozza.md`, relative to content/.
    pub rel: String,
    /// The site path it would be published at.
    pub path: String,
}

impl Site {
    /// The entry for a key in a language, if that version exists.
    pub fn get(&self, kind: EntryKind, key: &str, lang: usize) -> Option<usize> {
        self.lookup.get(kind, key, lang)
    }

    /// The home section of a language, falling back to the default language's.
    pub fn home(&self, lang: usize) -> Option<usize> {
        self.get(EntryKind::Section, "", lang).or_else(|| self.get(EntryKind::Section, "", 0))
    }

    /// Root-relative URL of a site path (prefixes the base path).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path, path.trim_start_matches('/'))
    }

    /// The full URL of a site path. One string, not `url`'s and then another: every page's
    /// view and sitemap entry asks, on every build.
    pub fn permalink(&self, path: &str) -> String {
        let parts = [self.config.origin.as_str(), &self.config.base_path, path.trim_start_matches('/')];
        parts.concat()
    }

    /// The URL of the home page of a language.
    pub fn lang_home_path(&self, lang: usize) -> String {
        format!("/{}", self.config.languages[lang].prefix)
    }
}

pub fn resolve(config: Config, content: Content) -> Result<Site, Vec<Diagnostic>> {
    let Content { sources, assets, failed, drafts } = content;
    let mut diags = Vec::new();
    let (sources, lookup) = index(sources, config.languages.len(), &mut diags);
    check_orphans(&sources, &lookup, &failed, &drafts, &config, &mut diags);
    let segments = paths::Segments::new(&sources, &lookup, &config);
    let drafts = drafts
        .iter()
        .map(|s| Draft {
            kind: s.kind,
            key: s.key.clone(),
            lang: s.lang,
            rel: s.rel.clone(),
            path: segments.path_of(s),
        })
        .collect();
    let mut entries: Vec<Entry> = sources
        .into_iter()
        .map(|src| Entry {
            path: segments.path_of(&src),
            src,
            translations: Vec::new(),
            ancestors: Vec::new(),
            pages: Vec::new(),
            subsections: Vec::new(),
            assets: Vec::new(),
            feed: false,
            paginate_by: None,
        })
        .collect();
    check_collisions(&entries, &mut diags);
    check_language_homes(&lookup, &config, &mut diags);
    sections::link_translations(&mut entries, &lookup, config.languages.len());
    sections::link_sections(&mut entries, &lookup);
    sections::attach_assets(&mut entries, &assets, &lookup, config.languages.len());
    mark_feeds(&mut entries);
    let (taxonomies, found) = taxonomies::resolve(&config, &entries);
    let (errors, warnings): (Vec<_>, Vec<_>) = found.into_iter().partition(Diagnostic::is_error);
    diags.extend(errors);
    check_taxonomy_paths(&entries, &taxonomies, &mut diags);
    let pager_segments = vec![pagination::DEFAULT_SEGMENT.to_owned(); config.languages.len()];
    let menus = Vec::new();
    let mut site = Site {
        config,
        entries,
        assets,
        menus,
        drafts,
        taxonomies,
        pager_segments,
        warnings,
        neighbours: true,
        summaries: Default::default(),
        lookup,
    };
    match menus::resolve(&site, &failed) {
        Ok(menus) => site.menus = menus,
        Err(d) => diags.extend(d),
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(site)
}

/// A translation whose original is missing (and did not just fail to load) has nothing to
/// follow or link to. An original left out as a draft is named as such, at its `draft`.
fn check_orphans(
    sources: &[Source],
    lookup: &Lookup,
    failed: &std::collections::HashSet<(EntryKind, String)>,
    drafts: &[Source],
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) {
    for s in sources {
        let original_failed = failed.contains(&(s.kind, s.key.clone()));
        let has_original = lookup.get(s.kind, &s.key, 0).is_some();
        if s.lang != 0 && s.fm.translate && !original_failed && !has_original {
            let draft = drafts.iter().find(|d| d.lang == 0 && d.kind == s.kind && d.key == s.key);
            diags.push(match draft {
                Some(original) => draft_original(original, s),
                None => orphan_translation(s, config, renamed_original(s, sources, lookup)),
            });
        }
    }
}

fn draft_original(original: &Source, translation: &Source) -> Diagnostic {
    let translation = translation.rel.as_str();
    let d = Diagnostic::error(Kind::OrphanTranslation, msg!(DraftOriginal, translation = translation))
        .hint(msg!(DraftOriginalHint, translation = translation));
    original.at_key(d, "draft")
}

/// Every language needs a home page: every language switcher links to it.
fn check_language_homes(lookup: &Lookup, config: &Config, diags: &mut Vec<Diagnostic>) {
    for (i, l) in config.languages.iter().enumerate() {
        if lookup.get(EntryKind::Section, "", i).is_none() {
            let file = if i == 0 { "_index.md".to_owned() } else { format!("_index.{}.md", l.code) };
            diags.push(
                Diagnostic::error(
                    Kind::LanguageWithoutHome,
                    msg!(LanguageWithoutHome, lang = l.code.as_str(), file = file.as_str()),
                )
                .in_file("site.toml")
                .hint(msg!(
                    LanguageWithoutHomeHint,
                    prefix = l.prefix.as_str(),
                    file = file.as_str(),
                    lang = l.code.as_str()
                )),
            );
        }
    }
}

/// Sorts the sources by (kind, key, language) and indexes them; a second file for the same
/// page (`name.md` beside `name/index.md`) is an error and left out.
fn index(sources: Vec<Source>, languages: usize, diags: &mut Vec<Diagnostic>) -> (Vec<Source>, Lookup) {
    // Their order found first, then each moved once: a stable sort of the sources themselves
    // moved ten thousand large values many times (a twentieth of a one-page rebuild).
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&sources[a], &sources[b]);
        (a.kind, &a.key, a.lang).cmp(&(b.kind, &b.key, b.lang))
    });
    let mut slots: Vec<Option<Source>> = sources.into_iter().map(Some).collect();
    let sources: Vec<Source> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    let mut lookup = Lookup::new(languages);
    let mut kept: Vec<Source> = Vec::with_capacity(sources.len());
    for s in sources {
        if let Some(first) = lookup.get(s.kind, &s.key, s.lang) {
            diags.push(
                Diagnostic::error(
                    Kind::DuplicatePage,
                    msg!(DuplicatePage, first = kept[first].rel.as_str(), second = s.rel.as_str()),
                )
                .in_file(Path::new("content").join(&s.rel))
                .hint(msg!(DuplicatePageHint)),
            );
            continue;
        }
        lookup.insert(s.kind, &s.key, s.lang, kept.len());
        kept.push(s);
    }
    (kept, lookup)
}

fn orphan_translation(s: &Source, config: &Config, renamed: Option<&Source>) -> Diagnostic {
    let code = &config.languages[s.lang].code;
    let original = original_name(&s.rel, code);
    let d = Diagnostic::error(Kind::OrphanTranslation, msg!(OrphanTranslation, original = original.as_str()))
        .in_file(Path::new("content").join(&s.rel));
    match renamed {
        Some(r) => {
            let to = translation_name(&r.rel, code);
            d.hint(msg!(OrphanRenamedHint, original = original.as_str(), renamed = r.rel.as_str(), to = to.as_str()))
        }
        None => d.hint(msg!(OrphanTranslationHint, original = original.as_str())),
    }
}

/// The original a translation most likely lost by a rename: the one page or section of the
/// same kind in the same folder with no version in the translation's language (the editors'
/// trial renamed `efus.md` alone and was told to create it again).
fn renamed_original<'a>(s: &Source, sources: &'a [Source], lookup: &Lookup) -> Option<&'a Source> {
    let folder = |key: &str| key.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let wanted = folder(&s.key);
    let mut candidates = sources.iter().filter(|o| {
        o.lang == 0 && o.kind == s.kind && folder(&o.key) == wanted && lookup.get(o.kind, &o.key, s.lang).is_none()
    });
    let one = candidates.next()?;
    candidates.next().is_none().then_some(one)
}

/// `reti/forum.md` → `reti/forum.en.md`; `reti/forum/index.md` → `reti/forum/index.en.md`.
fn translation_name(rel: &str, code: &str) -> String {
    format!("{}.{code}.md", rel.trim_end_matches(".md"))
}

/// A taxonomy's or a term's page where a page or section already is.
fn check_taxonomy_paths(entries: &[Entry], taxonomies: &[taxonomies::Taxonomy], diags: &mut Vec<Diagnostic>) {
    let paths = taxonomies.iter().flat_map(|t| std::iter::once(&t.path).chain(t.terms.iter().map(|term| &term.path)));
    for path in paths {
        if let Some(e) = entries.iter().find(|e| &e.path == path) {
            diags.push(
                Diagnostic::error(
                    Kind::DuplicateUrl,
                    msg!(PageAtTaxonomy, file = e.src.rel.as_str(), path = path.as_str()),
                )
                .in_file(Path::new("content").join(&e.src.rel))
                .hint(msg!(PageAtTaxonomyHint)),
            );
        }
    }
}

/// A section publishes a feed when it, or its default-language original, says `feed = true`,
/// and is paginated when it, or its original, sets `paginate_by`.
fn mark_feeds(entries: &mut [Entry]) {
    let feeds: Vec<bool> = entries
        .iter()
        .map(|e| {
            let original = e.translations.iter().any(|&t| entries[t].lang() == 0 && entries[t].src.fm.feed);
            e.kind() == EntryKind::Section && (e.src.fm.feed || original)
        })
        .collect();
    let paginate: Vec<Option<usize>> = entries
        .iter()
        .map(|e| {
            let original =
                e.translations.iter().find(|&&t| entries[t].lang() == 0).and_then(|&t| entries[t].src.fm.paginate_by);
            (e.kind() == EntryKind::Section).then_some(e.src.fm.paginate_by.or(original)).flatten()
        })
        .collect();
    for ((e, feed), per) in entries.iter_mut().zip(feeds).zip(paginate) {
        e.feed = feed;
        e.paginate_by = per;
    }
}

/// `reti/c40.en.md` → `reti/c40.md`.
fn original_name(rel: &str, code: &str) -> String {
    rel.replace(&format!(".{code}.md"), ".md")
}

fn check_collisions(entries: &[Entry], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        if let Some(&j) = seen.get(e.path.as_str()) {
            let d = Diagnostic::error(
                Kind::DuplicateUrl,
                msg!(
                    SameAddress,
                    first = entries[j].src.rel.as_str(),
                    second = e.src.rel.as_str(),
                    path = e.path.as_str()
                ),
            )
            .hint(msg!(SameAddressHint));
            // At the `slug` that made the address, when one of the two has one.
            let at = if e.src.front.has("slug") || !entries[j].src.front.has("slug") { e } else { &entries[j] };
            diags.push(at.src.at_key(d, "slug"));
        } else {
            seen.insert(&e.path, i);
        }
    }
}
