//! TOML written by people (site.toml, front matter, i18n files): syntax and type errors with
//! their position, unknown keys with a "did you mean", and conversion of values for templates.

use crate::diag::{did_you_mean, Diagnostic, Kind};
use serde::de::DeserializeOwned;
use std::path::Path;

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

/// Where a TOML text sits in its file, to turn positions in the text into file positions.
pub struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    /// The file line of the text's first line (front matter starts on line 2).
    pub first_line: usize,
}

impl Source<'_> {
    /// Places `d` at the bytes `offset..offset + len` of the text, underlining characters.
    fn diag_at(&self, d: Diagnostic, offset: usize, len: usize) -> Diagnostic {
        let chars = self.text.get(offset..offset.saturating_add(len)).map_or(len, |s| s.chars().count());
        d.in_file(self.path).at_offset(self.text, self.first_line, offset, chars)
    }

    fn diag_at_line(&self, d: Diagnostic, line: usize, col: usize, len: usize) -> Diagnostic {
        d.in_file(self.path).at(self.text, line, col, len).line_shift(self.first_line)
    }

    /// Parses the text into `T`, reporting unknown keys (all of them) first, then syntax or
    /// type errors at their position.
    pub fn parse<T: DeserializeOwned>(&self, shape: &Shape, what: &str) -> Result<T, Vec<Diagnostic>> {
        let table: toml::Table = toml::from_str(self.text).map_err(|e| vec![self.syntax_error(&e, what)])?;
        let mut diags = Vec::new();
        self.check_keys(&table, shape, "", &mut diags);
        if !diags.is_empty() {
            return Err(diags);
        }
        // Typed values come from the table already parsed; only a type error pays for a
        // second parse of the text, which knows where the bad value is.
        match toml::Value::Table(table).try_into::<T>() {
            Ok(v) => Ok(v),
            Err(_) => toml::from_str(self.text).map_err(|e| vec![self.syntax_error(&e, what)]),
        }
    }

    fn syntax_error(&self, e: &toml::de::Error, what: &str) -> Diagnostic {
        let message = e.message().trim().to_owned();
        let d = Diagnostic::error(Kind::TomlSyntax, format!("{what}: {message}"));
        let d = match e.span() {
            Some(span) => self.diag_at(d, span.start, span.end.saturating_sub(span.start)),
            None => d.in_file(self.path),
        };
        // Text pasted from a word processor breaks TOML in ways the parser cannot name.
        let pasted = d.source_line.as_deref().and_then(pasted_character_hint);
        match pasted.or_else(|| type_hint(&message).map(str::to_owned)) {
            Some(h) => d.hint(h),
            None => d.hint("check the TOML syntax on this line: `key = value`, text in double quotes"),
        }
    }

    fn check_keys(&self, table: &toml::Table, shape: &Shape, at: &str, diags: &mut Vec<Diagnostic>) {
        for (key, value) in table {
            let inner_path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
            let inner_shape = match shape {
                Shape::Any => continue,
                Shape::MapOf(inner) => *inner,
                Shape::ListOf(_) => continue,
                Shape::Fields(fields) => match fields.iter().find(|(k, _)| k == key) {
                    Some((_, s)) => s,
                    None => {
                        diags.push(self.unknown_key(key, at, fields));
                        continue;
                    }
                },
            };
            self.check_value(value, inner_shape, &inner_path, diags);
        }
    }

    fn check_value(&self, value: &toml::Value, shape: &Shape, at: &str, diags: &mut Vec<Diagnostic>) {
        match (value, shape) {
            (toml::Value::Table(t), _) => self.check_keys(t, shape, at, diags),
            (toml::Value::Array(items), Shape::ListOf(inner)) => {
                for item in items {
                    self.check_value(item, inner, at, diags);
                }
            }
            _ => {}
        }
    }

    fn unknown_key(&self, key: &str, table: &str, fields: &[(&str, Shape)]) -> Diagnostic {
        let place = if table.is_empty() { String::new() } else { format!(" in `[{table}]`") };
        let mut d = Diagnostic::error(Kind::UnknownKey, format!("unknown key `{key}`{place}"));
        d = match key_position(self.text, table, key) {
            Some((line, col)) => self.diag_at_line(d, line, col, key.chars().count()),
            None => d.in_file(self.path),
        };
        let names = fields.iter().map(|(k, _)| *k);
        match did_you_mean(key, names.clone()) {
            Some(s) => d.hint(format!("did you mean `{s}`?")),
            None => {
                let all: Vec<&str> = names.collect();
                d.hint(format!("the keys allowed here are: {}", all.join(", ")))
            }
        }
    }
}

impl Diagnostic {
    /// Moves a position computed within a text to the file line it stands on.
    fn line_shift(mut self, first_line: usize) -> Self {
        self.line = self.line.map(|l| l + first_line - 1);
        self
    }
}

/// A plain-language fix for the type errors people make most. serde says what it wanted
/// after "expected", so that part decides (`invalid type: string "3", expected i64`).
fn type_hint(message: &str) -> Option<&'static str> {
    let wanted = message.rsplit_once("expected").map_or(message, |(_, w)| w);
    if message.contains("invalid date") || message.contains("invalid time") || message.contains("invalid offset") {
        Some("write a real date as `date = 2024-05-31`, or a date and time as `date = 2024-05-31T09:30:00+02:00`")
    } else if message.contains("recursion") {
        Some("this value is nested too deeply: use fewer levels of brackets and braces")
    } else if wanted.contains("i64") || wanted.contains("integer") {
        Some("write a whole number without quotes, for example `weight = 3`")
    } else if wanted.contains("a boolean") || wanted.contains("bool") {
        Some("write `true` or `false`, without quotes")
    } else if wanted.contains("sequence") || wanted.contains("array") {
        Some("write a list between square brackets, for example `aliases = [\"/old/\"]`")
    } else if wanted.contains("string") || message.contains("string") {
        Some("put text between double quotes, for example `title = \"C40\"`")
    } else {
        None
    }
}

/// Characters that word processors put where TOML needs plain ones: typographic quotes,
/// and invisible spaces that look like ordinary ones.
fn pasted_character_hint(line: &str) -> Option<String> {
    if line.contains(['\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}']) {
        return Some(
            "“ and ” are typographic quotes (word processors insert them): TOML needs straight double quotes, `title = \"C40\"`"
                .to_owned(),
        );
    }
    if line.contains(['\u{2018}', '\u{2019}']) && !line.contains('"') {
        return Some("‘ and ’ are typographic quotes: TOML needs straight quotes, `title = \"C40\"`".to_owned());
    }
    let invisible = |c: char| match c {
        '\u{a0}' => Some("U+00A0 non-breaking space"),
        '\u{202f}' => Some("U+202F narrow non-breaking space"),
        '\u{200b}' => Some("U+200B zero-width space"),
        '\u{feff}' => Some("U+FEFF zero-width no-break space"),
        '\u{2007}' | '\u{2009}' | '\u{3000}' => Some("a typographic space"),
        _ => None,
    };
    let name = line.chars().find_map(invisible)?;
    Some(format!(
        "this line contains an invisible character ({name}), often pasted from a word processor: delete the spaces around `=` and type them again"
    ))
}

/// Finds where `key` is written inside the table `table` ("" for the top level): the line and
/// column of `key = …`, or of the `[table.key]` header.
pub fn key_position(text: &str, table: &str, key: &str) -> Option<(usize, usize)> {
    let mut current = String::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(header) = trimmed.strip_prefix('[') {
            let name = header.trim_start_matches('[');
            let name: String = name.split(']').next().unwrap_or("").chars().filter(|c| !c.is_whitespace()).collect();
            let full_key = if table.is_empty() { key.to_owned() } else { format!("{table}.{key}") };
            if name == full_key {
                let col = line.find(key).map_or(1, |c| line[..c].chars().count() + 1);
                return Some((i + 1, col));
            }
            current = name;
            continue;
        }
        if current != table {
            continue;
        }
        let bare = trimmed.trim_start_matches(['"', '\'']);
        if let Some(rest) = bare.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']).trim_start();
            if rest.starts_with('=') || rest.starts_with('.') {
                let quote = trimmed.len() - bare.len();
                return Some((i + 1, line[..indent + quote].chars().count() + 1));
            }
        }
    }
    None
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

/// Reads a file as UTF-8, saying where the first bad byte is when it is not. A byte-order
/// mark is dropped and old Mac line endings (CR alone) become LF, so both are accepted.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(Kind::Io, format!("cannot read this file: {e}"))
            .in_file(shown)
            .hint("check that the file exists and that you may read it")
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| not_utf8(e.as_bytes(), e.utf8_error(), shown))?;
    // Some editors add a mark to a file that already has one.
    let marks = text.len() - text.trim_start_matches('\u{feff}').len();
    text.drain(..marks);
    if text.contains('\r') && !text.contains('\n') {
        text = text.replace('\r', "\n");
    }
    Ok(text)
}

/// Where the first byte that is not UTF-8 sits, the line it is on (with the bad bytes shown
/// as �), and the character it most likely stood for in the Windows/Latin-1 encoding that
/// word processors and older editors save in.
fn not_utf8(bytes: &[u8], err: std::str::Utf8Error, shown: &Path) -> Diagnostic {
    let good = err.valid_up_to();
    let before = String::from_utf8_lossy(&bytes[..good]);
    let (line, col) = crate::diag::line_col(&before, good);
    let line_start = bytes[..good].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line_end = bytes[good..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| good + i);
    let quoted = String::from_utf8_lossy(&bytes[line_start..line_end]);
    let bad = bytes[good];
    let meant = windows_1252(bad).map(|c| format!(" (in the Windows encoding it is `{c}`)")).unwrap_or_default();
    let mut d = Diagnostic::error(Kind::Encoding, "this file is not UTF-8 text").in_file(shown).at(&quoted, 1, col, 1);
    d.line = Some(line);
    d.hint(format!(
        "byte 0x{bad:02X} is not UTF-8{meant}: save the file with UTF-8 encoding (in most editors: Save As… → Encoding: UTF-8)"
    ))
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

    #[test]
    fn finds_keys_in_tables() {
        let text = "title = 1\n[extra]\ntitle = 2\n[[languages.en.menu]]\nname = 3\n";
        assert_eq!(key_position(text, "", "title"), Some((1, 1)));
        assert_eq!(key_position(text, "extra", "title"), Some((3, 1)));
        assert_eq!(key_position(text, "languages.en.menu", "name"), Some((5, 1)));
        assert_eq!(key_position(text, "", "extra"), Some((2, 2)));
    }
}
