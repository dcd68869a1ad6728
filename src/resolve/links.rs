//! Internal links: `@/reti/c40.md#storia` names a content file, and points at that page in
//! the linking page's language (else the default language's).

use super::Site;

impl Site {
    /// Resolves an internal link (`@/reti/c40.md#anchor`) for a page in `lang`: the target
    /// in that language, else in the default language. Returns the entry and the anchor.
    pub fn resolve_internal<'l>(&self, link: &'l str, lang: usize) -> Result<(usize, Option<&'l str>), String> {
        let target = link.strip_prefix("@/").unwrap_or(link);
        let (file, anchor) = match target.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (target, None),
        };
        let Some(name) = crate::load::content::parse_file_name(file) else {
            return Err(crate::msg!(InternalNotMarkdown, link = link));
        };
        let explicit = name.lang.as_deref().and_then(|c| self.config.language_index(c));
        if name.lang.is_some() && explicit.is_none() {
            return Err(crate::msg!(InternalUnknownLanguage, link = link));
        }
        let wanted = explicit.unwrap_or(lang);
        let found = self.get(name.kind, &name.key, wanted).or_else(|| {
            if explicit.is_none() {
                self.get(name.kind, &name.key, 0)
            } else {
                None
            }
        });
        if let Some(id) = found {
            return Ok((id, anchor));
        }
        match self.drafts.iter().find(|d| d.kind == name.kind && d.key == name.key && (d.lang == wanted || d.lang == 0))
        {
            Some(d) => Err(crate::msg!(InternalToDraft, link = link, file = d.rel.as_str())),
            None => Err(crate::msg!(InternalMissingFile, link = link, file = file)),
        }
    }

    /// The draft that would be published at a site path, if any.
    pub fn draft_at(&self, path: &str) -> Option<&super::Draft> {
        self.drafts.iter().find(|d| d.path == path)
    }

    /// The URL a link destination written in a page of `lang` stands for: `@/` links
    /// resolved (with their anchor), root-relative ones under the base path, others as they
    /// are.
    pub fn link_url(&self, dest: &str, lang: usize) -> Result<String, String> {
        if !dest.starts_with("@/") {
            return Ok(if dest.starts_with('/') && !dest.starts_with("//") { self.url(dest) } else { dest.to_owned() });
        }
        self.resolve_internal(dest, lang).map(|(target, anchor)| {
            let url = self.url(&self.entries[target].path);
            anchor.map_or(url.clone(), |a| format!("{url}#{a}"))
        })
    }

    /// Every entry's key in the default language, for "did you mean" suggestions.
    pub fn known_links(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().filter(|e| e.lang() == 0).map(|e| e.src.rel.as_str())
    }
}

/// The candidate a mistyped path most likely meant: in the same folder, a name that is
/// mostly the same; in another folder, only a path one character away. (A looser match sent
/// the readers of a removed page to an unrelated one: `../efus/` got `/reti/c40/`.)
pub fn close_path<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // `@/Reti/C40.md` for `reti/c40.md`: capitals are not a typo the distances below forgive
    // in a folder's name.
    if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(wanted)) {
        return Some(same);
    }
    let split = |p: &'a str| -> (&'a str, &'a str) {
        let t = p.trim_end_matches('/');
        t.rsplit_once('/').unwrap_or(("", t))
    };
    let (dir, name) = {
        let t = wanted.trim_end_matches('/');
        t.rsplit_once('/').unwrap_or(("", t))
    };
    candidates
        .into_iter()
        .filter_map(|c| {
            let (cdir, cname) = split(c);
            let score = if cdir == dir {
                strsim::normalized_levenshtein(name, cname)
            } else if strsim::levenshtein(wanted, c) <= 1 {
                0.9
            } else {
                0.0
            };
            (score >= 0.6).then_some((score, c))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}
