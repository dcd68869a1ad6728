//! Addresses that would disappear. A city's pages are linked from everywhere — other sites,
//! newsletters, printed material — so a build that would stop publishing an address the
//! last build published (a page renamed with `git mv`, deleted, made a draft, an alias
//! dropped) fails, naming for each address the `aliases` line that keeps it working and the
//! file to add it to, unless `--allow-removed` says the address may go. The last build's
//! addresses come from the manifest beside the output folder (`output::manifest`).

use crate::diag::{Diagnostic, Kind};
use crate::msg;
use crate::output::{Manifest, Published};
use crate::resolve::aliases::Alias;
use crate::resolve::Site;
use std::path::Path;

/// What this build publishes: every page and section, and every alias. Drafts of a
/// `--drafts` build are marked as such.
pub fn published(site: &Site, aliases: &[Alias]) -> Manifest {
    let mut m = Manifest::default();
    let lang = |l: usize| site.config.languages[l].code.clone();
    for e in &site.entries {
        let p = Published {
            file: e.src.rel.clone(),
            title: e.src.fm.title.clone(),
            lang: lang(e.lang()),
            alias: false,
            draft: e.src.fm.draft,
        };
        m.pages.insert(e.path.clone(), p);
    }
    for a in aliases {
        let e = &site.entries[a.target];
        let p = Published {
            file: e.src.rel.clone(),
            title: e.src.fm.title.clone(),
            lang: lang(e.lang()),
            alias: true,
            // A draft's aliases are a preview's too: recorded, the next build would miss them.
            draft: e.src.fm.draft,
        };
        m.pages.entry(site_path_of_alias(&a.from)).or_insert(p);
    }
    m
}

/// `/old` and `/old/` are one address (the alias is written as `old/index.html`).
fn site_path_of_alias(from: &str) -> String {
    if from.ends_with(".html") || from.ends_with(".htm") || from.ends_with('/') {
        from.to_owned()
    } else {
        format!("{from}/")
    }
}

/// The manifest to record after this build: what it published, less its drafts (a
/// `--drafts` build is a preview, not what hosts serve), plus the addresses of `previous`
/// that are drafts here, so the next build still knows they were published.
/// Takes `now` (a copy of ten thousand addresses was a thirtieth of a one-page rebuild).
pub fn to_record(mut now: Manifest, previous: Option<&Manifest>) -> Manifest {
    let drafts: Vec<String> = now.pages.iter().filter(|(_, p)| p.draft).map(|(path, _)| path.clone()).collect();
    now.pages.retain(|_, p| !p.draft);
    for path in drafts {
        if let Some(p) = previous.and_then(|m| m.pages.get(&path)) {
            now.pages.insert(path, Published { draft: false, ..p.clone() });
        }
    }
    now
}

/// The addresses the last build published that this one would not, one error each.
pub fn removed(site: &Site, previous: &Manifest, now: &Manifest) -> Vec<Diagnostic> {
    previous
        .pages
        .iter()
        .filter(|(path, _)| !now.pages.contains_key(*path))
        .map(|(path, was)| removed_one(site, previous, path, was))
        .collect()
}

fn removed_one(site: &Site, previous: &Manifest, path: &str, was: &Published) -> Diagnostic {
    let gone = |message: String| Diagnostic::error(Kind::RemovedUrl, message);
    // Its page, or the page it was an alias of, is a draft now: not a file that went away.
    if let Some(d) = site.drafts.iter().find(|d| d.rel == was.file) {
        return gone(msg!(RemovedDraft, path = path, file = d.rel.as_str()))
            .in_file(Path::new("content").join(&d.rel))
            .line_only(1)
            .hint(msg!(RemovedDraftHint));
    }
    let Some(r) = replacement(site, previous, was) else {
        return gone(msg!(RemovedGone, path = path, file = was.file.as_str(), title = was.title.as_str()))
            .hint(msg!(RemovedGoneHint, path = path));
    };
    let e = &site.entries[r];
    let (file, new_path) = (e.src.rel.as_str(), e.path.as_str());
    let why = if was.alias {
        msg!(RemovedAlias, path = path, file = file)
    } else if e.src.rel == was.file {
        msg!(RemovedMoved, path = path, file = file, new_path = new_path)
    } else {
        msg!(RemovedRenamed, path = path, file = was.file.as_str(), new_file = file, new_path = new_path)
    };
    let hint = if e.src.fm.aliases.is_empty() {
        msg!(RemovedRenamedHint, path = path, file = file)
    } else {
        msg!(RemovedAddAliasHint, path = path, file = file)
    };
    e.src.at_key(gone(why), "aliases").hint(hint)
}

/// The page that most likely took the place of one the last build published: the same file
/// (its slug changed), else the one new page of that language with the same title, else the
/// one new page of that language in the same folder.
pub fn replacement(site: &Site, previous: &Manifest, was: &Published) -> Option<usize> {
    let same_lang = |i: &usize| site.config.languages[site.entries[*i].lang()].code == was.lang;
    let ids = || (0..site.entries.len()).filter(same_lang);
    if let Some(i) = ids().find(|&i| site.entries[i].src.rel == was.file) {
        return Some(i);
    }
    let new = |i: &usize| !previous.pages.contains_key(&site.entries[*i].path);
    let only = |found: Vec<usize>| if found.len() == 1 { Some(found[0]) } else { None };
    let titled: Vec<usize> = ids().filter(new).filter(|&i| site.entries[i].src.fm.title == was.title).collect();
    if let Some(i) = only(titled) {
        return Some(i);
    }
    let folder = |rel: &str| rel.trim_end_matches("/index.md").rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let wanted = folder(&was.file);
    only(ids().filter(new).filter(|&i| folder(&site.entries[i].src.rel) == wanted).collect())
}

/// What to tell a link that points at an address the last build published: the page was
/// removed or renamed since, and where it went if that can be told.
pub fn removed_hint(site: &Site, previous: &Manifest, path: &str) -> Option<String> {
    let was = previous.pages.get(path)?;
    let (file, title) = (was.file.as_str(), was.title.as_str());
    Some(match replacement(site, previous, was) {
        Some(r) => {
            let e = &site.entries[r];
            let (new_file, new_path) = (e.src.rel.as_str(), e.path.as_str());
            msg!(
                RemovedLinkRenamedHint,
                path = path,
                file = file,
                title = title,
                new_file = new_file,
                new_path = new_path
            )
        }
        None => msg!(RemovedLinkHint, path = path, file = file, title = title),
    })
}

/// The address the last build published for a content file in a language.
pub fn previous_path<'m>(previous: &'m Manifest, file: &str, lang: &str) -> Option<&'m str> {
    let found = |l: &str| previous.pages.iter().find(|(_, p)| !p.alias && p.file == file && p.lang == l);
    found(lang).map(|(path, _)| path.as_str())
}
