//! Diagnostics: every problem the build finds in the user's files, with the file, line and
//! column it comes from and a hint saying what to do. Rendering them for people and for
//! machines lives here too, so every command reports the same way.

mod kind;
mod messages;

pub use kind::Kind;
pub use messages::{attribute_in, language, set_language, text_in, tr, tr_in, Arg, Catalog, Lang, Msg};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What kind of problem this is; its code and name are stable (`E0601`, `broken-link`).
    pub kind: Kind,
    /// The file, relative to the site root when it is inside it.
    pub path: Option<PathBuf>,
    pub line: Option<usize>,
    pub col: Option<usize>,
    /// How many characters to underline from `col`.
    pub len: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The text of the offending line, to print under the location.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            path: None,
            line: None,
            col: None,
            len: 0,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(kind, message) }
    }

    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Places the diagnostic at a 1-based line and column, quoting that line of `text`.
    pub fn at(mut self, text: &str, line: usize, col: usize, len: usize) -> Self {
        self.line = Some(line);
        self.col = Some(col);
        self.len = len.max(1);
        self.source_line = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        self
    }

    /// Places the diagnostic at a byte offset of `text`, whose first line is line `first_line`
    /// of the file.
    pub fn at_offset(self, text: &str, first_line: usize, offset: usize, len: usize) -> Self {
        let (line, col) = line_col(text, offset);
        let quoted = text.lines().nth(line - 1).unwrap_or("").to_owned();
        let mut d = self.at("", first_line + line - 1, col, len);
        d.source_line = Some(quoted);
        d
    }

    pub fn line_only(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic the way rustc and just do: message, location, quoted line,
    /// caret, hint.
    pub fn render(&self, color: bool) -> String {
        let (red, yellow, blue, bold, reset) =
            if color { ("\x1b[31;1m", "\x1b[33;1m", "\x1b[34;1m", "\x1b[1m", "\x1b[0m") } else { ("", "", "", "", "") };
        let (label, tint) = match self.severity {
            Severity::Error => (tr(Msg::LabelError, &[]), red),
            Severity::Warning => (tr(Msg::LabelWarning, &[]), yellow),
        };
        let code = self.kind.code();
        let mut out = format!("{tint}{label}[{code}]{reset}{bold}: {}{reset}\n", self.message);
        if let Some(path) = &self.path {
            let mut loc = path.display().to_string().replace('\\', "/");
            if let Some(line) = self.line {
                let _ = write!(loc, ":{line}");
                if let Some(col) = self.col {
                    let _ = write!(loc, ":{col}");
                }
            }
            let _ = writeln!(out, "  {blue}-->{reset} {loc}");
        }
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            let (text, col) = excerpt(text, self.col);
            let _ = writeln!(out, "  {pad} {blue}|{reset}");
            let _ = writeln!(out, "  {blue}{num} |{reset} {text}");
            if let Some(col) = col {
                let indent: String =
                    text.chars().take(col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let room = text.chars().count().saturating_sub(indent.chars().count()).max(1);
                let carets = "^".repeat(self.len.clamp(1, room));
                let _ = writeln!(out, "  {pad} {blue}|{reset} {indent}{tint}{carets}{reset}");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  {blue}= {}:{reset} {hint}", tr(Msg::LabelHelp, &[]));
        }
        out
    }
}

/// `{severity, kind, code, path, line, col, message, hint}`, the form `--format json` prints.
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diagnostic", 8)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("code", self.kind.code())?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("col", &self.col)?;
        st.serialize_field("message", &self.message)?;
        st.serialize_field("hint", &self.hint)?;
        st.end()
    }
}

/// The part of a long line worth quoting: about `EXCERPT` characters around the column,
/// with `…` where it was cut, and the column within the excerpt. A 10 MB line of text
/// (a minified file, a paste without line breaks) must not flood the terminal.
fn excerpt(text: &str, col: Option<usize>) -> (std::borrow::Cow<'_, str>, Option<usize>) {
    const EXCERPT: usize = 160;
    if text.len() <= EXCERPT || text.chars().nth(EXCERPT).is_none() {
        return (text.into(), col);
    }
    let at = col.unwrap_or(1).saturating_sub(1);
    let first = at.saturating_sub(EXCERPT / 3);
    let mut chars = text.char_indices().skip(first);
    let start = chars.next().map_or(text.len(), |(i, _)| i);
    let end = chars.nth(EXCERPT.saturating_sub(2)).map_or(text.len(), |(i, _)| i);
    let mut out = String::with_capacity(end - start + 8);
    if first > 0 {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    (out.into(), col.map(|c| c - first + usize::from(first > 0)))
}

/// Whether to colour what goes to `stream`: only on a terminal, and never when `NO_COLOR`
/// is set to anything but the empty string (<https://no-color.org>).
pub fn color(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Shows `path` relative to `root` when it is inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates.into_iter().map(|c| (strsim::levenshtein(word, c), c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

/// Sorts diagnostics by file and position so output is stable whatever order threads found
/// them in.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.path, a.line, a.col, a.severity, &a.message).cmp(&(&b.path, b.line, b.col, b.severity, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["title", "description", "date", "weight"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("wieght", keys), Some("weight"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncà d", 6), (2, 3));
        assert_eq!(line_col("x", 0), (1, 1));
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let line = format!("{}[x](@/a.md){}", "a".repeat(100_000), "b".repeat(100_000));
        let d = Diagnostic::error(Kind::BrokenLink, "broken").in_file("a.md").at(&line, 1, 100_001, 11);
        let text = d.render(false);
        assert!(text.len() < 1000, "{text}");
        assert!(text.contains("--> a.md:1:100001"), "{text}");
        let quoted = text.lines().find(|l| l.contains("[x]")).unwrap_or_default();
        let carets = text.lines().find(|l| l.contains('^')).unwrap_or_default();
        assert!(quoted.contains("…aaa") && quoted.ends_with('…'), "{quoted}");
        assert_eq!(quoted.find("[x]").map(|i| quoted[..i].chars().count()), carets.find('^'), "{text}");
        let short = Diagnostic::error(Kind::TomlSyntax, "m").in_file("a.md").at("x = 1", 1, 5, 1).render(false);
        assert!(short.contains("1 | x = 1\n") && short.contains("|     ^\n"), "{short}");
    }

    #[test]
    fn renders_location_caret_and_hint() {
        let d = Diagnostic::error(Kind::UnknownKey, "unknown key `titel`")
            .in_file("content/a.md")
            .at("+++\ntitel = 1\n", 2, 1, 5)
            .hint("did you mean `title`?");
        let text = d.render(false);
        assert!(text.contains("--> content/a.md:2:1"), "{text}");
        assert!(text.contains("2 | titel = 1"), "{text}");
        assert!(text.contains("| ^^^^^"), "{text}");
        assert!(text.contains("= help: did you mean `title`?"), "{text}");
    }
}
