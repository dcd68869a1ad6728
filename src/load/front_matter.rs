//! Front matter: the TOML block between `+++` lines at the top of a content file, split from
//! the body and checked key by key.

use crate::diag::{Diagnostic, Kind};
use crate::load::toml_input::{Located, Shape, TomlText};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

const KEYS: Shape = Shape::Fields(&[
    ("title", Shape::Any),
    ("description", Shape::Any),
    ("date", Shape::Any),
    ("updated", Shape::Any),
    ("weight", Shape::Any),
    ("draft", Shape::Any),
    ("slug", Shape::Any),
    ("template", Shape::Any),
    ("page_template", Shape::Any),
    ("sort_by", Shape::Any),
    ("aliases", Shape::Any),
    ("feed", Shape::Any),
    ("translate", Shape::Any),
    ("translated_from", Shape::Any),
    ("taxonomies", Shape::MapOf(&Shape::Any)),
    ("paginate_by", Shape::Any),
    ("extra", Shape::Any),
]);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    #[default]
    Weight,
    Date,
    Title,
}

#[derive(Deserialize)]
struct Raw {
    title: Option<String>,
    description: Option<String>,
    date: Option<toml::Value>,
    updated: Option<toml::Value>,
    weight: Option<i64>,
    #[serde(default)]
    draft: bool,
    slug: Option<String>,
    template: Option<String>,
    page_template: Option<String>,
    sort_by: Option<SortBy>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    feed: bool,
    translate: Option<bool>,
    translated_from: Option<String>,
    #[serde(default)]
    taxonomies: BTreeMap<String, Vec<String>>,
    paginate_by: Option<i64>,
    #[serde(default)]
    extra: toml::Table,
}

/// Serializable for the load cache (`load::cache`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub weight: Option<i64>,
    pub draft: bool,
    pub slug: Option<String>,
    pub template: Option<String>,
    pub page_template: Option<String>,
    pub sort_by: SortBy,
    pub aliases: Vec<String>,
    pub feed: bool,
    pub translate: bool,
    pub translated_from: Option<String>,
    /// `[taxonomies] temi = ["clima"]`: terms by taxonomy name, as written.
    pub taxonomies: BTreeMap<String, Vec<String>>,
    /// Sections: how many pages each pager lists.
    pub paginate_by: Option<usize>,
    #[serde(with = "json_text")]
    pub extra: serde_json::Value,
}

/// A date as written (`2024-05-01` or an RFC 3339 date-time), kept as text for templates.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date(pub String);

/// `extra` as JSON text: the load cache's binary form (postcard) cannot read back a value
/// whose shape it is not told.
mod json_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(value: &serde_json::Value, s: S) -> Result<S::Ok, S::Error> {
        value.to_string().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<serde_json::Value, D::Error> {
        let text = String::deserialize(d)?;
        serde_json::from_str(&text).map_err(serde::de::Error::custom)
    }
}

/// A content file cut in two.
pub struct Split<'a> {
    pub front: &'a str,
    /// Byte offset of `front` in the file's text.
    pub front_start: usize,
    pub body: &'a str,
    /// Byte offset of `body` in the file's text.
    pub body_start: usize,
    /// 1-based file line of the body's first line.
    pub body_line: usize,
}

/// Whether `name` is a front-matter key of its own (`aliases`, `updated`…), for a hint when
/// one was written under a table such as `[taxonomies]` by mistake.
pub fn is_key(name: &str) -> bool {
    match KEYS {
        Shape::Fields(fields) => fields.iter().any(|(k, _)| *k == name),
        _ => false,
    }
}

pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let example = "+++\ntitle = \"…\"\n+++";
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Kind::EmptyFile, msg!(EmptyFile))
            .in_file(path)
            .hint(msg!(EmptyFileHint, example = example)));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() == "---" {
        return Err(Diagnostic::error(Kind::YamlFrontMatter, msg!(YamlFrontMatter))
            .in_file(path)
            .at(text, 1, 1, 3)
            .hint(msg!(YamlFrontMatterHint, example = example)));
    }
    if first.trim_end() != "+++" {
        return Err(Diagnostic::error(Kind::NoFrontMatter, msg!(NoFrontMatter))
            .in_file(path)
            .at(text, 1, 1, first.trim_end().chars().count())
            .hint(msg!(NoFrontMatterHint, example = example)));
    }
    let front_start = first.len();
    let mut offset = front_start;
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front: &text[front_start..offset],
                front_start,
                body: &text[offset + line.len()..],
                body_start: offset + line.len(),
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(Kind::UnclosedFrontMatter, msg!(UnclosedFrontMatter))
        .in_file(path)
        .at(text, 1, 1, 3)
        .hint(unclosed_hint(&text[front_start..])))
}

/// Where the missing closing `+++` probably belongs: the first line that is not TOML ends
/// the front matter, and the `+++` goes after the last setting before it (blank lines and
/// `#` lines, which TOML reads as comments but are often Markdown headings, go below it).
fn unclosed_hint(rest: &str) -> String {
    let generic = || msg!(UnclosedHint);
    let Err(e) = rest.parse::<toml::Table>() else { return generic() };
    let Some(span) = e.span() else { return generic() };
    let (bad, _) = crate::diag::line_col(rest, span.start);
    let lines: Vec<&str> = rest.lines().collect();
    let mut last = bad.saturating_sub(1);
    while last > 0 && lines.get(last - 1).is_some_and(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        last -= 1;
    }
    // `rest` starts on file line 2.
    let bad_line = bad + 1;
    if last == 0 {
        return msg!(UnclosedHintAt, bad = bad_line);
    }
    msg!(UnclosedHintAfter, after = last + 1, bad = bad_line)
}

/// A content file's front matter, parsed and checked.
pub struct Parsed {
    pub fm: FrontMatter,
    /// The file's text up to its body (both `+++` lines), with where each key and value of
    /// the front matter is written.
    pub front: Located,
    /// Byte offset of the body in the file's text.
    pub body_start: usize,
    /// 1-based file line of the body's first line.
    pub body_line: usize,
}

/// Splits a content file's text (as `read_file` returns it) and parses its front matter.
pub fn parse_file(text: &str, path: &Path) -> Result<Parsed, Vec<Diagnostic>> {
    let split = split(text, path).map_err(|d| vec![d])?;
    let toml = TomlText { path, file: text, toml: split.front_start..split.front_start + split.front.len() };
    let (raw, spans) = toml.parse::<Raw>(&KEYS, &msg!(WhatFrontMatter))?;
    let front = Located { path: path.to_owned(), text: text[..split.body_start].to_owned(), spans };
    let fm = checked(raw, &front)?;
    Ok(Parsed { fm, front, body_start: split.body_start, body_line: split.body_line })
}

/// The values' own checks, each diagnostic placed at the key or value it is about.
fn checked(raw: Raw, front: &Located) -> Result<FrontMatter, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let title = title(raw.title, raw.extra.contains_key("title"), front, &mut diags);
    let date = checked_date(raw.date, "date", front, &mut diags);
    let updated = checked_date(raw.updated, "updated", front, &mut diags);
    let slug = raw.slug.and_then(|s| match crate::slug::validate_slug(&s) {
        Ok(s) => Some(s),
        Err(e) => {
            diags.push(front.at_key(Diagnostic::error(Kind::BadSlug, e), "slug").hint(msg!(SlugHint)));
            None
        }
    });
    aliases(&raw.aliases, front, &mut diags);
    templates([("template", &raw.template), ("page_template", &raw.page_template)], front, &mut diags);
    let paginate_by = match raw.paginate_by {
        None => None,
        Some(n) if n > 0 => usize::try_from(n).ok(),
        Some(_) => {
            let d = Diagnostic::error(Kind::BadPagination, msg!(PaginateByZero));
            diags.push(front.at_value(d, "paginate_by").hint(msg!(PaginateByZeroPageHint)));
            None
        }
    };
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(FrontMatter {
        title,
        description: raw.description,
        date,
        updated,
        weight: raw.weight,
        draft: raw.draft,
        slug,
        template: raw.template,
        page_template: raw.page_template,
        sort_by: raw.sort_by.unwrap_or_default(),
        aliases: raw.aliases,
        feed: raw.feed,
        translate: raw.translate.unwrap_or(true),
        translated_from: raw.translated_from,
        taxonomies: raw.taxonomies,
        paginate_by,
        extra: crate::load::toml_input::table_to_json(&raw.extra),
    })
}

/// The page's title. One written after `[extra]` belongs to that table: the reader sees a
/// title in the file, so the error is placed there and says why it does not count.
fn title(title: Option<String>, under_extra: bool, front: &Located, diags: &mut Vec<Diagnostic>) -> String {
    match title {
        Some(t) if !t.trim().is_empty() => return t,
        Some(_) => diags.push(
            front.at_key(Diagnostic::error(Kind::MissingTitle, msg!(TitleEmpty)), "title").hint(msg!(TitleEmptyHint)),
        ),
        None if under_extra => diags.push(
            front
                .at_key(Diagnostic::error(Kind::MissingTitle, msg!(TitleMissing)), "extra.title")
                .hint(msg!(KeyUnderExtra, name = "title")),
        ),
        None => diags.push(
            Diagnostic::error(Kind::MissingTitle, msg!(TitleMissing))
                .in_file(&front.path)
                .line_only(1)
                .hint(msg!(TitleMissingHint)),
        ),
    }
    String::new()
}

/// `date` or `updated`: a TOML date, or text holding one. A date written day first
/// (`"22/11/2026"`) gets the form to write instead.
fn checked_date(value: Option<toml::Value>, key: &str, front: &Located, diags: &mut Vec<Diagnostic>) -> Option<Date> {
    let value = value?;
    if let Some(d) = parse_date(&value) {
        return Some(d);
    }
    let day_first = value.as_str().and_then(|s| crate::load::toml_input::date_error(key, s));
    diags.push(match day_first {
        Some(d) => front.at_value(d, key),
        None => front
            .at_key(Diagnostic::error(Kind::BadDate, crate::msg!(NotADate, key = key)), key)
            .hint(crate::msg!(DateOrDatetimeHint, key = key)),
    });
    None
}

fn aliases(aliases: &[String], front: &Located, diags: &mut Vec<Diagnostic>) {
    for (i, alias) in aliases.iter().enumerate() {
        if let Err(why) = check_alias(alias) {
            let d =
                Diagnostic::error(Kind::BadAlias, msg!(BadAlias, alias = alias.escape_debug().to_string(), why = why));
            diags.push(front.at_value(d, &format!("aliases.{i}")).hint(msg!(BadAliasHint)));
        }
    }
}

fn templates(names: [(&str, &Option<String>); 2], front: &Located, diags: &mut Vec<Diagnostic>) {
    for (key, value) in names {
        let Some(t) = value else { continue };
        if t.contains("..") || t.starts_with('/') || t.contains(['\\', '\0']) {
            let d = Diagnostic::error(Kind::BadTemplateName, msg!(BadTemplateName, key = key));
            diags.push(front.at_key(d, key).hint(msg!(BadTemplateNameHint, key = key)));
        }
    }
}

/// An alias becomes a file in the output, so it must be a plain path of the site: nothing
/// that could climb out of the output folder or name another site.
pub fn check_alias(alias: &str) -> Result<(), String> {
    if alias.contains('\0') {
        return Err(msg!(AliasNul));
    }
    if alias.contains("://") || alias.starts_with("//") {
        return Err(msg!(AliasFullAddress));
    }
    if !alias.starts_with('/') {
        return Err(msg!(AliasNoSlash));
    }
    if alias.contains('\\') {
        return Err(msg!(AliasBackslash));
    }
    if alias.split('/').any(|s| s == ".." || s == ".") {
        return Err(msg!(AliasDots));
    }
    if alias.contains(['?', '#']) {
        return Err(msg!(AliasQuery));
    }
    if alias.trim_matches('/').is_empty() {
        return Err(msg!(AliasHome));
    }
    Ok(())
}

fn parse_date(v: &toml::Value) -> Option<Date> {
    let dt = match v {
        toml::Value::Datetime(d) => *d,
        toml::Value::String(s) => s.trim().parse::<toml::value::Datetime>().ok()?,
        _ => return None,
    };
    dt.date?;
    Some(Date(dt.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_with_crlf_and_reports_body_line() {
        let text = "+++\r\ntitle = \"a\"\r\n+++\r\nbody\r\n";
        let s = split(text, Path::new("a.md")).map_err(|d| d.message).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.front, "title = \"a\"\r\n");
        assert_eq!(s.body, "body\r\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn unclosed_and_missing_front_matter_are_errors() {
        assert!(split("+++\ntitle = 1\n", Path::new("a.md")).is_err());
        assert!(split("# Title\n", Path::new("a.md")).is_err());
        assert!(split("", Path::new("a.md")).is_err());
    }

    fn parse(front: &str) -> Result<FrontMatter, Vec<Diagnostic>> {
        parse_file(&format!("+++\n{front}+++\nbody\n"), Path::new("a.md")).map(|p| p.fm)
    }

    fn errors(front: &str) -> Vec<Diagnostic> {
        parse(front).err().unwrap_or_default()
    }

    #[test]
    fn dates_as_toml_or_text() {
        let fm = parse("title = \"x\"\ndate = 2024-05-01\nupdated = \"2024-06-01T10:00:00Z\"\n")
            .unwrap_or_else(|_| panic!("parse failed"));
        assert_eq!(fm.date, Some(Date("2024-05-01".into())));
        assert_eq!(fm.updated, Some(Date("2024-06-01T10:00:00Z".into())));
        let errs = errors("title = \"x\"\ndate = \"tomorrow\"\n");
        assert_eq!(errs.len(), 1);
        assert_eq!((errs[0].line, errs[0].col), (Some(3), Some(1)));
    }

    #[test]
    fn day_first_dates_say_at_once_how_to_write_them() {
        for front in ["title = \"x\"\nupdated = 22/11/2026\n", "title = \"x\"\nupdated = \"22/11/2026\"\n"] {
            let errs = errors(front);
            assert_eq!(errs.len(), 1, "{errs:?}");
            let e = &errs[0];
            assert_eq!(e.kind, Kind::BadDate, "{e:?}");
            assert_eq!(e.message, "`updated` is not a date: write it as `updated = 2026-11-22`");
            assert_eq!((e.line, e.col), (Some(3), Some(11)), "at the value");
            assert!(e.hint.as_deref().unwrap_or("").contains("22 November 2026"), "{e:?}");
        }
        let e = &errors("title = \"x\"\nupdated = 2024-02-30\n")[0];
        assert!(e.hint.as_deref().unwrap_or("").contains("`updated = 2024-05-31`"), "names the key: {e:?}");
    }

    #[test]
    fn aliases_are_placed_at_their_item() {
        let front =
            "title = \"x\"\ndescription = 'not \"vecchia/\" here'\naliases = [\n  \"/a]/\",\n  \"vecchia/\",\n]\n";
        let errs = errors(front);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!((errs[0].line, errs[0].col, errs[0].len), (Some(6), Some(3), 10), "{errs:?}");
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let errs = errors("title = \"x\"\nweight = \"3\"\n");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!((errs[0].line, errs[0].col), (Some(3), Some(10)));
        assert!(errs[0].hint.as_deref().unwrap_or("").contains("whole number"));
    }
}
