//! The pipeline, shared by `build`, `serve` and `check`: load (config, content, strings,
//! templates) → resolve → render → write. Loading steps that do not depend on each other all
//! run, so one build reports every independent error at once. Before anything is applied,
//! every local link is checked against what the render produced (`links`).

pub mod links;
pub mod markdown;
pub mod record;
pub mod removed;
pub mod template_links;
pub mod unchanged;

use crate::diag::{Diagnostic, Kind};
use crate::load::config::Config;
use crate::load::i18n::I18n;
use crate::load::statics::{self, Statics};
use crate::load::templates::{self, Templates};
use crate::output::{Applied, ApplyError, DiskSink, Left, Manifest, Outputs, Recording};
use crate::render::finish::Finish;
use crate::render::functions::{self, Shared};
use crate::render::{Renderer, Scan, Sink, Writer};
use crate::resolve::aliases::Alias;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tera::Tera;

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Relative paths are taken from the site root.
    pub output_dir: PathBuf,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub force: bool,
    /// Let addresses the last build published disappear.
    pub allow_removed: bool,
    /// Make every link relative (browsable from disk).
    pub relative: bool,
    /// Minify HTML, CSS and JS.
    pub minify: bool,
    /// Reuse what the last build into the same folder rendered, for pages whose inputs did
    /// not change (`--no-cache` turns it off).
    pub cache: bool,
}

#[derive(Debug)]
pub struct Report {
    /// (language code, pages and sections) in language order.
    pub pages: Vec<(String, usize)>,
    pub applied: Applied,
    pub elapsed: Duration,
    /// Problems that do not stop the build, for the user to see.
    pub warnings: Vec<Diagnostic>,
    /// Draft pages in the output (`--drafts`).
    pub drafts: usize,
    /// Addresses of the last build no longer published (`--allow-removed`).
    pub removed: usize,
    /// Images shown, encoded by this build or read from the cache.
    pub images: crate::render::images::Counts,
    /// Pages and sections taken from the last build instead of being rendered again.
    pub reused: usize,
}

impl Report {
    pub fn summary(&self) -> String {
        let languages: Vec<String> =
            self.pages.iter().map(|(l, n)| crate::msg!(PagesInLanguage, count = *n, lang = l.as_str())).collect();
        let mut out = crate::msg!(
            BuiltSummary,
            pages = self.pages.iter().map(|(_, n)| n).sum::<usize>(),
            languages = languages.join(", "),
            ms = self.elapsed.as_millis().to_string(),
            written = self.applied.written,
            unchanged = self.applied.unchanged,
            removed = self.applied.removed,
        );
        if self.reused > 0 {
            out.push_str(&crate::msg!(BuiltReused, count = self.reused));
        }
        if self.removed > 0 {
            out.push_str(&crate::msg!(BuiltRemoved, count = self.removed));
        }
        let images = self.images;
        if images.encoded + images.cached > 0 {
            out.push_str(&crate::msg!(BuiltImages, encoded = images.encoded, cached = images.cached));
        }
        if self.drafts > 0 {
            out.push_str(&crate::msg!(BuiltDrafts, count = self.drafts));
        }
        out
    }
}

/// A site loaded, resolved and ready to render.
pub struct Prepared {
    pub root: PathBuf,
    pub shared: Arc<Shared>,
    pub teras: Vec<Tera>,
    pub templates: Templates,
    pub statics: Statics,
    pub aliases: Vec<Alias>,
    /// What the last build into the output folder published, when there is one to compare
    /// with (`sito build`; `sito check` reads that of `public/`).
    pub previous: Option<Manifest>,
    /// What the last build rendered that this one may keep; `None` renders everything and
    /// records nothing.
    pub reuse: Option<crate::render::reuse::Reuse>,
    /// Where each entry's rendered Markdown is kept between builds (with a `reuse`).
    pub markdown: Option<Arc<dyn crate::render::md_cache::Store>>,
    /// Let each body go once its page is rendered (`sito build`, which has no later use for
    /// them; `check` reads them again for its content rules).
    pub release_bodies: bool,
    /// What the last build's link checks left, for this one's to skip the pages it kept.
    pub seen: Option<links::Seen>,
}

/// What `Prepared::render` found while rendering, for checks that would otherwise render
/// the Markdown again.
pub struct Rendered {
    /// Per entry, in entry order.
    pub scans: Vec<Scan>,
    /// Every file the render produced, with the ids of the HTML ones.
    pub outputs: Outputs,
    /// What the link checks found that does not fail the build.
    pub warnings: Vec<Diagnostic>,
    /// Per entry, how it was made (with a `reuse`), for the next build's record.
    pub made: Vec<Option<crate::render::reuse::Made>>,
    /// What the link checks leave for the next build's.
    pub seen: links::Seen,
}

/// Which caches a load may read.
#[derive(Clone, Copy)]
struct Caches {
    /// `load::cache`: what parsing each content file gave.
    load: bool,
    /// `.sito/cache/images/`: the resized images.
    images: bool,
}

impl Prepared {
    pub fn load(root: &Path, base_url: Option<&str>, drafts: bool) -> Result<Prepared, Vec<Diagnostic>> {
        Prepared::load_with(root, base_url, drafts, Caches { load: false, images: true })
    }

    /// `load`, trusting no cache, not even the resized images' (`build --no-cache`).
    pub fn load_fresh(root: &Path, base_url: Option<&str>, drafts: bool) -> Result<Prepared, Vec<Diagnostic>> {
        Prepared::load_with(root, base_url, drafts, Caches { load: false, images: false })
    }

    /// `load`, with the load cache (`load::cache`): for `build` and `serve`, which may
    /// leave most bodies unread. `check` reads every file, as it checks every body.
    pub fn load_cached(root: &Path, base_url: Option<&str>, drafts: bool) -> Result<Prepared, Vec<Diagnostic>> {
        Prepared::load_with(root, base_url, drafts, Caches { load: true, images: true })
    }

    fn load_with(
        root: &Path,
        base_url: Option<&str>,
        drafts: bool,
        caches: Caches,
    ) -> Result<Prepared, Vec<Diagnostic>> {
        let config = Config::load(root, base_url)?;
        let theme = config.theme.clone();
        let content = || match caches.load {
            true => crate::load::content::load_cached(root, &config, drafts),
            false => crate::load::content::load(root, &config, drafts),
        };
        let ((content, statics), (i18n, templates)) = rayon::join(
            || (content(), statics::load(root, theme.as_deref())),
            || rayon::join(|| I18n::load(root, &config), || templates::load(root, theme.as_deref())),
        );
        let (content, mut diags) = content;
        let i18n = i18n.map_err(|d| diags.extend(d)).ok();
        let templates = templates.map_err(|d| diags.extend(d)).ok();
        let statics = statics.map_err(|d| diags.push(d)).ok();
        let (Some(i18n), Some(templates), Some(statics)) = (i18n, templates, statics) else {
            return Err(diags);
        };
        if !diags.is_empty() {
            // Still check the links of the files that loaded, so one run reports them too.
            let failed = content.failed.clone();
            match crate::resolve::resolve(config, content) {
                Ok(site) => diags.extend(links::internal_only(&site, &failed)),
                Err(d) => diags.extend(d),
            }
            return Err(diags);
        }
        let mut site = crate::resolve::resolve(config, content)?;
        site.neighbours = templates.read_neighbours();
        let mut diags = crate::resolve::pagination::localize(&mut site, &i18n);
        diags.extend(crate::resolve::validate::templates(&site, &templates));
        diags.extend(crate::resolve::shortcodes::check(&site, &templates));
        diags.extend(crate::resolve::extra::check(&site, templates.extra.as_ref()));
        diags.extend(crate::resolve::extra::internal_links(&site));
        let aliases = crate::resolve::aliases::aliases(&site, &statics.files).map_err(|d| diags.extend(d)).ok();
        let Some(aliases) = aliases.filter(|_| diags.is_empty()) else { return Err(diags) };
        let site_views = (0..site.config.languages.len())
            .map(|lang| tera::to_value(crate::render::view::site_view(&site, lang)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                vec![Diagnostic::error(Kind::TemplateError, crate::msg!(TemplateDataSite, error = e.to_string()))]
            })?;
        let images =
            crate::render::images::Images::new(root, &site.config.images, statics.files.clone(), caches.images);
        let shared = Arc::new(Shared { site, i18n, fingerprints: statics.fingerprints.clone(), site_views, images });
        let teras = functions::per_language(&templates.tera, &shared);
        let prepared = Prepared {
            root: root.to_path_buf(),
            shared,
            teras,
            templates,
            statics,
            aliases,
            previous: None,
            reuse: None,
            markdown: None,
            release_bodies: false,
            seen: None,
        };
        if prepared.templates.read_summaries() {
            let _ = prepared.shared.site.summaries.set(prepared.renderer().summaries());
        }
        Ok(prepared)
    }

    /// Renders the site (`render_unchecked`), then checks every local link, anchor and image
    /// against the files produced: a broken one fails the render like any other error.
    pub fn render(&self, sink: &dyn Sink, finish: Finish) -> Result<Rendered, Vec<Diagnostic>> {
        let mut rendered = self.render_unchecked(sink, finish)?;
        let kept: Vec<bool> = rendered.made.iter().map(|m| m.as_ref().is_some_and(|m| m.reused)).collect();
        let known = self.seen.as_ref().map(|seen| links::Known { seen, kept: &kept });
        let site = &self.shared.site;
        let renderer = self.renderer();
        let template_of = |id: usize| renderer.template_for(&site.entries[id]);
        let made_by = template_links::MadeBy { sink, template_of: &template_of };
        let (diags, seen) =
            links::verify(site, &rendered.scans, &rendered.outputs, self.previous.as_ref(), known, &made_by);
        rendered.seen = seen;
        if diags.iter().any(Diagnostic::is_error) {
            return Err(diags);
        }
        rendered.warnings = diags;
        rendered.warnings.extend(self.shared.site.warnings.iter().cloned());
        rendered.warnings.extend(crate::publish::warnings(&self.shared.site, &self.statics.files));
        rendered.warnings.extend(self.shared.i18n.warnings.iter().cloned());
        Ok(rendered)
    }

    /// Renders every page, then the publishing extras, then copies the static files,
    /// recording what was produced; all errors are collected. Links are not checked.
    pub fn render_unchecked(&self, sink: &dyn Sink, finish: Finish) -> Result<Rendered, Vec<Diagnostic>> {
        let site = &self.shared.site;
        let recording = Recording::new(sink, &site.config.base_path);
        let w = Writer { sink: &recording, finish, base_path: &site.config.base_path };
        let images = &self.shared.images;
        images.reset();
        // The feeds carry the pages' HTML, so they are written once the pages are.
        let (mut diags, pages) = match self.renderer().render_pages(&w) {
            Ok(p) => (crate::publish::write_all(site, &self.aliases, &self.statics.files, &p.scans, &w), Some(p)),
            Err(d) => (d, None),
        };
        // Resized images replace the files they come from: those are not copied.
        let (resized, image_diags) = images.flush(&w);
        diags.extend(image_diags);
        diags.extend(crate::output::copy_files(site, &self.statics, &self.root, &w, &resized));
        match pages {
            Some(p) if diags.is_empty() => {
                images.prune();
                let outputs = recording.into_outputs();
                Ok(Rendered {
                    scans: p.scans,
                    outputs,
                    warnings: Vec::new(),
                    made: p.made,
                    seen: links::Seen::default(),
                })
            }
            _ => Err(diags),
        }
    }

    pub fn renderer(&self) -> Renderer<'_> {
        Renderer {
            shared: &self.shared,
            teras: &self.teras,
            templates: &self.templates,
            reuse: self.reuse.as_ref(),
            markdown_store: self.markdown.as_deref(),
            release_bodies: self.release_bodies,
        }
    }

    pub fn pages_per_language(&self) -> Vec<(String, usize)> {
        let site = &self.shared.site;
        let mut counts = vec![0; site.config.languages.len()];
        for e in &site.entries {
            counts[e.lang()] += 1;
        }
        site.config.languages.iter().map(|l| l.code.clone()).zip(counts).collect()
    }
}

pub fn build(opts: &Options) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let out = output_path(&opts.root, &opts.output_dir).map_err(|d| vec![d])?;
    let timings = std::env::var_os("SITO_TIMINGS").is_some();
    let phase = |name: &str, since: Instant| {
        if timings {
            eprintln!("{name:>8}: {} ms", since.elapsed().as_millis());
        }
    };
    let settings = unchanged::Settings {
        base_url: opts.base_url.as_deref(),
        drafts: opts.drafts,
        relative: opts.relative,
        minify: opts.minify,
    };
    let record_path = record::path(&opts.root, &out);
    // Taken before anything is read, so that an edit made while this build runs shows.
    let census = unchanged::census(&opts.root);
    // What the last build left in the output, which spares the apply a listing of it.
    let mut left = None;
    if opts.cache {
        match unchanged::check(&record_path, &out, census, &settings, start) {
            Ok(report) => {
                phase("unchanged", start);
                return Ok(report);
            }
            Err(last) => left = last,
        }
    }
    phase("census", start);
    let load = if opts.cache { Prepared::load_cached } else { Prepared::load_fresh };
    let mut prepared = load(&opts.root, opts.base_url.as_deref(), opts.drafts)?;
    phase("load", start);
    let sink = DiskSink::open(&out, opts.force).map_err(|e| vec![Diagnostic::error(Kind::OutputRefused, e)])?;
    prepared.previous = sink.previous().cloned();
    prepared.release_bodies = true;
    let rendering = Instant::now();
    let finish = Finish { relative: opts.relative, minify: opts.minify || prepared.shared.site.config.minify };
    let keys = record::keys(&prepared, finish, opts.drafts);
    let global = keys.global;
    let (reuse, seen) = match opts.cache {
        true => record::read(&record_path, global),
        false => (record::nothing(global), None),
    };
    prepared.reuse = Some(reuse);
    prepared.seen = seen;
    let markdown = Arc::new(markdown::FileStore::open(&record_path, keys.markdown, opts.cache));
    prepared.markdown = Some(markdown.clone());
    phase("record", rendering);
    let (rendered, published) = match render_and_compare(&prepared, &sink, finish, opts.allow_removed) {
        Ok(r) => r,
        Err(mut diags) => {
            sink.discard();
            crate::diag::sort(&mut diags);
            return Err(diags);
        }
    };
    let Rendered { mut warnings, made, scans, outputs, seen } = rendered;
    crate::diag::sort(&mut warnings);
    phase("render", rendering);
    let applying = Instant::now();
    let removed =
        prepared.previous.as_ref().map_or(0, |m| m.pages.keys().filter(|p| !published.pages.contains_key(*p)).count());
    let manifest = removed::to_record(published, prepared.previous.as_ref());
    // Held until the `.quick` file says what this build left.
    let (applied, held) = sink.apply(manifest, left.as_ref()).map_err(|e| {
        // What the output holds now may not be what the last build left.
        unchanged::forget(&record_path);
        let out = out.display().to_string();
        let d = match e {
            // Refused before anything moved: the closing line says the folder is unchanged.
            ApplyError::Untouched(e) => {
                Diagnostic::error(Kind::OutputWrite, crate::msg!(OutputNotApplied, out = out, error = e.to_string()))
            }
            ApplyError::Partial(e) => {
                Diagnostic::error(Kind::OutputPartial, crate::msg!(OutputUnfinished, out = out, error = e.to_string()))
            }
        };
        vec![d.hint(crate::msg!(OutputUnfinishedHint))]
    })?;
    phase("apply", applying);
    markdown.finish(prepared.shared.site.entries.iter().map(|e| e.src.rel.as_str()));
    let reused = record::reused(&made);
    let env = record::env_calls(&made);
    let mut entries = record::entries(&prepared, made, scans);
    if let Some(entries) = &mut entries {
        record::stamp(&out, entries);
    }
    let known = entries.as_deref().map(record::stamps).unwrap_or_default();
    let left = Left::known(&out, outputs.files.keys().map(String::as_str), &known, &held.folders);
    drop(known);
    if let Some(entries) = entries {
        record::write(&record_path, global, &seen, entries, prepared.reuse.as_ref());
    }
    phase("record", applying);
    let drafts = prepared.shared.site.entries.iter().filter(|e| e.src.fm.draft).count();
    let images = prepared.shared.images.counts();
    let pages = prepared.pages_per_language();
    let report = Report { pages, applied, elapsed: start.elapsed(), warnings, drafts, removed, images, reused };
    unchanged::write(&record_path, census, &settings, &report, env, left);
    phase("quick", applying);
    // Freeing ten thousand pages' data takes a tenth of a one-page rebuild (issue 17's
    // profile): a thread of its own does it, which the process does not wait for on exit.
    // A thread that cannot start hands the closure back dropped: the data goes here.
    let _ = std::thread::Builder::new().spawn(move || drop((prepared, outputs)));
    Ok(report)
}

/// Renders into the sink and compares what it publishes with what the last build did: an
/// address that would disappear fails the build, unless `allow_removed`.
fn render_and_compare(
    prepared: &Prepared,
    sink: &DiskSink,
    finish: Finish,
    allow_removed: bool,
) -> Result<(Rendered, Manifest), Vec<Diagnostic>> {
    let site = &prepared.shared.site;
    let published = removed::published(site, &prepared.aliases);
    let gone = match (&prepared.previous, allow_removed) {
        (Some(previous), false) => removed::removed(site, previous, &published),
        _ => Vec::new(),
    };
    match prepared.render(sink, finish) {
        Ok(rendered) if gone.is_empty() => Ok((rendered, published)),
        Ok(_) => Err(gone),
        Err(mut diags) => {
            diags.extend(gone);
            Err(diags)
        }
    }
}

/// The output folder, refusing places where replacing files would destroy the site itself.
pub fn output_path(root: &Path, output_dir: &Path) -> Result<PathBuf, Diagnostic> {
    let out = if output_dir.is_absolute() { output_dir.to_path_buf() } else { root.join(output_dir) };
    let refuse = |why: &str| {
        let message = crate::msg!(OutputRefuse, out = out.display().to_string(), why = why);
        Diagnostic::error(Kind::OutputRefused, message).hint(crate::msg!(OutputRefuseHint))
    };
    let name_ok = out.file_name().is_some_and(|n| n != ".." && n != ".");
    if !name_ok {
        return Err(refuse(&crate::msg!(OutputNotPlainName)));
    }
    let canon = |p: &Path| -> PathBuf {
        // The output may not exist yet: canonicalize what exists, keep the rest.
        let mut missing = Vec::new();
        let mut at = p.to_path_buf();
        loop {
            if let Ok(c) = at.canonicalize() {
                return missing.iter().rev().fold(c, |acc: PathBuf, part| acc.join(part));
            }
            match (at.file_name().map(|n| n.to_os_string()), at.parent()) {
                (Some(name), Some(parent)) => {
                    missing.push(name);
                    at = parent.to_path_buf();
                }
                _ => return p.to_path_buf(),
            }
        }
    };
    let out_c = canon(&out);
    let root_c = canon(root);
    if root_c.starts_with(&out_c) {
        return Err(refuse(&crate::msg!(OutputHoldsSources)));
    }
    // `.sito` holds the committed snapshots of translated originals; `.git`, the history.
    for source in ["content", "themes", "static", "i18n", "templates", "site.toml", ".sito", ".git"] {
        if out_c.starts_with(root_c.join(source)) {
            return Err(refuse(&crate::msg!(OutputInsideSources, source = source)));
        }
    }
    Ok(out)
}
