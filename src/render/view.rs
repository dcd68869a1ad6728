//! What templates see: serializable views of the site model, built on demand from borrowed
//! data (no page body is copied into a view; only the page being rendered carries its HTML).

use crate::load::content::EntryKind;
use crate::render::markdown::TocEntry;
use crate::resolve::{Entry, Site};
use serde::Serialize;

#[derive(Serialize)]
pub struct EntryView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<&'a str>,
    pub updated: Option<&'a str>,
    pub weight: Option<i64>,
    pub draft: bool,
    pub extra: &'a serde_json::Value,
    pub lang: &'a str,
    pub url: String,
    pub permalink: String,
    pub relative_path: &'a str,
    /// Zola's: the folder a bundle's or section's files are named from, relative to
    /// `content/` (`notizie/c40/`), so a shortcode can pass `image()` the file beside the
    /// page; absent for a page that is a single file.
    pub colocated_path: Option<String>,
    /// Sections with `feed = true`: the URL of their Atom feed.
    pub feed_url: Option<String>,
    pub translations: Vec<TranslationView<'a>>,
    pub ancestors: Vec<LinkView<'a>>,
    pub assets: Vec<&'a str>,
    /// Zola's `page.taxonomies`: terms by taxonomy name, as written.
    pub taxonomies: &'a std::collections::BTreeMap<String, Vec<String>>,
    /// The same terms with their pages' URLs, in the order the site lists its taxonomies.
    pub terms: Vec<TermLink<'a>>,
    pub word_count: usize,
    pub reading_time: usize,
    /// Zola's: the HTML before `<!-- more -->`, when the page has one and a template reads it.
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toc: Option<&'a [TocEntry]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<EntryView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subsections: Option<Vec<EntryView<'a>>>,
    /// Zola's neighbours of a page in its section's order (the page being rendered only):
    /// `lower` the earlier (by date) or lighter (by weight, or before it by title), `higher`
    /// the other; absent at the ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lower: Option<Box<EntryView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub higher: Option<Box<EntryView<'a>>>,
}

#[derive(Serialize)]
pub struct TranslationView<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub current: bool,
}

/// A term of a page, linked to its page.
#[derive(Serialize)]
pub struct TermLink<'a> {
    pub taxonomy: &'a str,
    pub name: &'a str,
    pub url: String,
}

fn term_links<'a>(site: &'a Site, e: &'a Entry) -> Vec<TermLink<'a>> {
    let mut out = Vec::new();
    for t in site.taxonomies.iter().filter(|t| t.lang == e.lang()) {
        let name = &site.taxonomy_config(t).name;
        for term in e.src.fm.taxonomies.get(name).into_iter().flatten() {
            let slug = crate::slug::slugify(term);
            if let Some(x) = t.terms.iter().find(|x| x.slug == slug) {
                out.push(TermLink { taxonomy: name, name: term, url: site.url(&x.path) });
            }
        }
    }
    out
}

#[derive(Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub base_url: &'a str,
    pub default_language: &'a str,
    pub languages: Vec<LanguageView<'a>>,
    pub menu: Vec<MenuView>,
    /// The URL of this language's search page when `search = true`, else none.
    pub search_url: Option<String>,
    /// This language's taxonomies, in site.toml's order (`get_taxonomy` gives their terms).
    pub taxonomies: Vec<TaxonomyLink<'a>>,
    pub extra: &'a serde_json::Value,
}

#[derive(Serialize)]
pub struct TaxonomyLink<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct LanguageView<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub url: String,
}

#[derive(Serialize)]
pub struct MenuView {
    pub name: String,
    pub url: String,
    pub external: bool,
}

/// How much of an entry to show.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// A page or section in a list: no content, no listings.
    Summary,
    /// A section from `get_section`: its pages as summaries, no content.
    WithPages,
    /// The entry being rendered.
    Full,
}

pub fn entry<'a>(site: &'a Site, id: usize, depth: Depth, content: Option<(&'a str, &'a [TocEntry])>) -> EntryView<'a> {
    let e: &Entry = &site.entries[id];
    let fm = &e.src.fm;
    let words = e.src.word_count;
    let listing = |ids: &[usize]| ids.iter().map(|&i| entry(site, i, Depth::Summary, None)).collect();
    let is_section = e.kind() == EntryKind::Section;
    EntryView {
        title: &fm.title,
        description: fm.description.as_deref(),
        date: fm.date.as_ref().map(|d| d.0.as_str()),
        updated: fm.updated.as_ref().map(|d| d.0.as_str()),
        weight: fm.weight,
        draft: fm.draft,
        extra: &fm.extra,
        lang: &site.config.languages[e.lang()].code,
        url: site.url(&e.path),
        permalink: site.permalink(&e.path),
        relative_path: &e.src.rel,
        colocated_path: colocated_path(&e.src),
        feed_url: e.feed_file().map(|f| site.url(&f)),
        translations: e
            .translations
            .iter()
            .map(|&t| {
                let te = &site.entries[t];
                TranslationView {
                    lang: &site.config.languages[te.lang()].code,
                    title: &te.src.fm.title,
                    url: site.url(&te.path),
                    permalink: site.permalink(&te.path),
                    current: t == id,
                }
            })
            .collect(),
        ancestors: e
            .ancestors
            .iter()
            .map(|&a| LinkView { title: &site.entries[a].src.fm.title, url: site.url(&site.entries[a].path) })
            .collect(),
        assets: e.assets.iter().map(|&a| site.assets[a].rel.as_str()).collect(),
        taxonomies: &fm.taxonomies,
        terms: term_links(site, e),
        word_count: words,
        reading_time: words.div_ceil(200).max(1),
        summary: site.summaries.get().and_then(|s| s.get(&id)).map(String::as_str),
        content: content.map(|c| c.0),
        toc: content.map(|c| c.1),
        pages: (is_section && depth != Depth::Summary).then(|| listing(&e.pages)),
        subsections: (is_section && depth == Depth::Full).then(|| listing(&e.subsections)),
        lower: neighbour(site, id, depth, Side::Lower),
        higher: neighbour(site, id, depth, Side::Higher),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Lower,
    Higher,
}

/// The page next to page `id` in its section's list, on `side`, as a summary: a section
/// sorted by date lists the newest first, so its lower (earlier) page is the next one; by
/// weight or title the lower is the one before.
fn neighbour(site: &Site, id: usize, depth: Depth, side: Side) -> Option<Box<EntryView<'_>>> {
    let e = &site.entries[id];
    if depth != Depth::Full || e.kind() != EntryKind::Page || !site.neighbours {
        return None;
    }
    let section = &site.entries[*e.ancestors.last()?];
    let at = section.pages.iter().position(|&p| p == id)?;
    let newest_first = section.src.fm.sort_by == crate::load::front_matter::SortBy::Date;
    let next = (side == Side::Lower) == newest_first;
    let other = if next { section.pages.get(at + 1) } else { at.checked_sub(1).and_then(|i| section.pages.get(i)) };
    other.map(|&o| Box::new(entry(site, o, Depth::Summary, None)))
}

pub fn site_view(site: &Site, lang: usize) -> SiteView<'_> {
    let l = &site.config.languages[lang];
    SiteView {
        title: &l.title,
        description: l.description.as_deref(),
        base_url: &site.config.base_url,
        default_language: &site.config.languages[0].code,
        languages: site
            .config
            .languages
            .iter()
            .enumerate()
            .map(|(i, lang)| LanguageView {
                code: &lang.code,
                title: &lang.title,
                url: site.url(&site.lang_home_path(i)),
            })
            .collect(),
        menu: site.menus[lang]
            .iter()
            .map(|m| MenuView { name: m.name.clone(), url: m.url.clone(), external: m.external })
            .collect(),
        search_url: site.config.search.then(|| site.url(&crate::render::search_path(site, lang))),
        taxonomies: site
            .taxonomies
            .iter()
            .filter(|t| t.lang == lang)
            .map(|t| {
                let c = site.taxonomy_config(t);
                TaxonomyLink { name: &c.name, title: &c.title, url: site.url(&t.path) }
            })
            .collect(),
        extra: &site.config.extra,
    }
}

/// The folder of `src`'s own files: a bundle's, or a section's (`""` for the home).
fn colocated_path(src: &crate::load::content::Source) -> Option<String> {
    let folder = match src.kind {
        EntryKind::Section => Some(src.key.as_str()),
        EntryKind::Page => src.bundle.as_deref(),
    }?;
    Some(if folder.is_empty() { String::new() } else { format!("{folder}/") })
}

/// Zola's `paginator`: one pager of a paginated list.
#[derive(Serialize)]
pub struct PaginatorView<'a> {
    pub paginate_by: usize,
    /// What a pager's number follows in its URL (`…/reti/pagina/`), as in Zola: a template
    /// may write `{{ paginator.base_url }}{{ i }}`.
    pub base_url: String,
    pub number_pagers: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Every pager's URL, the first pager's first: numbered links need them, and the
    /// localized segment (`pagina`) is not the template's to guess.
    pub pagers: Vec<String>,
    /// This pager's pages, as summaries.
    pub pages: Vec<EntryView<'a>>,
    /// 1-based.
    pub current_index: usize,
    /// Pages in the whole list.
    pub total_pages: usize,
}

/// A paginated list: where it is, in which language, what it lists and how many a pager.
pub struct List<'a> {
    pub base: &'a str,
    pub lang: usize,
    pub items: &'a [usize],
    pub per: usize,
}

impl List<'_> {
    pub fn pagers(&self) -> usize {
        crate::resolve::pagination::pager_count(self.items.len(), Some(self.per))
    }
}

pub fn paginator<'a>(site: &'a Site, list: &List<'a>, n: usize) -> PaginatorView<'a> {
    let count = list.pagers();
    let url = |k: usize| site.url(&site.pager_path(list.base, list.lang, k));
    let start = (n - 1) * list.per;
    let pages = list.items.iter().skip(start).take(list.per).map(|&i| entry(site, i, Depth::Summary, None)).collect();
    PaginatorView {
        paginate_by: list.per,
        base_url: site.url(&site.pager_base(list.base, list.lang)),
        number_pagers: count,
        first: url(1),
        last: url(count),
        previous: (n > 1).then(|| url(n - 1)),
        next: (n < count).then(|| url(n + 1)),
        pagers: (1..=count).map(url).collect(),
        pages,
        current_index: n,
        total_pages: list.items.len(),
    }
}

/// A language version of a list, for the pager translations: its language, title, address
/// and number of pagers.
pub struct Version<'a> {
    pub lang: usize,
    pub title: &'a str,
    pub base: &'a str,
    pub pagers: usize,
}

/// The versions of pager `n` that exist: a translated list with fewer pagers has none.
pub fn pager_translations<'a>(
    site: &'a Site,
    versions: &[Version<'a>],
    n: usize,
    current: usize,
) -> Vec<TranslationView<'a>> {
    versions
        .iter()
        .filter(|v| v.pagers >= n)
        .map(|v| {
            let path = site.pager_path(v.base, v.lang, n);
            TranslationView {
                lang: &site.config.languages[v.lang].code,
                title: v.title,
                url: site.url(&path),
                permalink: site.permalink(&path),
                current: v.lang == current,
            }
        })
        .collect()
}

/// A taxonomy term, as `term` on its page and in `terms` on the list.
#[derive(Serialize)]
pub struct TermView<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    /// The name with a capital first letter, for headings, titles and breadcrumbs.
    pub title: String,
    pub description: Option<&'a str>,
    /// The newest `updated` (else `date`) of its pages.
    pub updated: Option<&'a str>,
    pub lang: &'a str,
    pub url: String,
    pub permalink: String,
    pub page_count: usize,
    pub feed_url: Option<String>,
    pub draft: bool,
    pub translations: Vec<TranslationView<'a>>,
    /// The taxonomy's list, for breadcrumbs.
    pub ancestors: Vec<LinkView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<EntryView<'a>>>,
}

/// A taxonomy, as `taxonomy` on its pages.
#[derive(Serialize)]
pub struct TaxonomyView<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// The newest `updated` (else `date`) of the pages of its terms.
    pub updated: Option<&'a str>,
    pub lang: &'a str,
    pub url: String,
    pub permalink: String,
    pub paginate_by: Option<usize>,
    pub feed: bool,
    pub draft: bool,
    pub feed_url: Option<String>,
    pub translations: Vec<TranslationView<'a>>,
}

/// The language versions of a term, as lists (for its pagers' translations).
pub fn term_versions<'a>(site: &'a Site, tax: usize, term: usize) -> Vec<Version<'a>> {
    site.taxonomies[tax].terms[term]
        .translations
        .iter()
        .map(|&(ti, i)| {
            let t = &site.taxonomies[ti];
            let per = site.taxonomy_config(t).paginate_by;
            let term = &t.terms[i];
            let pagers = crate::resolve::pagination::pager_count(term.pages.len(), per);
            Version { lang: t.lang, title: &term.name, base: &term.path, pagers }
        })
        .collect()
}

pub fn term<'a>(site: &'a Site, tax: usize, term: usize, with_pages: bool) -> TermView<'a> {
    let t = &site.taxonomies[tax];
    let x = &t.terms[term];
    let config = site.taxonomy_config(t);
    TermView {
        name: &x.name,
        slug: &x.slug,
        title: capitalized(&x.name),
        description: None,
        updated: site.newest(&x.pages),
        lang: &site.config.languages[t.lang].code,
        url: site.url(&x.path),
        permalink: site.permalink(&x.path),
        page_count: x.pages.len(),
        feed_url: config.feed.then(|| site.url(&format!("{}{}", x.path, crate::resolve::FEED_FILE))),
        draft: false,
        translations: pager_translations(site, &term_versions(site, tax, term), 1, t.lang),
        ancestors: vec![LinkView { title: &config.title, url: site.url(&t.path) }],
        pages: with_pages.then(|| x.pages.iter().map(|&i| entry(site, i, Depth::Summary, None)).collect()),
    }
}

/// `diritti digitali` → `Diritti digitali` (the rest as written: acronyms stay).
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

pub fn taxonomy(site: &Site, tax: usize) -> TaxonomyView<'_> {
    let t = &site.taxonomies[tax];
    let config = site.taxonomy_config(t);
    let versions: Vec<Version> = site
        .taxonomies
        .iter()
        .filter(|o| o.index == t.index)
        .map(|o| Version { lang: o.lang, title: &site.taxonomy_config(o).title, base: &o.path, pagers: 1 })
        .collect();
    TaxonomyView {
        name: &config.name,
        slug: &config.slug,
        title: &config.title,
        description: None,
        updated: site.newest(t.terms.iter().flat_map(|x| &x.pages)),
        lang: &site.config.languages[t.lang].code,
        url: site.url(&t.path),
        permalink: site.permalink(&t.path),
        paginate_by: config.paginate_by,
        feed: config.feed,
        draft: false,
        feed_url: None,
        translations: pager_translations(site, &versions, 1, t.lang),
    }
}
