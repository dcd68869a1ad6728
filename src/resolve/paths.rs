//! Addresses: the path of every page and section in its language. A folder's segment in a
//! language is the `slug` of that folder's section in that language, else the folder name
//! as a slug; a page's last segment is its own `slug`, else its file name (without a date
//! it starts with, as in Zola).

use super::Lookup;
use crate::load::config::Config;
use crate::load::content::{EntryKind, Source};

/// Localized path segments: the segment of a folder in a language is the `slug` of that
/// folder's section in that language, else the folder name as a slug.
pub struct Segments<'a> {
    lookup: &'a Lookup,
    slugs: Vec<Option<String>>,
    config: &'a Config,
}

impl<'a> Segments<'a> {
    pub fn new(sources: &[Source], lookup: &'a Lookup, config: &'a Config) -> Self {
        let slugs = sources.iter().map(|s| s.fm.slug.clone()).collect();
        Segments { lookup, slugs, config }
    }

    fn folder_segment(&self, dir: &str, lang: usize) -> String {
        let own = self.lookup.get(EntryKind::Section, dir, lang).and_then(|i| self.slugs[i].clone());
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

    pub fn path_of(&self, s: &Source) -> String {
        match s.kind {
            EntryKind::Section => self.folders_path(&s.key, s.lang),
            EntryKind::Page => {
                page_path(&self.folders_path(s.parent_key().unwrap_or(""), s.lang), s.name(), s.fm.slug.as_deref())
            }
        }
    }
}

/// The address of a page named `name` (its file name without language and extension) in a
/// section at `section_path`: also asked of files that do not exist, by the hint for a link
/// to a page renamed some builds ago.
pub fn page_path(section_path: &str, name: &str, slug: Option<&str>) -> String {
    let name = crate::load::content::dated_name(name).map_or(name, |(_, rest)| rest);
    let seg = slug.map_or_else(|| crate::slug::slugify(name), str::to_owned);
    format!("{section_path}{}/", if seg.is_empty() { "page" } else { &seg })
}
