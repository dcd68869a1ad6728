//! Render: every page and section to HTML in parallel (Markdown, then its template), plus
//! the 404 pages, assets and static files, handed to a sink. Pure apart from the sink:
//! nothing here decides where or whether files land on disk.

use crate::content::Kind;
use crate::diag::Diagnostic;
use crate::output::Sink;
use crate::postprocess::Finish;
use crate::resolve::{Entry, Site};
use crate::templates::{template_error, Shared};
use crate::view::{self, Depth};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tera::{Context, Tera};

pub struct Renderer<'a> {
    pub shared: &'a Shared,
    pub teras: &'a [Tera],
    pub root: &'a Path,
    /// Static files: output path → source file.
    pub statics: &'a BTreeMap<String, PathBuf>,
    pub finish: Finish,
}

impl Renderer<'_> {
    pub fn site(&self) -> &Site {
        &self.shared.site
    }

    /// Renders everything into the sink; all errors are collected, none stops the others.
    pub fn render_all(&self, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
        let site = self.site();
        let mut diags: Vec<Diagnostic> = self.check_templates();
        diags.extend(self.check_menus());
        if !diags.is_empty() {
            return Err(diags);
        }
        let results: Vec<Result<(), Vec<Diagnostic>>> =
            (0..site.entries.len()).into_par_iter().map(|id| self.render_entry(id, sink)).collect();
        for r in results {
            if let Err(d) = r {
                diags.extend(d);
            }
        }
        for lang in 0..site.config.languages.len() {
            if let Err(d) = self.render_404(lang, sink) {
                diags.push(d);
            }
        }
        let copies: Vec<Result<(), Diagnostic>> = self
            .statics
            .par_iter()
            .map(|(rel, src)| self.copy(sink, rel, src))
            .chain(
                self.shared
                    .fingerprints
                    .par_iter()
                    .filter(|(a, b)| a != b)
                    .map(|(rel, fp)| self.copy(sink, fp, &self.statics[rel])),
            )
            .collect();
        diags.extend(copies.into_iter().filter_map(Result::err));
        let feed_content = |id: usize| {
            let (md, _) =
                crate::markdown::render(&site.entries[id].src.body, &link_resolver(site, site.entries[id].lang()));
            crate::postprocess::absolutize(&md.html, &site.config.origin)
        };
        diags.extend(crate::publish::write_all(site, sink, self.statics, &feed_content, &|sink, rel, text| {
            self.emit(sink, rel, text)
        }));
        if diags.is_empty() {
            Ok(())
        } else {
            Err(dedupe_template_errors(diags))
        }
    }

    fn copy(&self, sink: &dyn Sink, rel: &str, src: &Path) -> Result<(), Diagnostic> {
        let shown = || crate::diag::display_path(self.root, src);
        if self.finish.minify && rel.ends_with(".css") {
            let css = std::fs::read_to_string(src).map_err(|e| write_error(rel, e).in_file(shown()))?;
            return self.emit(sink, rel, css);
        }
        sink.copy(rel, src).map_err(|e| write_error(rel, e).in_file(shown()))
    }

    /// Writes a generated text file, finished (relative links, minified) as asked.
    fn emit(&self, sink: &dyn Sink, rel: &str, text: String) -> Result<(), Diagnostic> {
        let bytes = self.finish.apply(rel, &self.site().config.base_path, text.into_bytes());
        sink.write(rel, &bytes).map_err(|err| write_error(rel, err))
    }

    /// Every `template = …` names a template that exists, reported at the key.
    fn check_templates(&self) -> Vec<Diagnostic> {
        let names: Vec<&str> = self.teras[0].get_template_names().collect();
        let mut diags = Vec::new();
        for e in &self.site().entries {
            let fm = &e.src.fm;
            for (key, value) in [("template", &fm.template), ("page_template", &fm.page_template)] {
                let Some(t) = value else { continue };
                if names.contains(&t.as_str()) {
                    continue;
                }
                let shown = Path::new("content").join(&e.src.rel);
                let d = Diagnostic::error("template", format!("the template `{t}` does not exist"));
                // Cold path: read the file again to point at the key.
                let text = std::fs::read_to_string(self.root.join(&shown)).unwrap_or_default();
                let text = text.trim_start_matches('\u{feff}');
                let d = match crate::content::front_matter::split(text, &shown) {
                    Ok(split) => crate::content::front_matter::at_key(d, &shown, split.front, key),
                    Err(_) => d.in_file(&shown).line_only(1),
                };
                let hint = match crate::diag::did_you_mean(t, names.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`? (set by `{key}`)"),
                    None => format!("the templates available are: {}", names.join(", ")),
                };
                diags.push(d.hint(hint));
            }
        }
        for must in ["page.html", "section.html"] {
            if !names.contains(&must) {
                diags.push(
                    Diagnostic::error("template", format!("the theme has no `{must}`"))
                        .in_file("site.toml")
                        .hint(format!("add templates/{must} to the theme")),
                );
            }
        }
        diags
    }

    /// Menu entries that name content must name content that exists.
    fn check_menus(&self) -> Vec<Diagnostic> {
        let site = self.site();
        let mut diags = Vec::new();
        for (lang, l) in site.config.languages.iter().enumerate() {
            for m in l.menu.iter().filter(|m| m.path.starts_with("@/")) {
                if let Err(e) = site.resolve_internal(&m.path, lang) {
                    diags.push(
                        Diagnostic::error("broken-link", format!("menu entry `{}`: {e}", m.name))
                            .in_file("site.toml")
                            .hint("point `path` at an existing file under content/, e.g. \"@/reti/_index.md\""),
                    );
                }
            }
        }
        diags
    }

    fn template_for(&self, e: &Entry) -> String {
        if let Some(t) = &e.src.fm.template {
            return t.clone();
        }
        match e.kind() {
            Kind::Section if e.src.key.is_empty() && self.has_template("index.html") => "index.html".into(),
            Kind::Section => "section.html".into(),
            Kind::Page => {
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

    fn has_template(&self, name: &str) -> bool {
        self.teras[0].get_template_names().any(|n| n == name)
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

    fn render_entry(&self, id: usize, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
        self.render_one(id, &self.site().entries[id].src.body, sink)
    }

    /// Renders one entry with `body` in place of the one loaded (the preview server's
    /// incremental rebuild, when only a page's text changed).
    pub fn render_one(&self, id: usize, body: &str, sink: &dyn Sink) -> Result<(), Vec<Diagnostic>> {
        let site = self.site();
        let e = &site.entries[id];
        let shown = Path::new("content").join(&e.src.rel);
        let (md, link_errors) = crate::markdown::render(body, &link_resolver(site, e.lang()));
        if !link_errors.is_empty() {
            return Err(link_diagnostics(site, e, body, link_errors));
        }
        let (kind, var) = match e.kind() {
            Kind::Section if e.src.key.is_empty() => ("home", "section"),
            Kind::Section => ("section", "section"),
            Kind::Page => ("page", "page"),
        };
        let mut ctx = self.base_context(e.lang(), &e.path, kind);
        ctx.insert(var, &view::entry(site, id, Depth::Full, Some((&md.html, &md.toc))));
        let template = self.template_for(e);
        let html = self.teras[e.lang()]
            .render(&template, &ctx)
            .map_err(|err| vec![template_error(&err, Some(&shown), self.root)])?;
        self.emit(sink, &e.output_file(), html).map_err(|d| vec![d])?;
        for &a in &e.assets {
            let asset = &site.assets[a];
            let rel = format!("{}{}", &e.path[1..], asset.rel);
            sink.copy(&rel, &asset.abs).map_err(|err| {
                vec![write_error(&rel, err).in_file(crate::diag::display_path(self.root, &asset.abs))]
            })?;
        }
        Ok(())
    }

    fn render_404(&self, lang: usize, sink: &dyn Sink) -> Result<(), Diagnostic> {
        if !self.has_template("404.html") {
            return Ok(());
        }
        let site = self.site();
        let path = format!("{}404.html", site.lang_home_path(lang));
        let ctx = self.base_context(lang, &path, "404");
        let html = self.teras[lang].render("404.html", &ctx).map_err(|err| template_error(&err, None, self.root))?;
        if lang == 0 && path != "/404.html" {
            // Static hosts look for /404.html: give them the default language's.
            self.emit(sink, "404.html", html.clone())?;
        }
        self.emit(sink, &path[1..], html)
    }
}

/// Resolves `@/` links for a page in `lang` to URLs (with their anchor), and puts the base
/// path in front of root-relative links.
fn link_resolver(site: &Site, lang: usize) -> impl Fn(&str) -> Result<String, String> + '_ {
    move |dest: &str| {
        if !dest.starts_with("@/") {
            return Ok(site.url(dest));
        }
        site.resolve_internal(dest, lang).map(|(target, anchor)| {
            let url = site.url(&site.entries[target].path);
            anchor.map_or(url.clone(), |a| format!("{url}#{a}"))
        })
    }
}

fn link_diagnostics(site: &Site, e: &Entry, body: &str, errors: Vec<crate::markdown::LinkError>) -> Vec<Diagnostic> {
    let shown = Path::new("content").join(&e.src.rel);
    errors
        .into_iter()
        .map(|le| {
            let len = le.range.len().min(80);
            let d = Diagnostic::error("broken-link", format!("broken internal link: {}", le.message))
                .in_file(&shown)
                .at_offset(body, e.src.body_line, le.range.start, len);
            let wanted = le.dest.trim_start_matches("@/").split('#').next().unwrap_or("");
            match crate::diag::did_you_mean(wanted, site.known_links()) {
                Some(s) => d.hint(format!("did you mean `@/{s}`? Internal links name a file under content/")),
                None => d.hint("internal links name a file under content/, e.g. `[C40](@/reti/c40.md)`"),
            }
        })
        .collect()
}

/// Broken `@/` links of every entry, leaving out links to files that failed to load.
pub fn check_links(site: &Site, failed: &std::collections::HashSet<(Kind, String)>) -> Vec<Diagnostic> {
    let per_entry: Vec<Vec<Diagnostic>> = site
        .entries
        .par_iter()
        .map(|e| {
            let (_, errors) = crate::markdown::render(&e.src.body, &link_resolver(site, e.lang()));
            let errors = errors
                .into_iter()
                .filter(|le| {
                    let file = le.dest.trim_start_matches("@/").split('#').next().unwrap_or("");
                    !crate::content::parse_file_name(file).is_some_and(|n| failed.contains(&(n.kind, n.key)))
                })
                .collect::<Vec<_>>();
            if errors.is_empty() {
                Vec::new()
            } else {
                link_diagnostics(site, e, &e.src.body, errors)
            }
        })
        .collect();
    per_entry.into_iter().flatten().collect()
}

fn write_error(rel: &str, err: std::io::Error) -> Diagnostic {
    Diagnostic::error("output", format!("cannot write {rel}: {err}"))
        .hint("check that the output folder is writable and the disk is not full")
}

/// A template mistake fails every page that uses the template: say it once, with a count.
fn dedupe_template_errors(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for d in diags {
        if d.kind == "template" {
            if let Some(&i) = seen.get(&d.message) {
                counts[i] += 1;
                continue;
            }
            seen.insert(d.message.clone(), out.len());
        }
        out.push(d);
        counts.push(0);
    }
    for (d, n) in out.iter_mut().zip(counts) {
        if n > 0 {
            d.message.push_str(&format!(" (and {n} more pages with the same error)"));
        }
    }
    out
}

/// Static files of the theme, then of the site (which win), by output path.
pub fn collect_statics(root: &Path, theme: Option<&str>) -> BTreeMap<String, PathBuf> {
    let mut files = BTreeMap::new();
    let mut dirs = Vec::new();
    if let Some(t) = theme {
        dirs.push(root.join("themes").join(t).join("static"));
    }
    dirs.push(root.join("static"));
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() && !crate::editor_files::is_editor_file(&entry.file_name().to_string_lossy())
            {
                if let Ok(rel) = entry.path().strip_prefix(dir) {
                    files.insert(rel.to_string_lossy().replace('\\', "/"), entry.path().to_path_buf());
                }
            }
        }
    }
    files
}

/// `css/site.css` → `css/site.<hash>.css` for CSS and JS files.
pub fn fingerprints(statics: &BTreeMap<String, PathBuf>) -> Result<BTreeMap<String, String>, Diagnostic> {
    let mut out = BTreeMap::new();
    for (rel, path) in statics {
        let fp = match rel.rsplit_once('.') {
            Some((stem, ext)) if ext == "css" || ext == "js" => {
                let bytes = std::fs::read(path)
                    .map_err(|e| Diagnostic::error("io", format!("cannot read {}: {e}", path.display())))?;
                format!("{stem}.{}.{ext}", crate::hash::short_hex(&bytes, 10))
            }
            _ => rel.clone(),
        };
        out.insert(rel.clone(), fp);
    }
    Ok(out)
}
