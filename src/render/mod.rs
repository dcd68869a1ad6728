//! Render: every page and section to HTML in parallel (Markdown, then its template), and the
//! 404 pages, handed finished (`finish`) to a `Sink`. Nothing here decides where or whether
//! files land on disk: `output` implements the sinks.

pub mod finish;
pub mod functions;
pub mod images;
mod lists;
pub mod markdown;
pub mod md_cache;
mod placeholder;
pub mod raw_html;
pub mod reuse;
pub mod shortcodes;
pub mod trace;
pub mod view;

use crate::diag::{Diagnostic, Kind};
use crate::load::content::EntryKind;
use crate::load::templates::Templates;
use crate::resolve::{Entry, Site};
use finish::Finish;
use functions::Shared;
use markdown::Link;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::{Path, PathBuf};
use tera::{Context, Tera};
use view::Depth;

/// Where rendered files go. `rel` is a `/`-separated path inside the output.
pub trait Sink: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    fn copy(&self, rel: &str, from: &Path) -> io::Result<()>;
    /// A file that belongs beside the output folder, not in what a host serves (a server
    /// configuration to include): `name` is appended to the output folder's name. Sinks
    /// that serve the site themselves ignore it.
    fn write_beside(&self, _name: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
    /// Whether the sink still has `rel` as the last build left it (`stamp`, when the last
    /// build recorded one), so that the page need not be rendered again.
    fn holds(&self, _rel: &str, _stamp: Option<&crate::stamp::Stamp>) -> bool {
        false
    }
    /// The bytes of `rel` as the last build left it (a kept file), when the sink can say.
    fn read_kept(&self, _rel: &str) -> Option<Vec<u8>> {
        None
    }
    /// Publishes `rel` as the last build left it; only after `holds` said it can. `ids` are
    /// those the last build found in it (HTML files).
    fn keep(&self, rel: &str, _ids: Option<&Ids>) -> io::Result<()> {
        Err(io::Error::other(crate::msg!(KeepNotHeld, rel = rel)))
    }
}

/// The ids in an HTML file, sorted, without repeats: one list shared by the link checks and
/// the page's trace for the build record (each kept a copy of its own, a set and a list).
pub type Ids = std::sync::Arc<[String]>;

/// Writes files into a sink, finished as the build asks (relative links, minified).
pub struct Writer<'a> {
    pub sink: &'a dyn Sink,
    pub finish: Finish,
    /// The site's path prefix (`/` or `/prefix/`), for relative links.
    pub base_path: &'a str,
}

impl Writer<'_> {
    /// Writes a generated text file.
    pub fn text(&self, rel: &str, text: String) -> Result<(), Diagnostic> {
        let bytes = self.finish.apply(rel, self.base_path, text.into_bytes());
        self.sink.write(rel, &bytes).map_err(|err| write_error(rel, err))
    }

    /// Copies a file as it is, unless finishing changes it (a stylesheet's `url()`s made
    /// relative, CSS and JavaScript minified). `shown` names the source for people.
    pub fn copy(&self, rel: &str, src: &Path, shown: &Path) -> Result<(), Diagnostic> {
        if self.finish.touches_path(rel) {
            let text = std::fs::read_to_string(src).map_err(|e| write_error(rel, e).in_file(shown))?;
            return self.text(rel, text);
        }
        self.sink.copy(rel, src).map_err(|e| write_error(rel, e).in_file(shown))
    }
}

pub fn write_error(rel: &str, err: io::Error) -> Diagnostic {
    Diagnostic::error(Kind::OutputWrite, crate::msg!(CannotWrite, rel = rel, error = err.to_string()))
        .hint(crate::msg!(CannotWriteHint))
}

/// What rendering a page's Markdown found: its heading ids and its links, kept so that
/// checks need not render it again, and its HTML, for the feeds and the search index (empty
/// when neither reads it: `html_kept`).
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Scan {
    pub ids: Vec<String>,
    pub links: Vec<Link>,
    /// Links and images Markdown did not read because their address has a space.
    pub spaced: Vec<std::ops::Range<usize>>,
    pub html: String,
}

impl Scan {
    /// Without the room its lists grew into: a build holds every page's scan until the
    /// links are checked.
    fn shrunk(mut self) -> Scan {
        self.ids.shrink_to_fit();
        self.links.shrink_to_fit();
        self.spaced.shrink_to_fit();
        self
    }
}

pub struct Renderer<'a> {
    pub shared: &'a std::sync::Arc<Shared>,
    pub teras: &'a [Tera],
    pub templates: &'a Templates,
    /// What the last build made that this one may keep (`reuse`).
    pub reuse: Option<&'a reuse::Reuse>,
    /// Where each entry's rendered Markdown is kept between builds (`md_cache`).
    pub markdown_store: Option<&'a dyn md_cache::Store>,
    /// Let each entry's body go once it is rendered (`Source::release_body`): a build has
    /// no more use for it, and the bodies were a third of its peak memory.
    pub release_bodies: bool,
}

/// What rendering the entries gave: per entry, in entry order, its scan and, when the
/// build keeps a record, how it was made.
pub struct Pages {
    pub scans: Vec<Scan>,
    pub made: Vec<Option<reuse::Made>>,
}

/// A page that failed: its diagnostics, or a template error with the content file it was
/// rendering (so one mistake in a shared template is reported once, with a count).
enum Failure {
    Diags(Vec<Diagnostic>),
    Template(Diagnostic, Option<PathBuf>),
}

impl Renderer<'_> {
    pub fn site(&self) -> &Site {
        &self.shared.site
    }

    /// Renders every entry (or keeps what the last build made of it) and the 404 pages; all
    /// errors are collected, none stops the others.
    pub fn render_pages(&self, w: &Writer) -> Result<Pages, Vec<Diagnostic>> {
        let site = self.site();
        let keep = html_kept(site);
        let results: Vec<Result<(Scan, Option<reuse::Made>), Failure>> =
            (0..site.entries.len()).into_par_iter().map(|id| self.render_one(id, w, keep[id])).collect();
        let mut pages = Pages { scans: Vec::with_capacity(results.len()), made: Vec::with_capacity(results.len()) };
        let mut failures = Vec::new();
        for r in results {
            match r {
                Ok((scan, made)) => {
                    pages.scans.push(scan);
                    pages.made.push(made);
                }
                Err(f) => failures.push(f),
            }
        }
        failures.extend(self.render_taxonomies(w));
        for lang in 0..site.config.languages.len() {
            if let Err(f) = self.render_404(lang, w) {
                failures.push(f);
            }
            if let Err(f) = self.render_search(lang, w) {
                failures.push(f);
            }
        }
        if failures.is_empty() {
            Ok(pages)
        } else {
            Err(report(failures))
        }
    }

    fn render_one(&self, id: usize, w: &Writer, keep_html: bool) -> Result<(Scan, Option<reuse::Made>), Failure> {
        let result = self.render_or_reuse(id, w, keep_html);
        if self.release_bodies {
            self.site().entries[id].src.release_body();
        }
        result
    }

    /// Renders entry `id`; its Markdown's HTML stays in the `Scan` only when `keep_html`.
    fn render(&self, id: usize, w: &Writer, keep_html: bool) -> Result<Scan, Failure> {
        let site = self.site();
        let e = &site.entries[id];
        let (kind, var) = kind_and_var(e);
        let ctx = self.base_context(e.lang(), &e.path, kind);
        let md_key = self.markdown_key(id, var, kind);
        let md = match self.markdown_kept(id, md_key) {
            Some(md) => md,
            None => {
                // A body the load cache left on disk is read now, and must still be the file's.
                e.src.read_body().map_err(|d| Failure::Diags(vec![d]))?;
                // Links to content that does not exist stay as written: the build checks every
                // link once the whole site is rendered (`build::links`) and fails before applying.
                let (md, read) = trace::record(|| self.markdown(id, &ctx, var));
                if !md.diags.is_empty() {
                    return Err(Failure::Diags(md.diags));
                }
                self.markdown_keep(id, md_key, &md.rendered, &read);
                trace::merge(read);
                md.rendered
            }
        };
        let value = tera::to_value(view::entry(site, id, Depth::Full, Some((&md.html, &md.toc)))).map_err(|err| {
            Failure::Diags(vec![Diagnostic::error(
                Kind::TemplateError,
                crate::msg!(TemplateDataPage, error = err.to_string()),
            )])
        })?;
        let template = self.template_for(e);
        let content = Some(Path::new("content").join(&e.src.rel));
        let list = view::List { base: &e.path, lang: e.lang(), items: &e.pages, per: e.paginate_by.unwrap_or(0) };
        let versions = lists::section_versions(site, id);
        self.render_pagers(&list, &versions, ctx, lists::Doc { template: &template, var, value, content }, w)?;
        let html = if keep_html { md.html } else { String::new() };
        Ok(Scan { ids: md.ids, links: md.links, spaced: md.spaced, html }.shrunk())
    }

    /// Zola's `page.summary` of every entry that may have one (`Source::more`): its Markdown
    /// rendered before any template runs, as a listing shows the summaries of others, with
    /// its relative addresses (`doc.pdf`, `#storia`) made root-relative, as they are shown
    /// on other pages. What fails is left to the entry's own render, which reports it.
    pub fn summaries(&self) -> HashMap<usize, String> {
        let site = self.site();
        let more: Vec<usize> = (0..site.entries.len()).filter(|&id| site.entries[id].src.more).collect();
        more.into_par_iter()
            .filter_map(|id| {
                let e = &site.entries[id];
                e.src.read_body().ok()?;
                let (kind, var) = kind_and_var(e);
                let md = self.markdown(id, &self.base_context(e.lang(), &e.path, kind), var);
                let summary = md.rendered.summary.filter(|_| md.diags.is_empty())?;
                Some((id, finish::absolutize(&summary, "", &site.url(&e.path))))
            })
            .collect()
    }

    /// An entry's Markdown with its shortcodes, which see the page's context with the entry
    /// itself as a summary (its content is what they are making).
    fn markdown(&self, id: usize, ctx: &Context, var: &str) -> shortcodes::Page {
        let site = self.site();
        let e = &site.entries[id];
        let mut ctx = ctx.clone();
        if !e.src.shortcodes.is_empty() {
            ctx.insert(var, &view::entry(site, id, Depth::Summary, None));
        }
        let shown = Path::new("content").join(&e.src.rel);
        let body = e.src.body();
        let place = |d: Diagnostic, range: std::ops::Range<usize>| {
            let len = body.get(range.clone()).map_or(1, |s| s.chars().count().min(80));
            d.in_file(&shown).at_offset(&body, e.src.body_line, range.start, len)
        };
        let ex = shortcodes::Expander {
            tera: &self.teras[e.lang()],
            templates: self.templates,
            context: &ctx,
            resolve: &|dest: &str| site.link_url(dest, e.lang()),
            body: &body,
            base_path: &site.config.base_path,
            place: &place,
            image: &|r: &markdown::ImageRef| self.shared.images.markdown(site, e, r),
        };
        shortcodes::render(&ex, &e.src.shortcodes)
    }

    fn render_404(&self, lang: usize, w: &Writer) -> Result<(), Failure> {
        if !self.templates.has("404.html") {
            return Ok(());
        }
        let site = self.site();
        let path = format!("{}404.html", site.lang_home_path(lang));
        let ctx = self.base_context(lang, &path, "404");
        let html = self.teras[lang]
            .render("404.html", &ctx)
            .map_err(|err| Failure::Template(self.templates.error(&err, Some("404.html")), None))?;
        if lang == 0 && path != "/404.html" {
            // Static hosts look for /404.html: give them the default language's.
            w.text("404.html", html.clone()).map_err(|d| Failure::Diags(vec![d]))?;
        }
        w.text(&path[1..], html).map_err(|d| Failure::Diags(vec![d]))
    }

    /// The search page of a language (`search = true` and a `search.html` template), at
    /// `search/` under the language's home.
    fn render_search(&self, lang: usize, w: &Writer) -> Result<(), Failure> {
        let site = self.site();
        if !site.config.search || !self.templates.has("search.html") {
            return Ok(());
        }
        let path = search_path(site, lang);
        let ctx = self.base_context(lang, &path, "search");
        let html = self.teras[lang]
            .render("search.html", &ctx)
            .map_err(|err| Failure::Template(self.templates.error(&err, Some("search.html")), None))?;
        w.text(&format!("{}index.html", &path[1..]), html).map_err(|d| Failure::Diags(vec![d]))
    }

    pub fn template_for(&self, e: &Entry) -> String {
        if let Some(t) = &e.src.fm.template {
            return t.clone();
        }
        match e.kind() {
            EntryKind::Section if e.src.key.is_empty() && self.templates.has("index.html") => "index.html".into(),
            EntryKind::Section => "section.html".into(),
            EntryKind::Page => {
                let site = self.site();
                // The nearest section (in this language, else its original) that sets one.
                e.ancestors
                    .iter()
                    .rev()
                    .find_map(|&a| {
                        let s = &site.entries[a];
                        s.translations
                            .iter()
                            .chain(std::iter::once(&a))
                            .rev()
                            .find_map(|&t| site.entries[t].src.fm.page_template.clone())
                    })
                    .unwrap_or_else(|| "page.html".into())
            }
        }
    }

    fn base_context(&self, lang: usize, path: &str, kind: &str) -> Context {
        let site = self.site();
        let mut ctx = Context::new();
        ctx.insert("lang", &site.config.languages[lang].code);
        ctx.insert("site", &self.shared.site_views[lang]);
        ctx.insert("current_url", &site.url(path));
        ctx.insert("current_path", path);
        ctx.insert("page_kind", kind);
        ctx
    }
}

/// What an entry's template is told it renders, and the name it sees the entry by.
fn kind_and_var(e: &Entry) -> (&'static str, &'static str) {
    match e.kind() {
        EntryKind::Section if e.src.key.is_empty() => ("home", "section"),
        EntryKind::Section => ("section", "section"),
        EntryKind::Page => ("page", "page"),
    }
}

/// Puts a value built for templates into a context as it is. `Context::insert` serializes
/// what it is given into a copy: for a page's value, which holds its whole HTML, that copy
/// was 8% of a cold build's CPU (issue 17).
fn put(ctx: &mut Context, key: &str, value: tera::Value) {
    let one = tera::Value::Object([(key.to_owned(), value)].into_iter().collect());
    // An object always makes a context.
    if let Ok(one) = Context::from_value(one) {
        ctx.extend(one);
    }
}

/// Which entries' rendered Markdown is read after the pages are written: the search index
/// reads every entry's, a feed those of the pages it lists. The others' is dropped as soon as
/// its page is written: kept for every page it was the largest part of a build's memory
/// (about 300 MB of 855 MB at 25,000 pages per language, issue 17), growing with the site.
fn html_kept(site: &Site) -> Vec<bool> {
    if site.config.search {
        return vec![true; site.entries.len()];
    }
    let mut keep = vec![false; site.entries.len()];
    let feed_sections = site.entries.iter().filter(|e| e.feed).map(|e| &e.pages);
    let feed_terms = site.taxonomies_with_feeds().flat_map(|t| t.terms.iter().map(|term| &term.pages));
    for &p in feed_sections.chain(feed_terms).flatten() {
        keep[p] = true;
    }
    keep
}

/// The site path of a language's search page: `/search/`, `/en/search/`.
pub fn search_path(site: &Site, lang: usize) -> String {
    format!("{}search/", site.lang_home_path(lang))
}

/// A page's rendered Markdown with absolute links, for feeds read away from the site.
pub fn feed_html(site: &Site, scan: &Scan, path: &str) -> String {
    finish::absolutize(&scan.html, &site.config.origin, &site.url(path))
}

/// Where a template error is and what it says: one report per distinct place and cause.
type Place = (Option<PathBuf>, Option<usize>, Option<usize>, String);

/// The diagnostics of the failed pages. A template mistake fails every page that uses the
/// template (in `base.html`, every page): say it once, where it is, with how many pages it
/// affects and one of them.
fn report(failures: Vec<Failure>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut templates: BTreeMap<Place, (Diagnostic, usize, Option<PathBuf>)> = BTreeMap::new();
    for f in failures {
        match f {
            Failure::Diags(d) => out.extend(d),
            Failure::Template(d, content) => {
                let key = (d.path.clone(), d.line, d.col, d.message.clone());
                let entry = templates.entry(key).or_insert((d, 0, None));
                entry.1 += 1;
                // The first file in path order, whatever order the threads finished in.
                if let Some(c) = content {
                    if entry.2.as_ref().is_none_or(|e| &c < e) {
                        entry.2 = Some(c);
                    }
                }
            }
        }
    }
    for (_, (mut d, pages, example)) in templates {
        let what = match (pages, example) {
            (1, Some(file)) => crate::msg!(WhileRendering, file = file.display().to_string()),
            (1, None) => crate::msg!(WhileRendering404),
            (n, Some(file)) => crate::msg!(PagesFailExample, count = n, file = file.display().to_string()),
            (n, None) => crate::msg!(PagesFail, count = n),
        };
        d.message = format!("{} ({what})", d.message);
        out.push(d);
    }
    out
}
