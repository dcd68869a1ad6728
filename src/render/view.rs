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
    /// Sections with `feed = true`: the URL of their Atom feed.
    pub feed_url: Option<String>,
    pub translations: Vec<TranslationView<'a>>,
    pub ancestors: Vec<LinkView<'a>>,
    pub assets: Vec<&'a str>,
    pub word_count: usize,
    pub reading_time: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toc: Option<&'a [TocEntry]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<Vec<EntryView<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subsections: Option<Vec<EntryView<'a>>>,
}

#[derive(Serialize)]
pub struct TranslationView<'a> {
    pub lang: &'a str,
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub current: bool,
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
    pub extra: &'a serde_json::Value,
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
        word_count: words,
        reading_time: words.div_ceil(200).max(1),
        content: content.map(|c| c.0),
        toc: content.map(|c| c.1),
        pages: (is_section && depth != Depth::Summary).then(|| listing(&e.pages)),
        subsections: (is_section && depth == Depth::Full).then(|| listing(&e.subsections)),
    }
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
        extra: &site.config.extra,
    }
}

/// Zola's `paginator`: one pager of a paginated list.
#[derive(Serialize)]
pub struct PaginatorView<'a> {
    pub paginate_by: usize,
    /// The list's own URL (its first pager).
    pub base_url: String,
    pub number_pagers: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
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
        base_url: site.url(list.base),
        number_pagers: count,
        first: url(1),
        last: url(count),
        previous: (n > 1).then(|| url(n - 1)),
        next: (n < count).then(|| url(n + 1)),
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
    /// The name again, so layouts that show `doc.title` work unchanged.
    pub title: &'a str,
    pub description: Option<&'a str>,
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
        title: &x.name,
        description: None,
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
