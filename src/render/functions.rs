//! The functions and filters templates call (`t`, `url`, `get_page`, `get_section`, `asset`,
//! `image`, `date`). Tera functions cannot see the context, so each language gets its own Tera
//! instance whose functions default to that language.

use crate::load::content::EntryKind;
use crate::load::i18n::I18n;
use crate::render::trace;
use crate::render::view::{self, Depth};
use crate::resolve::Site;
use std::collections::{BTreeMap, HashMap};
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
    /// Images resized for the pages and `image()`.
    pub images: crate::render::images::Images,
}

/// One Tera per language, with functions bound to that language.
pub fn per_language(base: &Tera, shared: &Arc<Shared>) -> Vec<Tera> {
    (0..shared.site.config.languages.len())
        .map(|lang| {
            let mut t = base.clone();
            let bound = Bound { shared: Arc::clone(shared), lang };
            t.register_function("t", Translate(bound.clone()));
            t.register_function("url", Url(bound.clone()));
            t.register_function("get_page", Get(bound.clone(), EntryKind::Page));
            t.register_function("get_section", Get(bound.clone(), EntryKind::Section));
            t.register_function("asset", Asset(bound.clone()));
            t.register_function("get_taxonomy", GetTaxonomy(bound.clone()));
            t.register_function("image", Image(bound.clone()));
            t.register_function("get_env", Env);
            t.register_filter("date", DateFilter(bound));
            t
        })
        .collect()
}

/// Asks a recorded data function again, of this build's site: the hash of its answer, or
/// `None` when it now fails (the page must be rendered again to report why).
pub fn replay(shared: &Arc<Shared>, call: &trace::Call) -> Option<u64> {
    let args: HashMap<String, Value> = serde_json::from_str(&call.args).ok()?;
    if call.lang >= shared.site.config.languages.len() {
        return None;
    }
    let bound = Bound { shared: Arc::clone(shared), lang: call.lang };
    let answer = match call.function.as_str() {
        "get_page" => Get(bound, EntryKind::Page).answer(&args),
        "get_section" => Get(bound, EntryKind::Section).answer(&args),
        "get_taxonomy" => GetTaxonomy(bound).answer(&args),
        "get_env" => Env::answer(&args),
        _ => return None,
    };
    answer.ok().map(|a| trace::answer_hash(&a))
}

/// Asks `get_env` again with the recorded arguments, without a site: the hash of its answer,
/// or `None` when it now fails.
pub fn env_answer(args: &str) -> Option<u64> {
    let args: HashMap<String, Value> = serde_json::from_str(args).ok()?;
    Env::answer(&args).ok().map(|a| trace::answer_hash(&a))
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
                .ok_or_else(|| tera::Error::msg(crate::msg!(FnNotALanguage, code = code.as_str()))),
            Some(other) => Err(tera::Error::msg(crate::msg!(FnLangNotCode, value = other.to_string()))),
        }
    }
}

fn string_arg<'a>(args: &'a HashMap<String, Value>, name: &str, function: &str) -> tera::Result<&'a str> {
    match args.get(name) {
        Some(Value::String(s)) => Ok(s),
        _ => Err(tera::Error::msg(crate::msg!(FnNeedsText, function = function, name = name))),
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
        Err(tera::Error::msg(crate::msg!(FnUnknownString, key = key, code = code.as_str())))
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

struct Get(Bound, EntryKind);

impl tera::Function for Get {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let answer = self.answer(args)?;
        trace::call(self.name(), self.0.lang, args, &answer);
        Ok(answer)
    }
}

impl Get {
    fn name(&self) -> &'static str {
        if self.1 == EntryKind::Page {
            "get_page"
        } else {
            "get_section"
        }
    }

    fn answer(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = self.name();
        let path = string_arg(args, "path", name)?;
        let lang = self.0.lang(args)?;
        let site = &self.0.shared.site;
        let link = if path.starts_with("@/") { path.to_owned() } else { format!("@/{path}") };
        let (id, _) = site.resolve_internal(&link, lang).map_err(tera::Error::msg)?;
        if site.entries[id].kind() != self.1 {
            let kind = if self.1 == EntryKind::Page { "page" } else { "section" };
            return Err(tera::Error::msg(crate::msg!(FnNotKind, path = path, kind = kind)));
        }
        let depth = if self.1 == EntryKind::Section { Depth::WithPages } else { Depth::Summary };
        tera::to_value(view::entry(site, id, depth, None)).map_err(tera::Error::from)
    }
}

/// Zola's `get_taxonomy(kind="temi")`: the taxonomy of that name in the language, with
/// its terms (`items`) and their pages.
struct GetTaxonomy(Bound);

impl tera::Function for GetTaxonomy {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let answer = self.answer(args)?;
        trace::call("get_taxonomy", self.0.lang, args, &answer);
        Ok(answer)
    }
}

impl GetTaxonomy {
    fn answer(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let kind = string_arg(args, "kind", "get_taxonomy")?;
        let lang = self.0.lang(args)?;
        let site = &self.0.shared.site;
        let found = site.taxonomies.iter().position(|t| t.lang == lang && site.taxonomy_config(t).name == kind);
        let Some(ti) = found else {
            let names: Vec<String> = site
                .taxonomies
                .iter()
                .filter(|t| t.lang == lang)
                .map(|t| format!("`{}`", site.taxonomy_config(t).name))
                .collect();
            let code = site.config.languages[lang].code.as_str();
            let message =
                crate::msg!(FnNoTaxonomy, kind = kind, lang = code, count = names.len(), names = names.join(", "));
            return Err(tera::Error::msg(message));
        };
        let items: Vec<view::TermView> =
            (0..site.taxonomies[ti].terms.len()).map(|i| view::term(site, ti, i, true)).collect();
        let t = view::taxonomy(site, ti);
        let mut out = tera::Map::new();
        out.insert("permalink".into(), Value::String(t.permalink.clone()));
        out.insert("lang".into(), Value::String(t.lang.to_owned()));
        out.insert("kind".into(), tera::to_value(t)?);
        out.insert("items".into(), tera::to_value(items)?);
        Ok(Value::Object(out))
    }
}

/// Tera's `get_env`, traced: a page that shows an environment variable is rendered again
/// when the variable changes.
struct Env;

impl tera::Function for Env {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let answer = Env::answer(args)?;
        trace::call("get_env", 0, args, &answer);
        Ok(answer)
    }
}

impl Env {
    fn answer(args: &HashMap<String, Value>) -> tera::Result<Value> {
        let name = string_arg(args, "name", "get_env")?;
        match (std::env::var(name), args.get("default")) {
            (Ok(value), _) => Ok(Value::String(value)),
            (Err(_), Some(default)) => Ok(default.clone()),
            (Err(_), None) => Err(tera::Error::msg(crate::msg!(FnEnvMissing, name = name))),
        }
    }
}

struct Asset(Bound);

impl tera::Function for Asset {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "asset")?.trim_start_matches('/');
        let shared = &self.0.shared;
        match shared.fingerprints.get(path) {
            Some(fp) => Ok(Value::String(shared.site.url(fp))),
            None => Err(tera::Error::msg(crate::msg!(FnAssetMissing, path = path))),
        }
    }
}

struct Image(Bound);

/// `image(path="notizie/c40/foto.jpg")` (a bundle file, named from content/) or
/// `image(path="/img/logo.png")` (a static file): where each width is published and its
/// size; with `width=N`, `url`, `width` and `height` are those of the smallest width of at
/// least N pixels.
impl tera::Function for Image {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let path = string_arg(args, "path", "image")?;
        let lang = self.0.lang(args)?;
        let shared = &self.0.shared;
        let images = &shared.images;
        let src = images
            .source_by_path(&shared.site, path, lang)
            .ok_or_else(|| tera::Error::msg(crate::msg!(FnImageMissing, path = path)))?;
        let processed = images.process(&src.abs).map_err(|p| tera::Error::msg(images.problem(&src.abs, &p).message))?;
        let mut shown = images.publish(&shared.site, &src, &processed);
        match args.get("width") {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) => {
                let want = n.as_u64().and_then(|n| u32::try_from(n).ok()).unwrap_or(u32::MAX);
                if let Some(f) = shown.at_width(want).cloned() {
                    (shown.url, shown.width, shown.height) = (f.url, Some(f.width), Some(f.height));
                }
            }
            Some(other) => return Err(tera::Error::msg(crate::msg!(FnWidthNotNumber, value = other.to_string()))),
        }
        tera::to_value(shown).map_err(tera::Error::from)
    }
}

struct DateFilter(Bound);

impl tera::Filter for DateFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let Value::String(date) = value else {
            return Err(tera::Error::msg(crate::msg!(FnDateNotText, value = value.to_string())));
        };
        // Tera's own filter takes `timezone` and `locale`: ignoring them would show another
        // time than the template asked for, without a word.
        if let Some(name) = args.keys().find(|k| !["format", "lang"].contains(&k.as_str())) {
            return Err(tera::Error::msg(crate::msg!(FnDateArgument, name = name.as_str())));
        }
        let format = match args.get("format") {
            Some(Value::String(f)) => f.as_str(),
            _ => "%Y-%m-%d",
        };
        let lang = self.0.lang(args)?;
        let strings = &self.0.shared.i18n.langs[lang];
        crate::load::i18n::format_date(date, format, strings).map(Value::String).map_err(tera::Error::msg)
    }
}
