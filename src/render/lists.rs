//! Lists in pagers, and taxonomy pages: a paginated section or term is rendered once per
//! pager (`paginator` in the context, the document's address and translations those of the
//! pager), each taxonomy's list of terms, and each term's pages.

use super::view::{self, List, Version};
use super::{Failure, Renderer, Writer};
use crate::resolve::pagination::pager_count;
use std::path::PathBuf;
use tera::{Context, Value};

/// What a list page renders: its template, the context variable holding the document (as
/// a value, so each pager can carry its own address), and a content file to name in errors.
pub struct Doc<'a> {
    pub template: &'a str,
    pub var: &'a str,
    pub value: Value,
    pub content: Option<PathBuf>,
}

impl Renderer<'_> {
    /// Renders every pager of `list` (one page when `per` is `None`, without `paginator`).
    pub(super) fn render_pagers(
        &self,
        list: &List,
        versions: &[Version],
        mut ctx: Context,
        mut doc: Doc,
        w: &Writer,
    ) -> Result<(), Failure> {
        let site = self.site();
        let paginated = list.per > 0;
        let count = if paginated { list.pagers() } else { 1 };
        for n in 1..=count {
            let path = site.pager_path(list.base, list.lang, n);
            if paginated {
                ctx.insert("paginator", &view::paginator(site, list, n));
            }
            if n > 1 {
                if let Value::Object(map) = &mut doc.value {
                    map.insert("url".into(), Value::String(site.url(&path)));
                    map.insert("permalink".into(), Value::String(site.permalink(&path)));
                    let tr = view::pager_translations(site, versions, n, list.lang);
                    map.insert("translations".into(), tera::to_value(tr).unwrap_or(Value::Null));
                }
                ctx.insert("current_url", &site.url(&path));
                ctx.insert("current_path", &path);
            }
            // The last pager takes the value; the others a copy.
            let value = if n == count { std::mem::take(&mut doc.value) } else { doc.value.clone() };
            super::put(&mut ctx, doc.var, value);
            let html = self.teras[list.lang].render(doc.template, &ctx).map_err(|err| {
                Failure::Template(self.templates.error(&err, Some(doc.template)), doc.content.clone())
            })?;
            w.text(&format!("{}index.html", &path[1..]), html).map_err(|d| Failure::Diags(vec![d]))?;
        }
        Ok(())
    }

    /// Every taxonomy's list page and every term's pages.
    pub(super) fn render_taxonomies(&self, w: &Writer) -> Vec<Failure> {
        let site = self.site();
        let mut failures = Vec::new();
        for (ti, t) in site.taxonomies.iter().enumerate() {
            if let Err(f) = self.render_taxonomy(ti, w) {
                failures.push(f);
            }
            for i in 0..t.terms.len() {
                if let Err(f) = self.render_term(ti, i, w) {
                    failures.push(f);
                }
            }
        }
        failures
    }

    fn template(&self, ti: usize, kind: &str) -> String {
        let site = self.site();
        site.taxonomy_template(&site.taxonomies[ti], kind, |n| self.templates.has(n))
            .unwrap_or_else(|| format!("taxonomy_{kind}.html"))
    }

    fn render_taxonomy(&self, ti: usize, w: &Writer) -> Result<(), Failure> {
        let site = self.site();
        let t = &site.taxonomies[ti];
        let mut ctx = self.base_context(t.lang, &t.path, "taxonomy_list");
        let terms: Vec<view::TermView> = (0..t.terms.len()).map(|i| view::term(site, ti, i, true)).collect();
        ctx.insert("terms", &terms);
        let value = tera::to_value(view::taxonomy(site, ti)).unwrap_or(Value::Null);
        let template = self.template(ti, "list");
        let list = List { base: &t.path, lang: t.lang, items: &[], per: 0 };
        self.render_pagers(&list, &[], ctx, Doc { template: &template, var: "taxonomy", value, content: None }, w)
    }

    fn render_term(&self, ti: usize, i: usize, w: &Writer) -> Result<(), Failure> {
        let site = self.site();
        let t = &site.taxonomies[ti];
        let term = &t.terms[i];
        let mut ctx = self.base_context(t.lang, &term.path, "taxonomy_single");
        ctx.insert("taxonomy", &view::taxonomy(site, ti));
        let value = tera::to_value(view::term(site, ti, i, true)).unwrap_or(Value::Null);
        let template = self.template(ti, "single");
        let per = site.taxonomy_config(t).paginate_by.unwrap_or(0);
        let list = List { base: &term.path, lang: t.lang, items: &term.pages, per };
        let versions = view::term_versions(site, ti, i);
        self.render_pagers(&list, &versions, ctx, Doc { template: &template, var: "term", value, content: None }, w)
    }
}

/// The language versions of a section, as lists with their number of pagers.
pub fn section_versions<'a>(site: &'a crate::resolve::Site, id: usize) -> Vec<Version<'a>> {
    site.entries[id]
        .translations
        .iter()
        .map(|&t| {
            let e = &site.entries[t];
            Version {
                lang: e.lang(),
                title: &e.src.fm.title,
                base: &e.path,
                pagers: pager_count(e.pages.len(), e.paginate_by),
            }
        })
        .collect()
}
