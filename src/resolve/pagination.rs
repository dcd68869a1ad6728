//! Pagination: a section (`paginate_by` in its front matter) or a taxonomy term
//! (`paginate_by` in site.toml) split into pagers of N pages. The first pager is the list's
//! own address; the others sit under a segment localized per language (`/reti/pagina/2/`,
//! `/en/networks/page/2/`), read from `pagination.path` in the i18n files.

use super::Site;
use crate::diag::{Diagnostic, Kind};
use crate::load::i18n::I18n;
use crate::msg;

/// The pager segment of a language whose strings do not give one (Zola's).
pub const DEFAULT_SEGMENT: &str = "page";

/// The i18n key of the pager segment.
pub const SEGMENT_KEY: &str = "pagination.path";

/// Reads each language's pager segment from its strings; one that is not a single slug is
/// an error at its value.
pub fn localize(site: &mut Site, i18n: &I18n) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for lang in 0..site.config.languages.len() {
        let Some(text) = i18n.text(lang, SEGMENT_KEY) else { continue };
        match crate::slug::validate_slug(text) {
            Ok(seg) if seg == text => site.pager_segments[lang] = seg,
            _ => {
                let segment = text.escape_debug().to_string();
                let d =
                    Diagnostic::error(Kind::BadPagination, msg!(PagerSegment, key = SEGMENT_KEY, segment = segment));
                let d = match i18n.files.get(lang) {
                    Some(file) if file.has(SEGMENT_KEY) => file.at_value(d, SEGMENT_KEY),
                    _ => d,
                };
                diags.push(d.hint(msg!(PagerSegmentHint)));
            }
        }
    }
    diags
}

/// How many pagers `items` pages make at `per` a pager (one, even for none).
pub fn pager_count(items: usize, per: Option<usize>) -> usize {
    match per {
        Some(per) if per > 0 => items.div_ceil(per).max(1),
        _ => 1,
    }
}

impl Site {
    /// The site path of pager `n` (1-based) of the list at `base` in `lang`.
    pub fn pager_path(&self, base: &str, lang: usize, n: usize) -> String {
        if n <= 1 {
            base.to_owned()
        } else {
            format!("{base}{}/{n}/", self.pager_segments[lang])
        }
    }

    /// Where `/reti/page/1/` redirects from: the first pager's alternative address.
    pub fn first_pager_alias(&self, base: &str, lang: usize) -> String {
        format!("{}1/", self.pager_base(base, lang))
    }

    /// What a pager's number follows in its address (`/reti/pagina/`): Zola's
    /// `paginator.base_url`, to which templates append the number.
    pub fn pager_base(&self, base: &str, lang: usize) -> String {
        format!("{base}{}/", self.pager_segments[lang])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_pagers() {
        assert_eq!(super::pager_count(0, Some(3)), 1);
        assert_eq!(super::pager_count(3, Some(3)), 1);
        assert_eq!(super::pager_count(4, Some(3)), 2);
        assert_eq!(super::pager_count(10, None), 1);
    }
}
