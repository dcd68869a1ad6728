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
    /// The URL of this language's search page when `search = true`, else none.
    pub search_url: Option<String>,
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
        search_url: site.config.search.then(|| site.url(&crate::render::search_path(site, lang))),
        extra: &site.config.extra,
    }
}
