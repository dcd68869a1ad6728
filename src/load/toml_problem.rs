//! The TOML parser's account of a mistake, in the language sito speaks. The parser (and
//! serde, for a value of the wrong type) writes English: `invalid basic string, expected
//! `"``. The mistakes people make most get sito's own words; anything else keeps the
//! parser's, so nothing is lost. English keeps the parser's text as it is.

use crate::diag::{language, Lang, Msg};

/// `message` in the language sito speaks.
pub fn problem(message: &str) -> String {
    if language() == Lang::En {
        return message.to_owned();
    }
    translated(message).unwrap_or_else(|| message.to_owned())
}

fn translated(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.split_once(", expected ")?;
        let found = kind_of(found)?;
        return Some(crate::msg!(TomlWrongType, found = found, wanted = wanted_kind(wanted)?));
    }
    if let Some(unknown) = unknown_value(message) {
        let quoted = |v: &str| format!("`{v}`");
        let allowed: Vec<String> = unknown.allowed.iter().map(|a| quoted(a)).collect();
        return Some(crate::msg!(TomlUnknownValue, written = quoted(unknown.written), allowed = allowed.join(", ")));
    }
    let (what, expected) = match message.split_once(", expected ") {
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let (id, says_what_is_missing) = description(what)?;
    let text = crate::diag::tr(id, &[]);
    Some(match expected.filter(|_| says_what_is_missing) {
        Some(expected) => crate::msg!(TomlProblemNeeds, problem = text, expected = expected_items(expected)),
        None => text,
    })
}

/// A value outside a fixed list (`sort_by = "data"`), as serde reports it: "unknown variant
/// `data`, expected one of `weight`, `date`, `title`" (or "`a` or `b`", or "`a`").
pub struct UnknownValue<'a> {
    pub written: &'a str,
    pub allowed: Vec<&'a str>,
}

/// Read once here for both uses: the message in sito's words and the did-you-mean help.
pub fn unknown_value(message: &str) -> Option<UnknownValue<'_>> {
    let (written, allowed) = message.strip_prefix("unknown variant ")?.split_once(", expected ")?;
    let written = written.strip_prefix('`')?.strip_suffix('`')?;
    let allowed = allowed.split('`').skip(1).step_by(2).collect();
    Some(UnknownValue { written, allowed })
}

/// The parser's description, and whether what it expected helps (for a missing `=` or `]`
/// it does; for text without quotes, the help says more).
fn description(what: &str) -> Option<(Msg, bool)> {
    Some(match what {
        "invalid basic string"
        | "invalid literal string"
        | "invalid string"
        | "invalid multi-line basic string"
        | "invalid multi-line literal string" => (Msg::TomlBadString, true),
        "missing opening quote" => (Msg::TomlNoOpeningQuote, false),
        "key with no value" | "missing value" | "missing value for key" => (Msg::TomlNoValue, true),
        "string values must be quoted" => (Msg::TomlUnquoted, false),
        "unclosed array" => (Msg::TomlUnclosedList, true),
        "unclosed inline table" => (Msg::TomlUnclosedInlineTable, true),
        "unclosed table" | "unclosed array table" => (Msg::TomlUnclosedTable, true),
        "missing comma between array elements" => (Msg::TomlListComma, false),
        "missing assignment between key-value pairs" => (Msg::TomlNoAssignment, true),
        "invalid unquoted key" | "invalid key" | "unquoted keys cannot be empty" => (Msg::TomlBadKey, false),
        "unexpected content" | "invalid key-value pair" | "unexpected key or value" => (Msg::TomlUnexpected, false),
        "duplicate key" => (Msg::TomlDuplicateKey, false),
        // What follows ("a two-digit day (DD)") is the parser's English; the help line shows
        // the form to write.
        "invalid date" | "invalid time" | "invalid offset" => (Msg::TomlBadDate, false),
        _ => return None,
    })
}

/// What the parser expected: its characters as written (`` `"` ``, `` `=` ``), its words
/// translated when sito knows them.
fn expected_items(expected: &str) -> String {
    let items: Vec<String> = expected
        .split(", ")
        .map(|item| match item {
            "literal string" => crate::msg!(TomlWantText),
            "newline" => crate::msg!(TomlWantNewline),
            "value" => crate::msg!(TomlWantValue),
            other => other.to_owned(),
        })
        .collect();
    items.join(", ")
}

/// serde's name of the value found (`boolean `true``, `string "3"`), with the value.
fn kind_of(found: &str) -> Option<String> {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let kind = match kind {
        "boolean" => crate::msg!(TomlKindBoolean),
        "string" => crate::msg!(TomlKindText),
        "integer" => crate::msg!(TomlKindInteger),
        "floating" => return Some(format!("{} {}", crate::msg!(TomlKindDecimal), value.trim_start_matches("point "))),
        "sequence" => crate::msg!(TomlKindList),
        "map" => crate::msg!(TomlKindTable),
        _ => return None,
    };
    Some(if value.is_empty() { kind } else { format!("{kind} {value}") })
}

/// serde's name of the value wanted (`a sequence`, `i64`).
fn wanted_kind(wanted: &str) -> Option<String> {
    Some(match wanted.trim() {
        "a sequence" => crate::msg!(TomlWantList),
        "a boolean" | "bool" => crate::msg!(TomlWantBoolean),
        "a string" => crate::msg!(TomlWantString),
        "i64" | "u64" | "usize" | "u32" | "i32" | "an integer" => crate::msg!(TomlWantInteger),
        "a map" => crate::msg!(TomlWantTable),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{translated, unknown_value};

    #[test]
    fn the_common_mistakes_have_words_and_the_rest_stays_as_written() {
        // Run in whichever language the test process speaks: each case either has a
        // translation that differs from the parser's text, or none.
        for known in [
            "invalid basic string, expected `\"`",
            "key with no value, expected `=`",
            "string values must be quoted, expected literal string",
            "unclosed array, expected `]`",
            "invalid type: boolean `true`, expected a sequence",
            "invalid type: string \"3\", expected i64",
            "unknown variant `data`, expected one of `weight`, `date`, `title`",
            "invalid date, expected a two-digit day (DD)",
        ] {
            assert!(translated(known).is_some_and(|t| !t.is_empty()), "{known}");
        }
        let two = unknown_value("unknown variant `x`, expected `a` or `b`").map(|u| (u.written, u.allowed));
        assert_eq!(two, Some(("x", vec!["a", "b"])));
        let many = unknown_value("unknown variant `data`, expected one of `weight`, `date`, `title`");
        assert_eq!(many.map(|u| u.allowed), Some(vec!["weight", "date", "title"]));
        for unknown in ["invalid hexadecimal number", "invalid type: newtype struct, expected a sequence"] {
            assert_eq!(translated(unknown), None, "{unknown}");
        }
    }
}
