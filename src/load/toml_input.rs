//! TOML written by people (site.toml, front matter, i18n files), parsed once with the span
//! of every key and value (`toml::de::DeTable`): syntax and type errors placed where the
//! parser found them, unknown keys with a "did you mean", and the spans kept (`Located`) so
//! that every later diagnostic about a key or value is placed from them, never by finding
//! the key in the text again. Also the one reader of text files (`read_file`) and the
//! conversion of values for templates.

use crate::diag::{did_you_mean, Diagnostic, Kind};
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

/// The keys a table may hold, so unknown ones can be reported with a suggestion.
pub enum Shape {
    /// Anything goes (free `[extra]` tables).
    Any,
    Fields(&'static [(&'static str, Shape)]),
    /// A table whose keys are free but whose values all have one shape (`[languages.*]`).
    MapOf(&'static Shape),
    /// An array (of tables) whose items all have one shape.
    ListOf(&'static Shape),
}

/// Where one key and its value are written, as byte ranges of the file's text. An array item
/// has no key of its own: its `key` is its value's range.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub key: Range<usize>,
    pub value: Range<usize>,
}

/// The spans of every key and value of a TOML text, by dotted path: `title`, `extra.lead`,
/// `aliases.0` (an array's items by index), `languages.en.menu.1.path`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spans(BTreeMap<String, Span>);

impl Spans {
    /// The spans of `table`, parsed from a text that starts at byte `shift` of its file.
    fn of(table: &DeTable<'_>, shift: usize) -> Spans {
        let mut spans = Spans::default();
        spans.table(table, "", shift);
        spans
    }

    fn table(&mut self, table: &DeTable<'_>, at: &str, shift: usize) {
        for (key, value) in table {
            let path = if at.is_empty() { key.get_ref().to_string() } else { format!("{at}.{}", key.get_ref()) };
            let span = Span { key: shifted(key.span(), shift), value: shifted(value.span(), shift) };
            // `"a.b"` and `a.b` share a path; the first keeps it.
            self.0.entry(path.clone()).or_insert(span);
            self.value(value.get_ref(), &path, shift);
        }
    }

    fn value(&mut self, value: &DeValue<'_>, path: &str, shift: usize) {
        match value {
            DeValue::Table(t) => self.table(t, path, shift),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = format!("{path}.{i}");
                    let range = shifted(item.span(), shift);
                    self.0.entry(at.clone()).or_insert(Span { key: range.clone(), value: range });
                    self.value(item.get_ref(), &at, shift);
                }
            }
            _ => {}
        }
    }

    pub fn get(&self, path: &str) -> Option<&Span> {
        self.0.get(path)
    }

    /// The innermost key whose value holds `range`: the key a parse error is about.
    fn holding(&self, range: &Range<usize>) -> Option<(&str, &Span)> {
        self.0
            .iter()
            .filter(|(_, s)| s.value.start <= range.start && range.end <= s.value.end)
            .min_by_key(|(_, s)| s.value.len())
            .map(|(k, s)| (k.as_str(), s))
    }
}

fn shifted(r: Range<usize>, shift: usize) -> Range<usize> {
    r.start + shift..r.end + shift
}

/// A file's text kept with the spans of its TOML, so that any stage can place a diagnostic at
/// a key or a value without reading the file again (it may have changed since it was loaded).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Located {
    /// The file as diagnostics name it (`site.toml`, `content/reti/c40.md`).
    pub path: PathBuf,
    /// The file's text from its start, as far as the spans reach (a content file's up to
    /// its body).
    pub text: String,
    pub spans: Spans,
}

impl Located {
    pub fn has(&self, path: &str) -> bool {
        self.spans.get(path).is_some()
    }

    /// `d` at the key `path` (its name, inside any quotes), or only in the file if there is
    /// no such key.
    pub fn at_key(&self, d: Diagnostic, path: &str) -> Diagnostic {
        match self.spans.get(path) {
            Some(span) => self.at(d, unquoted(&self.text, span.key.clone())),
            None => d.in_file(&self.path),
        }
    }

    /// `d` at the value of the key `path` (an array item: `aliases.2`).
    pub fn at_value(&self, d: Diagnostic, path: &str) -> Diagnostic {
        match self.spans.get(path) {
            Some(span) => self.at(d, span.value.clone()),
            None => d.in_file(&self.path),
        }
    }

    /// `d` at a string value's text, inside its quotes.
    pub fn at_string(&self, d: Diagnostic, path: &str) -> Diagnostic {
        match self.spans.get(path) {
            Some(span) => self.at(d, unquoted(&self.text, span.value.clone())),
            None => d.in_file(&self.path),
        }
    }

    /// `d` at the bytes `range` of the text, underlining at most the rest of their first line.
    pub fn at(&self, d: Diagnostic, range: Range<usize>) -> Diagnostic {
        at_range(d.in_file(&self.path), &self.text, range)
    }
}

fn at_range(d: Diagnostic, text: &str, range: Range<usize>) -> Diagnostic {
    let shown = text.get(range.clone()).unwrap_or("");
    let len = shown.split('\n').next().unwrap_or("").trim_end_matches('\r').chars().count();
    d.at_offset(text, 1, range.start, len.max(1))
}

/// A quoted key's range without its quotes.
fn unquoted(text: &str, r: Range<usize>) -> Range<usize> {
    match text.get(r.clone()) {
        Some(k) if k.len() >= 2 && (k.starts_with('"') || k.starts_with('\'')) => r.start + 1..r.end - 1,
        _ => r,
    }
}

/// A TOML text inside a file: the file's text (as `read_file` returns it) and the bytes of it
/// that are TOML (all of site.toml; the lines between the `+++` of front matter). Spans and
/// positions are offsets into the whole file's text.
pub struct TomlText<'a> {
    pub path: &'a Path,
    pub file: &'a str,
    pub toml: Range<usize>,
}

impl TomlText<'_> {
    fn text(&self) -> &str {
        &self.file[self.toml.clone()]
    }

    /// Places `d` at the bytes `range` of the file.
    fn diag_at(&self, d: Diagnostic, range: Range<usize>) -> Diagnostic {
        at_range(d.in_file(self.path), self.file, range)
    }

    /// Parses the text into `T` and the spans of its keys, reporting unknown keys (all of
    /// them) first, then a syntax or type error at its position.
    pub fn parse<T: DeserializeOwned>(&self, shape: &Shape, what: &str) -> Result<(T, Spans), Vec<Diagnostic>> {
        let table = DeTable::parse(self.text()).map_err(|e| vec![self.syntax_error(&e, what)])?;
        let spans = Spans::of(table.get_ref(), self.toml.start);
        let mut diags = Vec::new();
        self.check_keys(table.get_ref(), shape, "", &mut diags);
        if !diags.is_empty() {
            // Tables iterate in key order: the file's order is the reader's.
            crate::diag::sort(&mut diags);
            return Err(diags);
        }
        match T::deserialize(toml::de::Deserializer::from(table)) {
            Ok(v) => Ok((v, spans)),
            Err(e) => Err(vec![self.syntax_error(&e, what)]),
        }
    }

    fn syntax_error(&self, e: &toml::de::Error, what: &str) -> Diagnostic {
        let span = e.span().map(|s| shifted(s, self.toml.start));
        // The key the error is about, from what the parser could still make of the text.
        let (table, _) = DeTable::parse_recoverable(self.text());
        let spans = Spans::of(table.get_ref(), self.toml.start);
        let key = span.as_ref().and_then(|s| spans.holding(s));
        if let Some(d) = key.and_then(|(k, s)| self.day_first_date(k, s)) {
            return d;
        }
        let message = e.message().trim().to_owned();
        let name = key.map_or("date", |(k, _)| k.rsplit('.').next().unwrap_or(k));
        let unquoted =
            key.filter(|_| message.starts_with("string values must be quoted")).and_then(|_| unquoted_hint(name));
        // The parser's "must be quoted" would contradict the help for a yes/no, number or date.
        let problem = match unquoted {
            Some(_) => crate::msg!(TomlValueNotFor, key = name),
            None => super::toml_problem::problem(&message),
        };
        let d = Diagnostic::error(Kind::TomlSyntax, crate::msg!(TomlSyntax, what = what, problem = problem.as_str()));
        let d = match span {
            Some(span) => self.diag_at(d, span),
            None => d.in_file(self.path),
        };
        // Text pasted from a word processor breaks TOML in ways the parser cannot name.
        let pasted = d.source_line.as_deref().and_then(pasted_character_hint);
        // TOML puts every key after a `[taxonomies]` line into that table: `draft = true`
        // written there is a taxonomy whose terms are not a list.
        let misplaced = key
            .and_then(|(k, _)| k.strip_prefix("taxonomies."))
            .filter(|k| *k != "taxonomies" && super::front_matter::is_key(k))
            .map(|k| crate::msg!(KeyUnderTaxonomies, name = k));
        let hint = pasted.or(misplaced).or(unquoted).or_else(|| closest_value(&message));
        match hint.or_else(|| type_hint(&message, name)) {
            Some(h) => d.hint(h),
            None => d.hint(crate::msg!(TomlSyntaxHint)),
        }
    }

    /// `updated = 22/11/2026`: TOML reads no such date (nor text without quotes), so say at
    /// once how to write it.
    fn day_first_date(&self, path: &str, span: &Span) -> Option<Diagnostic> {
        let key = path.rsplit('.').next().unwrap_or(path);
        let d = date_error(key, self.file.get(span.value.clone())?)?;
        Some(self.diag_at(d, span.value.clone()))
    }

    fn check_keys(&self, table: &DeTable<'_>, shape: &Shape, at: &str, diags: &mut Vec<Diagnostic>) {
        for (key, value) in table {
            let name = key.get_ref();
            let inner_path = if at.is_empty() { name.to_string() } else { format!("{at}.{name}") };
            let inner_shape = match shape {
                Shape::Any => continue,
                Shape::MapOf(inner) => *inner,
                Shape::ListOf(_) => continue,
                Shape::Fields(fields) => match fields.iter().find(|(k, _)| k == name) {
                    Some((_, s)) => s,
                    None => {
                        let range = unquoted(self.file, shifted(key.span(), self.toml.start));
                        diags.push(self.unknown_key(name, at, fields, range));
                        continue;
                    }
                },
            };
            self.check_value(value.get_ref(), inner_shape, &inner_path, diags);
        }
    }

    fn check_value(&self, value: &DeValue<'_>, shape: &Shape, at: &str, diags: &mut Vec<Diagnostic>) {
        match (value, shape) {
            (DeValue::Table(t), _) => self.check_keys(t, shape, at, diags),
            (DeValue::Array(items), Shape::ListOf(inner)) => {
                for item in items.iter() {
                    self.check_value(item.get_ref(), inner, at, diags);
                }
            }
            _ => {}
        }
    }

    fn unknown_key(&self, key: &str, table: &str, fields: &[(&str, Shape)], range: Range<usize>) -> Diagnostic {
        let message = if table.is_empty() {
            crate::msg!(UnknownKey, key = key)
        } else {
            crate::msg!(UnknownKeyIn, key = key, table = table)
        };
        let d = self.diag_at(Diagnostic::error(Kind::UnknownKey, message), range);
        if let Some(instead) = zola_instead(key).filter(|_| table.is_empty()) {
            return d.hint(crate::msg!(ZolaKey, key = key, instead = instead));
        }
        let names = fields.iter().map(|(k, _)| *k);
        match did_you_mean(key, names.clone()) {
            Some(s) => d.hint(crate::msg!(DidYouMean, suggestion = s)),
            None => {
                let all: Vec<&str> = names.collect();
                d.hint(crate::msg!(KeysAllowed, keys = all.join(", ")))
            }
        }
    }
}

/// What sito does instead of a front-matter key Zola has and sito does not: people who move
/// a Zola site bring them, and the nearest key by spelling (`transparent` → `translate`)
/// would mean something else.
fn zola_instead(key: &str) -> Option<String> {
    Some(match key {
        "transparent" => crate::msg!(ZolaTransparent),
        "redirect_to" => crate::msg!(ZolaRedirectTo),
        "render" => crate::msg!(ZolaRender),
        "insert_anchor_links" => crate::msg!(ZolaInsertAnchorLinks),
        "path" => crate::msg!(ZolaPath),
        "in_search_index" => crate::msg!(ZolaInSearchIndex),
        "paginate_path" => crate::msg!(ZolaPaginatePath),
        "paginate_reversed" => crate::msg!(ZolaPaginateReversed),
        "generate_feeds" | "generate_feed" => crate::msg!(ZolaGenerateFeeds),
        _ => return None,
    })
}

/// The error for a value written as a date TOML does not read (`22/11/2026`, `22.11.2026`,
/// `2026/11/22`, quoted or not), saying how to write it; `None` if it does not look like a
/// date at all.
pub fn date_error(key: &str, written: &str) -> Option<Diagnostic> {
    date_parts(written)?;
    Some(match iso_date(written) {
        Some(iso) => {
            let spelled = spelled_date(&iso);
            Diagnostic::error(Kind::BadDate, crate::msg!(DateWriteAs, key = key, iso = iso.as_str())).hint(crate::msg!(
                DateWriteAsHint,
                key = key,
                iso = iso.as_str(),
                spelled = spelled
            ))
        }
        None => Diagnostic::error(Kind::BadDate, crate::msg!(NotADate, key = key))
            .hint(crate::msg!(NotADateHint, key = key)),
    })
}

/// (year, month, day) of three groups of digits joined by `/`, `.` or `-`, the year first or
/// last (day first otherwise, as Italian editors write dates); not TOML's own
/// `2026-11-22`, whose errors the parser explains.
fn date_parts(written: &str) -> Option<(u32, u32, u32)> {
    let s = written.trim().trim_matches(['"', '\'']).trim();
    if let Some(parts) = named_month_parts(s) {
        return Some(parts);
    }
    let sep = s.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = match (a.len(), c.len()) {
        (4, _) if sep != '-' => (a, b, c),
        (_, 4) => (c, b, a),
        _ => return None,
    };
    Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
}

/// (year, month, day) of a date written out with its month's name, Italian or English,
/// whole or cut to three letters: `7 dicembre 2026`, `7 dic. 2026`, `December 7, 2026`.
fn named_month_parts(s: &str) -> Option<(u32, u32, u32)> {
    const MONTHS: [[&str; 2]; 12] = [
        ["gennaio", "january"],
        ["febbraio", "february"],
        ["marzo", "march"],
        ["aprile", "april"],
        ["maggio", "may"],
        ["giugno", "june"],
        ["luglio", "july"],
        ["agosto", "august"],
        ["settembre", "september"],
        ["ottobre", "october"],
        ["novembre", "november"],
        ["dicembre", "december"],
    ];
    let month = |word: &str| {
        let w = word.trim_end_matches('.').to_lowercase();
        let matches = |name: &str| w.len() >= 3 && name.starts_with(w.as_str());
        (w.len() >= 3).then(|| MONTHS.iter().position(|names| names.iter().any(|n| matches(n))))?.map(|m| m as u32 + 1)
    };
    let number = |word: &str| word.trim_end_matches([',', '.']).parse::<u32>().ok();
    let words: Vec<&str> = s.split_whitespace().collect();
    let [a, b, c] = words[..] else { return None };
    let (d, m) = match (number(a), month(a)) {
        (Some(d), _) => (d, month(b)?),
        (None, Some(m)) => (number(b)?, m),
        _ => return None,
    };
    let y = number(c).filter(|y| *y >= 1000)?;
    Some((y, m, d))
}

/// The `2026-11-22` form of a date [`date_parts`] reads, if it is a real day.
pub fn iso_date(written: &str) -> Option<String> {
    let (y, m, d) = date_parts(written)?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let last = *days.get((m as usize).checked_sub(1)?)?;
    (1..=last).contains(&d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `2026-11-22` → `22 November 2026` (`22 novembre 2026`), so the reader can see which day
/// was understood.
fn spelled_date(iso: &str) -> String {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month, day) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    crate::msg!(SpelledDate, day = day, month = month, year = year.to_string())
}

/// `sort_by = "data"`: serde lists the values it takes (`unknown variant `data`, expected
/// one of `weight`, `date`, `title``); the closest one is the likely meaning.
fn closest_value(message: &str) -> Option<String> {
    let unknown = super::toml_problem::unknown_value(message)?;
    crate::diag::did_you_mean(unknown.written, unknown.allowed.iter().copied())
        .map(|s| crate::msg!(DidYouMean, suggestion = s))
}

/// A value written without quotes (`draft = vero`, `updated = 7 dicembre 2026`): the fix
/// depends on what the key takes. Telling everyone to add quotes, as for a title, led to a
/// second error for a yes/no key and contradicted the guide for dates (editors' trial).
fn unquoted_hint(key: &str) -> Option<String> {
    Some(match key {
        "draft" | "translate" | "feed" | "search" | "sitemap" | "robots" | "minify" => crate::msg!(WriteBoolean),
        "weight" | "paginate_by" => crate::msg!(WriteWholeNumber),
        "date" | "updated" => crate::msg!(DateOrDatetimeHint, key = key),
        _ => return None,
    })
}

/// A plain-language fix for the type errors people make most. serde says what it wanted
/// after "expected", so that part decides (`invalid type: string "3", expected i64`). `key`
/// is the key the error is about, for the date example.
fn type_hint(message: &str, key: &str) -> Option<String> {
    let wanted = message.rsplit_once("expected").map_or(message, |(_, w)| w);
    let hint =
        if message.contains("invalid date") || message.contains("invalid time") || message.contains("invalid offset") {
            return Some(crate::msg!(DateOrDatetimeHint, key = key));
        } else if message.contains("recursion") {
            crate::msg!(NestedTooDeeply)
        } else if wanted.contains("i64") || wanted.contains("integer") {
            crate::msg!(WriteWholeNumber)
        } else if wanted.contains("a boolean") || wanted.contains("bool") {
            crate::msg!(WriteBoolean)
        } else if wanted.contains("sequence") || wanted.contains("array") {
            crate::msg!(WriteList)
        } else if wanted.contains("string") || message.contains("string") {
            crate::msg!(WriteText)
        } else {
            return None;
        };
    Some(hint)
}

/// Characters that word processors put where TOML needs plain ones: typographic quotes,
/// and invisible spaces that look like ordinary ones.
fn pasted_character_hint(line: &str) -> Option<String> {
    if line.contains(['\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}']) {
        return Some(crate::msg!(TypographicDoubleQuotes));
    }
    if line.contains(['\u{2018}', '\u{2019}']) && !line.contains('"') {
        return Some(crate::msg!(TypographicSingleQuotes));
    }
    // The character's Unicode name, by its code point (`u00a0` for U+00A0).
    let invisible = |c: char| match c {
        '\u{a0}' | '\u{202f}' | '\u{200b}' | '\u{feff}' => Some(format!("u{:04x}", u32::from(c))),
        '\u{2007}' | '\u{2009}' | '\u{3000}' => Some(String::new()),
        _ => None,
    };
    let code = line.chars().find_map(invisible)?;
    let name = if code.is_empty() { crate::msg!(TypographicSpace) } else { crate::msg!(InvisibleName, code = code) };
    Some(crate::msg!(InvisibleCharacter, name = name))
}

/// TOML values as template values; dates become their RFC 3339 text.
pub fn to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => table_to_json(t),
    }
}

pub fn table_to_json(table: &toml::Table) -> serde_json::Value {
    serde_json::Value::Object(table.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
}

/// How `read_file` turned a file's bytes into its text: byte-order marks dropped from the
/// start, old Mac line endings (CR alone) made LF. Both are undone exactly by `bytes`, so a
/// file can be compared with, or edited from, what was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Normalized {
    /// How many byte-order marks the file started with.
    pub marks: usize,
    pub cr_only: bool,
}

impl Normalized {
    /// The file's bytes for `text` (the file's text, or an edit of it).
    pub fn bytes(&self, text: &str) -> Vec<u8> {
        let mut out = "\u{feff}".repeat(self.marks).into_bytes();
        if self.cr_only {
            out.extend(text.bytes().map(|b| if b == b'\n' { b'\r' } else { b }));
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}

/// Reads a file as UTF-8, saying where the first bad byte is when it is not. Every text file
/// of the site is read here, so all readers see the same text: a byte-order mark is dropped
/// and old Mac line endings (CR alone) become LF, so both are accepted.
pub fn read_file(path: &Path, shown: &Path) -> Result<(String, Normalized), Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(Kind::Io, crate::msg!(CannotReadFile, error = e.to_string()))
            .in_file(shown)
            .hint(crate::msg!(CannotReadFileHint))
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error(), shown))?;
    // Some editors add a mark to a file that already has one.
    let rest = text.trim_start_matches('\u{feff}').len();
    let marks = (text.len() - rest) / '\u{feff}'.len_utf8();
    text.drain(..text.len() - rest);
    let cr_only = text.contains('\r') && !text.contains('\n');
    if cr_only {
        text = text.replace('\r', "\n");
    }
    Ok((text, Normalized { marks, cr_only }))
}

/// [`read_file`]'s text alone.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    read_file(path, shown).map(|(text, _)| text)
}

/// Where the first byte that is not UTF-8 sits, the line it is on (with the bad bytes shown
/// as �), and the character it most likely stood for in the Windows/Latin-1 encoding that
/// word processors and older editors save in.
fn not_utf8(bytes: &[u8], err: std::str::Utf8Error, shown: &Path) -> Diagnostic {
    // Windows' "Unicode" is UTF-16, which starts with its byte-order mark: said as such,
    // at the file (its lines, quoted, would be half NUL bytes).
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Diagnostic::error(Kind::Encoding, crate::msg!(NotUtf8Utf16))
            .in_file(shown)
            .line_only(1)
            .hint(crate::msg!(NotUtf8Utf16Hint));
    }
    let good = err.valid_up_to();
    let before = String::from_utf8_lossy(&bytes[..good]);
    let (line, col) = crate::diag::line_col(&before, good);
    let line_start = bytes[..good].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line_end = bytes[good..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| good + i);
    let quoted = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let bad = bytes[good];
    let meant = windows_1252(bad).map(|c| crate::msg!(NotUtf8Meant, char = c.to_string())).unwrap_or_default();
    let mut d = Diagnostic::error(Kind::Encoding, crate::msg!(NotUtf8)).in_file(shown).at(&quoted, 1, col, 1);
    d.line = Some(line);
    d.hint(crate::msg!(NotUtf8Hint, byte = format!("{bad:02X}"), meant = meant))
}

/// The character a byte stands for in Windows-1252, for the bytes people meet.
fn windows_1252(b: u8) -> Option<char> {
    Some(match b {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        0xA0..=0xFF => char::from(b),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Spans {
        let t = TomlText { path: Path::new("a.toml"), file: text, toml: 4..text.len() };
        t.parse::<toml::Table>(&Shape::Any, "a").map(|(_, s)| s).unwrap_or_else(|d| panic!("{d:?}"))
    }

    #[test]
    fn spans_are_file_offsets_of_keys_values_and_items() {
        let text = "+++\ntitle = \"x\"\naliases = [\"/a]/\", '/b/']\n[extra]\nt = \"\"\"\n[y]\n\"\"\"\n[[m]]\np = 1\n";
        let s = parsed(text);
        let at = |path: &str| s.get(path).map(|s| (&text[s.key.clone()], &text[s.value.clone()]));
        assert_eq!(at("title"), Some(("title", "\"x\"")));
        assert_eq!(at("aliases.0"), Some(("\"/a]/\"", "\"/a]/\"")));
        assert_eq!(at("aliases.1").map(|a| a.1), Some("'/b/'"));
        assert_eq!(at("extra.t").map(|a| a.1), Some("\"\"\"\n[y]\n\"\"\""));
        assert_eq!(at("extra").map(|a| a.0), Some("extra"));
        assert_eq!(at("m.0.p"), Some(("p", "1")));
        assert_eq!(at("y"), None, "a `[y]` line inside a string is no table");
    }

    #[test]
    fn day_first_dates_become_iso() {
        assert_eq!(iso_date("22/11/2026").as_deref(), Some("2026-11-22"));
        assert_eq!(iso_date("\"1.2.2026\"").as_deref(), Some("2026-02-01"));
        assert_eq!(iso_date("29-02-2024").as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date("2026/11/22").as_deref(), Some("2026-11-22"));
        assert_eq!(iso_date("29/02/2026"), None, "not a leap year");
        assert_eq!(iso_date("7 dicembre 2026").as_deref(), Some("2026-12-07"));
        assert_eq!(iso_date("7 Dic. 2026").as_deref(), Some("2026-12-07"));
        assert_eq!(iso_date("December 7, 2026").as_deref(), Some("2026-12-07"));
        assert_eq!(iso_date("1 mag 2024").as_deref(), Some("2024-05-01"));
        assert_eq!(iso_date("7 di 2026"), None, "too short to tell the month");
        assert_eq!(iso_date("Vertice di Milano"), None);
        assert_eq!(iso_date("11/22/2026"), None, "month first is not read");
        assert_eq!(iso_date("2026-11-22"), None);
        assert_eq!(iso_date("tomorrow"), None);
        assert!(date_error("updated", "31/02/2026").is_some_and(|d| d.message == "`updated` is not a date"));
        assert!(date_error("weight", "1.5").is_none() && date_error("v", "1.2.3").is_none());
        assert_eq!(spelled_date("2026-02-01"), "1 February 2026");
    }

    #[test]
    fn reading_undoes_exactly() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for bytes in ["\u{feff}\u{feff}+++\rt = 1\r+++\r", "+++\r\nt = 1\r\n", "a\rb\nc"] {
            let path = dir.path().join("a.md");
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            let (text, how) = read_file(&path, Path::new("a.md")).unwrap_or_else(|d| panic!("{d:?}"));
            assert!(!text.starts_with('\u{feff}'));
            assert_eq!(how.bytes(&text), bytes.as_bytes());
        }
    }
}
