//! site.toml: read into a raw form (serde), checked, then turned into the `Config` the rest of
//! the build uses — languages in a fixed order, the base URL split into origin and path.

use crate::diag::{Diagnostic, Kind};
use crate::load::toml_input::{self, Located, Shape, TomlText};
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const MENU_ITEM: Shape = Shape::Fields(&[("name", Shape::Any), ("path", Shape::Any), ("weight", Shape::Any)]);
const MENU: Shape = Shape::ListOf(&MENU_ITEM);
const TAXONOMY: Shape = Shape::Fields(&[
    ("name", Shape::Any),
    ("title", Shape::Any),
    ("feed", Shape::Any),
    ("paginate_by", Shape::Any),
    ("terms", Shape::Any),
]);
const TAXONOMIES: Shape = Shape::ListOf(&TAXONOMY);
const TERM_TRANSLATIONS: Shape = Shape::MapOf(&Shape::MapOf(&Shape::Any));
const LANGUAGE: Shape = Shape::Fields(&[
    ("title", Shape::Any),
    ("description", Shape::Any),
    ("menu", MENU),
    ("taxonomies", TAXONOMIES),
    ("translations", TERM_TRANSLATIONS),
]);
const LANGUAGES: Shape = Shape::MapOf(&LANGUAGE);
const IMAGES: Shape =
    Shape::Fields(&[("widths", Shape::Any), ("quality", Shape::Any), ("webp", Shape::Any), ("sizes", Shape::Any)]);
const SITE: Shape = Shape::Fields(&[
    ("base_url", Shape::Any),
    ("default_language", Shape::Any),
    ("default_language_in_subfolder", Shape::Any),
    ("theme", Shape::Any),
    ("title", Shape::Any),
    ("description", Shape::Any),
    ("languages", LANGUAGES),
    ("taxonomies", TAXONOMIES),
    ("sitemap", Shape::Any),
    ("robots", Shape::Any),
    ("host_rules", Shape::Any),
    ("minify", Shape::Any),
    ("search", Shape::Any),
    ("images", IMAGES),
    ("extra", Shape::Any),
]);

#[derive(Deserialize)]
struct RawConfig {
    base_url: String,
    #[serde(default = "default_language")]
    default_language: String,
    #[serde(default)]
    default_language_in_subfolder: bool,
    theme: Option<String>,
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    languages: BTreeMap<String, RawLanguage>,
    /// The default language's taxonomies (Zola's place for them), unless its own
    /// `[languages.xx]` table lists them.
    taxonomies: Option<Vec<RawTaxonomy>>,
    #[serde(default = "yes")]
    sitemap: bool,
    #[serde(default = "yes")]
    robots: bool,
    #[serde(default)]
    host_rules: Vec<String>,
    #[serde(default)]
    minify: bool,
    #[serde(default)]
    search: bool,
    #[serde(default)]
    images: Images,
    #[serde(default)]
    extra: toml::Table,
}

/// `[images]`: how Markdown images (and the `image()` function) are resized and encoded.
#[derive(Deserialize, Debug, Clone, PartialEq, Eq, Hash)]
#[serde(default)]
pub struct Images {
    /// The widths written, in pixels; the largest is also the cap for the image itself.
    pub widths: Vec<u32>,
    /// JPEG and WebP quality, 1–100.
    pub quality: u8,
    /// Also write every width as WebP, offered first in a `<picture>`.
    pub webp: bool,
    /// The `sizes` attribute: how wide the image is shown, for the browser to pick a width.
    pub sizes: String,
}

impl Default for Images {
    fn default() -> Images {
        Images {
            widths: vec![480, 960, 1440],
            quality: 80,
            webp: true,
            sizes: "(min-width: 48rem) 48rem, 100vw".to_owned(),
        }
    }
}

/// The widths sito accepts in `[images] widths`.
pub const IMAGE_WIDTHS: std::ops::RangeInclusive<u32> = 16..=8192;

#[derive(Deserialize, Default)]
struct RawLanguage {
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    menu: Vec<RawMenuItem>,
    taxonomies: Option<Vec<RawTaxonomy>>,
    /// `[languages.en.translations.temi] clima = "climate"`: by taxonomy (its name in the
    /// default language), each default-language term with its name in this language.
    #[serde(default)]
    translations: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Deserialize, Clone)]
struct RawTaxonomy {
    name: String,
    title: Option<String>,
    #[serde(default)]
    feed: bool,
    paginate_by: Option<i64>,
    terms: Option<Vec<String>>,
}

#[derive(Deserialize, Clone)]
pub struct RawMenuItem {
    pub name: String,
    pub path: String,
    pub weight: Option<i64>,
}

fn default_language() -> String {
    "it".to_owned()
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone)]
pub struct Language {
    pub code: String,
    pub title: String,
    pub description: Option<String>,
    pub menu: Vec<MenuItem>,
    /// Output path prefix: "" for the default language at the root, "en/" otherwise.
    pub prefix: String,
    /// This language's taxonomies; the n-th of every language is the same taxonomy.
    pub taxonomies: Vec<Taxonomy>,
    /// By taxonomy name in the default language: default-language term → term here.
    pub term_translations: BTreeMap<String, BTreeMap<String, String>>,
}

/// A taxonomy of one language (`{ name = "temi", feed = true, paginate_by = 10 }`).
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// As written: the front-matter key (`[taxonomies] temi = [...]`).
    pub name: String,
    /// The address segment: `temi` → `/temi/`.
    pub slug: String,
    /// For people (the list page's title); the name when not given.
    pub title: String,
    pub feed: bool,
    pub paginate_by: Option<usize>,
    /// The terms the site declares, when it does: others are warned about.
    pub terms: Option<Vec<String>>,
    /// Where the taxonomy is written in site.toml (`taxonomies.0`).
    pub key: String,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub name: String,
    pub path: String,
    pub weight: Option<i64>,
}

pub const HOST_RULES: [&str; 3] = ["nginx", "apache", "netlify"];

#[derive(Debug, Clone)]
pub struct Config {
    /// Always ends with `/`.
    pub base_url: String,
    /// `https://host` without the path.
    pub origin: String,
    /// The path part of `base_url`: `/` or `/prefix/`.
    pub base_path: String,
    /// The default language first, then the others by code.
    pub languages: Vec<Language>,
    pub theme: Option<String>,
    pub sitemap: bool,
    pub robots: bool,
    pub host_rules: Vec<String>,
    pub minify: bool,
    /// Build a search index per language (`search = true`).
    pub search: bool,
    pub images: Images,
    pub extra: serde_json::Value,
    /// site.toml's text and where each key and value is written (menu entries by their
    /// index in `menu`: `languages.en.menu.2.path`).
    pub file: Located,
}

impl Config {
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    pub fn load(root: &Path, base_url_override: Option<&str>) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join("site.toml");
        if !path.is_file() {
            let zola = root.join("config.toml").is_file();
            let hint =
                if zola { msg!(ZolaConfigHint) } else { msg!(ConfigNotFoundHint, root = root.display().to_string()) };
            return Err(vec![Diagnostic::error(Kind::ConfigMissing, msg!(ConfigNotFound))
                .in_file("site.toml")
                .hint(hint)]);
        }
        let shown = Path::new("site.toml");
        let text = toml_input::read_text(&path, shown).map_err(|d| vec![d])?;
        let toml = TomlText { path: shown, file: &text, toml: 0..text.len() };
        let (raw, spans) = toml.parse::<RawConfig>(&SITE, "site.toml")?;
        let file = Located { path: shown.to_owned(), text, spans };
        Config::validate(raw, base_url_override, file)
    }

    fn validate(mut raw: RawConfig, base_url_override: Option<&str>, file: Located) -> Result<Config, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let base_url = base_url_override.map_or(raw.base_url.clone(), str::to_owned);
        let (origin, base_path) = split_base_url(&base_url).unwrap_or_else(|| {
            // The option's value is not in `site.toml`: placing it there would send the
            // reader to fix a line that is not the problem (hosts' trial).
            diags.push(match base_url_override {
                Some(url) => Diagnostic::error(Kind::BadBaseUrl, msg!(BadBaseUrlOption, url = url))
                    .hint(msg!(BadBaseUrlOptionHint)),
                None => file
                    .at_key(Diagnostic::error(Kind::BadBaseUrl, msg!(BadBaseUrl, url = base_url.as_str())), "base_url")
                    .hint(msg!(BadBaseUrlHint)),
            });
            (String::new(), "/".to_owned())
        });
        let languages = languages(&mut raw, &file, &mut diags);
        check_names(&raw, &file, &mut diags);
        check_images(&mut raw.images, &file, &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        Ok(Config {
            base_url: format!("{origin}{base_path}"),
            origin,
            base_path,
            languages,
            theme: raw.theme,
            sitemap: raw.sitemap,
            robots: raw.robots,
            host_rules: raw.host_rules,
            minify: raw.minify,
            search: raw.search,
            images: raw.images,
            extra: toml_input::table_to_json(&raw.extra),
            file,
        })
    }
}

/// The languages, the default one first, each with its title, menu and output prefix.
fn languages(raw: &mut RawConfig, file: &Located, diags: &mut Vec<Diagnostic>) -> Vec<Language> {
    let default_code = raw.default_language.clone();
    let mut codes: Vec<String> = vec![default_code.clone()];
    codes.extend(raw.languages.keys().filter(|c| **c != default_code).cloned());
    let mut languages = Vec::new();
    for code in codes {
        let is_default = code == default_code;
        let table = format!("languages.{code}");
        if !valid_language_code(&code) {
            let d = Diagnostic::error(Kind::BadLanguageCode, msg!(BadLanguageCode, code = code.as_str()));
            let key = if is_default { "default_language" } else { &table };
            diags.push(file.at_key(d, key).hint(msg!(BadLanguageCodeHint)));
            continue;
        }
        let lang = raw.languages.remove(&code).unwrap_or_default();
        let title = match (is_default, lang.title, raw.title.clone()) {
            (_, Some(t), _) | (true, None, Some(t)) => t,
            (_, None, _) => {
                let d = Diagnostic::error(Kind::LanguageWithoutTitle, msg!(LanguageWithoutTitle, code = code.as_str()));
                diags.push(file.at_key(d, &table).hint(msg!(LanguageWithoutTitleHint, code = code.as_str())));
                String::new()
            }
        };
        let description = if is_default { lang.description.or(raw.description.clone()) } else { lang.description };
        let prefix = if is_default && !raw.default_language_in_subfolder { String::new() } else { format!("{code}/") };
        let menu = lang.menu.into_iter().map(|m| MenuItem { name: m.name, path: m.path, weight: m.weight }).collect();
        let (raw_taxonomies, at) = match (lang.taxonomies, is_default) {
            (Some(t), _) => (t, format!("{table}.taxonomies")),
            (None, true) => (raw.taxonomies.clone().unwrap_or_default(), "taxonomies".to_owned()),
            (None, false) => (Vec::new(), String::new()),
        };
        let taxonomies = taxonomies(raw_taxonomies, &at, file, diags);
        let term_translations = lang.translations;
        languages.push(Language { code, title, description, menu, prefix, taxonomies, term_translations });
    }
    languages
}

/// A language's taxonomies, each name a slug (it becomes an address) and given once.
fn taxonomies(raw: Vec<RawTaxonomy>, at: &str, file: &Located, diags: &mut Vec<Diagnostic>) -> Vec<Taxonomy> {
    let mut out: Vec<Taxonomy> = Vec::new();
    for (i, t) in raw.into_iter().enumerate() {
        let key = format!("{at}.{i}");
        let slug = match crate::slug::validate_slug(&t.name) {
            Ok(s) => s,
            Err(e) => {
                let d = Diagnostic::error(Kind::BadTaxonomy, msg!(BadTaxonomyName, problem = e.to_string()));
                diags.push(file.at_value(d, &format!("{key}.name")).hint(msg!(BadTaxonomyNameHint)));
                continue;
            }
        };
        if out.iter().any(|o| o.slug == slug) {
            let d = Diagnostic::error(Kind::BadTaxonomy, msg!(TaxonomyTwice, name = t.name.as_str()));
            diags.push(file.at_value(d, &format!("{key}.name")).hint(msg!(TaxonomyTwiceHint)));
            continue;
        }
        let paginate_by = match t.paginate_by {
            None => None,
            Some(n) if n > 0 => usize::try_from(n).ok(),
            Some(_) => {
                let d = Diagnostic::error(Kind::BadPagination, msg!(PaginateByZero));
                diags.push(file.at_value(d, &format!("{key}.paginate_by")).hint(msg!(PaginateByZeroHint)));
                None
            }
        };
        let title = t.title.unwrap_or_else(|| t.name.clone());
        out.push(Taxonomy { name: t.name, slug, title, feed: t.feed, paginate_by, terms: t.terms, key });
    }
    out
}

/// `host_rules` and `theme` name things sito knows.
fn check_names(raw: &RawConfig, file: &Located, diags: &mut Vec<Diagnostic>) {
    for (i, rule) in raw.host_rules.iter().enumerate() {
        if !HOST_RULES.contains(&rule.as_str()) {
            let d = Diagnostic::error(Kind::UnknownHostRules, msg!(UnknownHostRules, rule = rule.as_str()));
            let hint = msg!(ChooseAmong, choices = HOST_RULES.join(", "));
            diags.push(file.at_value(d, &format!("host_rules.{i}")).hint(hint));
        }
    }
    if let Some(theme) = &raw.theme {
        if crate::slug::validate_slug(theme).is_err() || theme.starts_with('.') {
            let d = Diagnostic::error(Kind::BadThemeName, msg!(BadThemeName, theme = theme.as_str()));
            diags.push(file.at_key(d, "theme").hint(msg!(BadThemeNameHint)));
        }
    }
}

/// `[images]` values in range; the widths sorted and without repeats.
fn check_images(images: &mut Images, file: &Located, diags: &mut Vec<Diagnostic>) {
    let bad = |what: String, key: &str, hint: String| {
        file.at_value(Diagnostic::error(Kind::BadImageSetting, what), key).hint(hint)
    };
    if images.widths.is_empty() {
        diags.push(bad(msg!(ImageWidthsEmpty), "images.widths", msg!(ImageWidthsEmptyHint)));
    }
    for (i, w) in images.widths.iter().enumerate() {
        if !IMAGE_WIDTHS.contains(w) {
            let what = msg!(ImageWidthOutOfRange, width = *w);
            diags.push(bad(what, &format!("images.widths.{i}"), msg!(ImageWidthOutOfRangeHint)));
        }
    }
    if !(1..=100).contains(&images.quality) {
        let what = msg!(ImageQualityOutOfRange, quality = images.quality);
        diags.push(bad(what, "images.quality", msg!(ImageQualityOutOfRangeHint)));
    }
    images.widths.sort_unstable();
    images.widths.dedup();
}

fn valid_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let main = parts.next().unwrap_or("");
    (2..=3).contains(&main.len())
        && main.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `https://host/a/b` → (`https://host`, `/a/b/`).
fn split_base_url(url: &str) -> Option<(String, String)> {
    // The scheme is case-insensitive (RFC 3986); it is written in lowercase.
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c == '?' || c == '#') {
        return None;
    }
    if path.contains(['?', '#', ' ']) || path.split('/').any(|s| s == "..") {
        return None;
    }
    // URLs carry ASCII only: the sitemap's `<loc>` must be escaped (sitemaps.org), and one
    // written form keeps every link and its check in agreement. `%` stays as written.
    let mut path = percent_encoding::utf8_percent_encode(path, percent_encoding::CONTROLS).to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    Some((format!("{scheme}://{host}"), path))
}

pub fn is_language_code(s: &str) -> bool {
    valid_language_code(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_base_url() {
        assert_eq!(split_base_url("https://a.org"), Some(("https://a.org".into(), "/".into())));
        assert_eq!(split_base_url("http://a.org/x/y"), Some(("http://a.org".into(), "/x/y/".into())));
        assert_eq!(split_base_url("a.org/"), None);
        assert_eq!(split_base_url("HTTPS://a.org/X"), Some(("https://a.org".into(), "/X/".into())));
        assert_eq!(split_base_url("ftp://a.org/"), None);
        let encoded = Some(("https://a.org".into(), "/citt%C3%A0/".into()));
        assert_eq!(split_base_url("https://a.org/città"), encoded);
        assert_eq!(split_base_url("https://a.org/citt%C3%A0/"), encoded, "already escaped: as written");
        assert_eq!(split_base_url("https://a.org/../x"), None);
    }

    #[test]
    fn language_codes() {
        assert!(valid_language_code("it"));
        assert!(valid_language_code("pt-br"));
        assert!(!valid_language_code("IT"));
        assert!(!valid_language_code("italian"));
    }
}
