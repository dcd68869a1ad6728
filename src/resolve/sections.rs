//! Sections and their pages: translations linked both ways, every entry's parent section and
//! ancestors, pages sorted the way their section asks, and bundle and section files attached
//! to the entries they sit beside.

use super::{Entry, Lookup};
use crate::load::content::{Asset, EntryKind, Source};
use crate::load::front_matter::SortBy;

pub fn link_translations(entries: &mut [Entry], lookup: &Lookup, languages: usize) {
    for e in entries.iter_mut() {
        let (kind, key) = (e.kind(), e.src.key.as_str());
        e.translations = (0..languages).filter_map(|l| lookup.get(kind, key, l)).collect();
    }
}

/// The nearest section above a key, in a language.
fn parent_section(key: &str, lang: usize, lookup: &Lookup) -> Option<usize> {
    let mut dir = key;
    loop {
        dir = match dir.rsplit_once('/') {
            Some((up, _)) => up,
            None if dir.is_empty() => return None,
            None => "",
        };
        if let Some(id) = lookup.get(EntryKind::Section, dir, lang) {
            return Some(id);
        }
    }
}

pub fn link_sections(entries: &mut [Entry], lookup: &Lookup) {
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
pub fn attach_assets(entries: &mut [Entry], assets: &[Asset], lookup: &Lookup, languages: usize) {
    for (ai, asset) in assets.iter().enumerate() {
        for lang in 0..languages {
            let owner = lookup
                .get(EntryKind::Page, &asset.owner, lang)
                .filter(|&i| entries[i].src.bundle.is_some())
                .or_else(|| lookup.get(EntryKind::Section, &asset.owner, lang));
            if let Some(i) = owner {
                entries[i].assets.push(ai);
            }
        }
    }
}
