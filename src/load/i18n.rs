//! Interface strings: `i18n/<lang>.toml`, flattened to dotted keys, checked so that every
//! language defines every key, and the localized date formatting behind the `date` filter.

use crate::diag::{Diagnostic, Kind};
use crate::load::config::Config;
use crate::load::toml_input::{Located, Shape, TomlText};
use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
}

/// One language's strings, by dotted key.
pub type Strings = BTreeMap<String, Value>;

#[derive(Debug, Default)]
pub struct I18n {
    /// Indexed like `Config::languages`.
    pub langs: Vec<Strings>,
    /// Files that look copied and not translated.
    pub warnings: Vec<Diagnostic>,
    /// Each language's file and where each key is written (by dotted key), indexed like
    /// `langs`; empty for a language without a file.
    pub files: Vec<Located>,
}

impl I18n {
    pub fn load(root: &Path, config: &Config) -> Result<I18n, Vec<Diagnostic>> {
        let dir = root.join("i18n");
        let mut langs = Vec::new();
        let mut files = Vec::new();
        let mut diags = Vec::new();
        let any = dir.is_dir();
        for lang in &config.languages {
            let shown = Path::new("i18n").join(format!("{}.toml", lang.code));
            let path = root.join(&shown);
            if !path.is_file() {
                if any {
                    diags.push(
                        Diagnostic::error(Kind::I18nMissingFile, msg!(I18nMissingFile, code = lang.code.as_str()))
                            .in_file(&shown)
                            .hint(msg!(I18nMissingFileHint)),
                    );
                }
                langs.push(Strings::new());
                files.push(Located::default());
                continue;
            }
            match read(&path, &shown) {
                Ok((strings, file)) => {
                    langs.push(strings);
                    files.push(file);
                }
                Err(d) => {
                    diags.extend(d);
                    langs.push(Strings::new());
                    files.push(Located::default());
                }
            }
        }
        if diags.is_empty() {
            diags.extend(missing_keys(&langs, config));
        }
        if diags.is_empty() {
            let warnings = copies(&langs, config);
            Ok(I18n { langs, warnings, files })
        } else {
            Err(diags)
        }
    }

    pub fn text(&self, lang: usize, key: &str) -> Option<&str> {
        match self.langs.get(lang)?.get(key)? {
            Value::Text(t) => Some(t),
            Value::List(_) => None,
        }
    }

    pub fn list(&self, lang: usize, key: &str) -> Option<&[String]> {
        match self.langs.get(lang)?.get(key)? {
            Value::List(l) => Some(l),
            Value::Text(_) => None,
        }
    }
}

/// A language's file that is another's copy (the first step of adding a language is to copy
/// one), or that still gives the language the other's name: the switcher would offer
/// "English" twice.
fn copies(langs: &[Strings], config: &Config) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, strings) in langs.iter().enumerate() {
        let code = &config.languages[i].code;
        let shown = Path::new("i18n").join(format!("{code}.toml"));
        let name = |s: &Strings| match s.get("language_name") {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        };
        let other = |same: &dyn Fn(&Strings) -> bool| (0..i).find(|&j| same(&langs[j]));
        let d = if let Some(j) = other(&|s| !strings.is_empty() && s == strings) {
            let other = config.languages[j].code.as_str();
            Diagnostic::warning(Kind::I18nCopied, msg!(I18nCopied, code = code.as_str(), other = other))
        } else if let Some(j) = other(&|s| name(s).is_some() && name(s) == name(strings)) {
            let (other, language) = (config.languages[j].code.as_str(), name(strings).unwrap_or_default());
            Diagnostic::warning(
                Kind::I18nCopied,
                msg!(I18nSameName, code = code.as_str(), other = other, name = language),
            )
        } else {
            continue;
        };
        diags.push(d.in_file(&shown).hint(msg!(I18nCopiedHint, code = code.as_str())));
    }
    diags
}

fn read(path: &Path, shown: &Path) -> Result<(Strings, Located), Vec<Diagnostic>> {
    let text = crate::load::toml_input::read_text(path, shown).map_err(|d| vec![d])?;
    let toml = TomlText { path: shown, file: &text, toml: 0..text.len() };
    let (table, spans) = toml.parse::<toml::Table>(&Shape::Any, &msg!(WhatInterfaceStrings))?;
    let file = Located { path: shown.to_owned(), text, spans };
    let mut out = Strings::new();
    let mut diags = Vec::new();
    flatten(&table, "", &mut out, &mut diags, &file);
    if diags.is_empty() {
        Ok((out, file))
    } else {
        Err(diags)
    }
}

fn flatten(table: &toml::Table, prefix: &str, out: &mut Strings, diags: &mut Vec<Diagnostic>, file: &Located) {
    for (k, v) in table {
        let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::String(s) => {
                out.insert(key, Value::Text(s.clone()));
            }
            toml::Value::Table(t) => flatten(t, &key, out, diags, file),
            toml::Value::Array(items) if items.iter().all(toml::Value::is_str) => {
                let list = items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect();
                out.insert(key, Value::List(list));
            }
            _ => {
                let d = Diagnostic::error(Kind::I18nBadValue, msg!(I18nBadValue, key = key.as_str()));
                diags.push(file.at_key(d, &key).hint(msg!(I18nBadValueHint, name = k.as_str())));
            }
        }
    }
}

/// Every key some language defines and another lacks, one diagnostic per (file, key).
fn missing_keys(langs: &[Strings], config: &Config) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (i, strings) in langs.iter().enumerate() {
        for (j, other) in langs.iter().enumerate() {
            if i == j {
                continue;
            }
            for key in other.keys().filter(|k| !strings.contains_key(*k)) {
                let (code, other_code) = (&config.languages[i].code, &config.languages[j].code);
                if langs[..j].iter().enumerate().any(|(x, s)| x != i && s.contains_key(key)) {
                    continue; // already reported against an earlier language
                }
                let (table, name) = key.rsplit_once('.').map_or(("", key.as_str()), |(t, n)| (t, n));
                let hint = if table.is_empty() {
                    msg!(I18nMissingKeyHint, name = name)
                } else {
                    msg!(I18nMissingKeyHintIn, name = name, table = table)
                };
                diags.push(
                    Diagnostic::error(
                        Kind::I18nMissingKey,
                        msg!(I18nMissingKey, key = key.as_str(), other = other_code.as_str()),
                    )
                    .in_file(format!("i18n/{code}.toml"))
                    .hint(hint),
                );
            }
        }
    }
    diags
}

/// Formats a date (`2024-05-01` or RFC 3339) with strftime-like codes, naming months and
/// days from the language's strings.
pub fn format_date(date: &str, format: &str, strings: &Strings) -> Result<String, String> {
    let (y, m, d, time) = parse_date(date).ok_or_else(|| msg!(NotADate, key = date))?;
    let names = |key: &str, n: usize, len: usize| -> Result<String, String> {
        match strings.get(key) {
            Some(Value::List(l)) if l.len() == len => Ok(l[n].clone()),
            _ => Err(msg!(I18nDateNames, key = key, count = len)),
        }
    };
    let mut out = String::new();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let weekday = weekday(y, m, d);
        match chars.next() {
            Some('Y') => out.push_str(&y.to_string()),
            Some('m') => out.push_str(&format!("{m:02}")),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('e') => out.push_str(&d.to_string()),
            Some('B') => out.push_str(&names("months", m as usize - 1, 12)?),
            Some('b') => out.push_str(&names("months_short", m as usize - 1, 12)?),
            Some('A') => out.push_str(&names("days", weekday, 7)?),
            Some('a') => out.push_str(&names("days_short", weekday, 7)?),
            Some('H') => out.push_str(&format!("{:02}", time.0)),
            Some('M') => out.push_str(&format!("{:02}", time.1)),
            Some('%') => out.push('%'),
            other => return Err(msg!(UnknownDateCode, code = other.map(String::from).unwrap_or_default())),
        }
    }
    Ok(out)
}

/// (year, month, day, (hour, minute)) of `YYYY-MM-DD[Thh:mm…]`.
pub fn parse_date(s: &str) -> Option<(i32, u32, u32, (u32, u32))> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let time = if b.len() >= 16 && matches!(b[10], b'T' | b't' | b' ') { (num(11..13)?, num(14..16)?) } else { (0, 0) };
    Some((y, m, d, time))
}

/// 0 = Monday … 6 = Sunday (Sakamoto's method).
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[m as usize - 1] + d as i32).rem_euclid(7);
    ((sunday_first + 6) % 7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn italian() -> Strings {
        let months = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre";
        let days = "lunedì martedì mercoledì giovedì venerdì sabato domenica";
        let mut s = Strings::new();
        s.insert("months".into(), Value::List(months.split(' ').map(String::from).collect()));
        s.insert("days".into(), Value::List(days.split(' ').map(String::from).collect()));
        s
    }

    #[test]
    fn formats_dates_with_localized_names() {
        let s = italian();
        assert_eq!(format_date("2026-11-22", "%A %e %B %Y", &s).as_deref(), Ok("domenica 22 novembre 2026"));
        assert_eq!(format_date("2024-02-29T10:05:00Z", "%d/%m/%Y %H:%M", &s).as_deref(), Ok("29/02/2024 10:05"));
        assert!(format_date("2024-02-29", "%b", &s).is_err(), "missing months_short must be an error");
        assert!(format_date("yesterday", "%Y", &s).is_err());
    }
}
