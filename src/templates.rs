//! Tera: loading the theme's templates (with site overrides), and the functions and filters
//! templates call. Tera functions cannot see the context, so each language gets its own
//! Tera instance whose functions default to that language.

use crate::content::Kind;
use crate::diag::Diagnostic;
use crate::i18n::I18n;
use crate::resolve::Site;
use crate::view::{self, Depth};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tera::{Tera, Value};

/// Everything templates may read, shared by all render threads.
pub struct Shared {
    pub site: Site,
    pub i18n: I18n,
    /// Static file path → fingerprinted path (`css/site.css` → `css/site.1a2b3c4d.css`).
    pub fingerprints: BTreeMap<String, String>,
    /// The `site` template variable of each language, built once rather than per page.
    pub site_views: Vec<Value>,
}

/// The folders templates come from, theme first, so the site's own win.
pub fn template_dirs(root: &Path, theme: Option<&str>) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut dirs = Vec::new();
    if let Some(theme) = theme {
        let dir = root.join("themes").join(theme);
        if !dir.is_dir() {
            let available: Vec<String> = std::fs::read_dir(root.join("themes"))
                .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            let hint = if available.is_empty() {
                "create the theme under themes/, or remove `theme` from site.toml to use templates/".to_owned()
            } else {
                format!("the themes available are: {}", available.join(", "))
            };
            return Err(Diagnostic::error(
                "theme",
                format!("the theme `{theme}` does not exist (no folder themes/{theme})"),
            )
            .in_file("site.toml")
            .hint(hint));
        }
        dirs.push(dir.join("templates"));
    }
    dirs.push(root.join("templates"));
    Ok(dirs)
}

pub fn load(root: &Path, theme: Option<&str>) -> Result<Tera, Vec<Diagnostic>> {
    let dirs = template_dirs(root, theme).map_err(|d| vec![d])?;
    let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
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
    if files.is_empty() {
        let looked: Vec<String> =
            dirs.iter().map(|d| crate::diag::display_path(root, d).display().to_string()).collect();
        return Err(vec![Diagnostic::error("theme", "no templates found")
            .in_file("site.toml")
            .hint(format!("looked in {}; set `theme` in site.toml to a folder under themes/", looked.join(" and ")))]);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    let list: Vec<(PathBuf, Option<String>)> = files.into_iter().map(|(name, path)| (path, Some(name))).collect();
    tera.add_template_files(list).map_err(|e| vec![template_error(&e, None, root)])?;
    Ok(tera)
}

/// Escapes what HTML needs escaped, and no more: Tera's default also escapes `/`, which
/// bloats every URL in the output for no safety gain inside quoted attributes.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Tera hides the useful part of an error in its sources: print the whole chain.
pub fn template_error(e: &tera::Error, content: Option<&Path>, root: &Path) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    // Tera names template files by their full path: show them from the site root.
    let message = chain.join(":\n").replace(&format!("{}/", root.display()), "");
    let mut d = Diagnostic::error("template", message);
    if let Some(path) = content {
        d = d.in_file(path);
    }
    d.hint("fix the template named above (or the value it reads); Tera's syntax: https://keats.github.io/tera/docs/")
}

/// One Tera per language, with functions bound to that language.
pub fn per_language(base: &Tera, shared: &Arc<Shared>) -> Vec<Tera> {
    (0..shared.site.config.languages.len())
        .map(|lang| {
            let mut t = base.clone();
            let bound = Bound { shared: Arc::clone(shared), lang };
            t.register_function("t", Translate(bound.clone()));
            t.register_function("url", Url(bound.clone()));
            t.register_function("get_page", Get(bound.clone(), Kind::Page));
            t.register_function("get_section", Get(bound.clone(), Kind::Section));
            t.register_function("asset", Asset(bound.clone()));
            t.register_filter("date", DateFilter(bound));
            t
        })
        .collect()
}

#[derive(Clone)]
struct Bound {
    shared: Arc<Shared>,
    lang: usize,
}

impl Bound {
    fn lang(&self, args: &HashMap<String, Value>) -> tera::Result<usize> {
        match args.get("lang") {
            None | Some(Value::Null) => Ok(self.lang),
            Some(Value::String(code)) => self
                .shared
                .site
                .config
                .language_index(code)
                .ok_or_else(|| tera::Error::msg(format!("`{code}` is not a language of this site"))),
            Some(other) => Err(tera::Error::msg(format!("`lang` must be a language code, not {other}"))),
        }
    }
}

fn string_arg<'a>(args: &'a HashMap<String, Value>, name: &str, function: &str) -> tera::Result<&'a str> {
    match args.get(name) {
        Some(Value::String(s)) => Ok(s),
        _ => {
            Err(tera::Error::msg(format!("`{function}` needs a text argument `{name}`, e.g. {function}({name}=\"…\")")))
        }
    }
}

struct Translate(Bound);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let key = string_arg(args, "key", "t")?;
        let lang = self.0.lang(args)?;
        let i18n = &self.0.shared.i18n;
        if let Some(text) = i18n.text(lang, key) {
            return Ok(Value::String(text.to_owned()));
        }
        if let Some(list) = i18n.list(lang, key) {
            return Ok(Value::from(list.to_vec()));
        }
        let code = &self.0.shared.site.config.languages[lang].code;
        Err(tera::Error::msg(format!(
            "unknown interface string `{key}`: add it to i18n/{code}.toml (and the other languages)"
        )))
    }
}

struct Url(Bound);

impl tera::Function for Url {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "url")?;
        let lang = self.0.lang(args)?;
        let site = &self.0.shared.site;
        if path.starts_with("@/") {
            let (id, anchor) = site.resolve_internal(path, lang).map_err(tera::Error::msg)?;
            let mut url = site.url(&site.entries[id].path);
            if let Some(a) = anchor {
                url.push('#');
                url.push_str(a);
            }
            return Ok(Value::String(url));
        }
        if path.contains("://") || path.starts_with("//") || path.starts_with('#') || path.starts_with("mailto:") {
            return Ok(Value::String(path.to_owned()));
        }
        Ok(Value::String(site.url(path)))
    }
}

struct Get(Bound, Kind);

impl tera::Function for Get {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = if self.1 == Kind::Page { "get_page" } else { "get_section" };
        let path = string_arg(args, "path", name)?;
        let lang = self.0.lang(args)?;
        let site = &self.0.shared.site;
        let link = if path.starts_with("@/") { path.to_owned() } else { format!("@/{path}") };
        let (id, _) = site.resolve_internal(&link, lang).map_err(tera::Error::msg)?;
        if site.entries[id].kind() != self.1 {
            return Err(tera::Error::msg(format!(
                "`{path}` is not a {}",
                if self.1 == Kind::Page { "page" } else { "section" }
            )));
        }
        let depth = if self.1 == Kind::Section { Depth::WithPages } else { Depth::Summary };
        tera::to_value(view::entry(site, id, depth, None)).map_err(tera::Error::from)
    }
}

struct Asset(Bound);

impl tera::Function for Asset {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "asset")?.trim_start_matches('/');
        let shared = &self.0.shared;
        match shared.fingerprints.get(path) {
            Some(fp) => Ok(Value::String(shared.site.url(fp))),
            None => Err(tera::Error::msg(format!(
                "`asset` cannot find the static file `{path}` (looked in static/ and the theme's static/)"
            ))),
        }
    }
}

struct DateFilter(Bound);

impl tera::Filter for DateFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let Value::String(date) = value else {
            return Err(tera::Error::msg(format!(
                "the `date` filter needs a date text such as \"2024-05-31\", not {value}"
            )));
        };
        let format = match args.get("format") {
            Some(Value::String(f)) => f.as_str(),
            _ => "%Y-%m-%d",
        };
        let lang = self.0.lang(args)?;
        let strings = &self.0.shared.i18n.langs[lang];
        crate::i18n::format_date(date, format, strings).map(Value::String).map_err(tera::Error::msg)
    }
}
