//! Property test (issue 14): a page with Zola-syntax shortcode calls, pieces of calls and
//! garbage inserted anywhere in its text always builds or fails with diagnostics, never a
//! panic, and every diagnostic about the page points inside it (a line it has, a column on
//! that line), as the binary would print it.

use proptest::prelude::*;
use sito::build::Prepared;
use sito::output::MemorySink;
use sito::render::finish::Finish;
use std::path::Path;

/// Pieces of shortcode syntax, right and wrong, and the Markdown around them.
const PIECES: &[&str] = &[
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "{{/* ",
    " */}}",
    "{%/* ",
    " */%}",
    "{% end %}",
    "end",
    "(",
    ")",
    "note",
    "badge",
    "code",
    "rule",
    "quote",
    "bagde",
    "kind=",
    "\"info\"",
    "\"warning\"",
    "label=",
    "n=",
    "3",
    "-1",
    "1.5",
    "true",
    "[",
    "]",
    "[1, 2]",
    ",",
    "=",
    "\"",
    "'",
    "`",
    "```\n",
    "    ",
    "\n",
    "\n\n",
    " ",
    "é",
    "日本",
    "\r\n",
    "\0",
    "\u{fffc}",
    "\u{fffc}0\u{fffc}",
    "*",
    "_",
    "> ",
    "- ",
    "# ",
    "<div>",
    "</div>",
    "[a](@/_index.md)",
    "[b](@/nope.md)",
    "text",
    "{{ badge(label=\"x\", n=1) }}",
    "{% note(kind=\"info\") %}",
    "{{ rule() }}",
    "{% quote(author=\"a\") %}",
    "{{ note(kind=\"info\") }}",
];

fn page_body() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn shortcode_calls_anywhere_never_panic(
        body in page_body(),
        valid in prop::sample::select(&["", "Testo {{ badge(label=\"x\", n=1) }}\n\n", "{% note(kind=\"info\") %}\nx\n{% end %}\n"][..]),
        at in any::<prop::sample::Index>(),
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        crate::support::copy_dir(&crate::support::fixtures().join("shortcodes"), dir.path());
        // The generated text goes anywhere inside a page that is valid without it.
        let cut = (0..=valid.len()).filter(|&i| valid.is_char_boundary(i)).nth(at.index(valid.len() + 1)).unwrap_or(0);
        let text = format!("+++\ntitle = \"F\"\n+++\n{}{body}{}", &valid[..cut], &valid[cut..]);
        std::fs::write(dir.path().join("content/fuzz.md"), &text).expect("write");
        let diags = match Prepared::load(dir.path(), None, false) {
            Ok(prepared) => prepared.render(&MemorySink::default(), Finish::default()).err().unwrap_or_default(),
            Err(d) => d,
        };
        let lines: Vec<&str> = text.split('\n').collect();
        for d in diags.iter().filter(|d| d.path.as_deref() == Some(Path::new("content/fuzz.md"))) {
            let printed = d.render(false);
            if let Some(line) = d.line {
                prop_assert!(line >= 1 && line <= lines.len(), "line {line} of {}:\n{printed}\n{text:?}", lines.len());
                if let Some(col) = d.col {
                    let width = lines[line - 1].trim_end_matches('\r').chars().count();
                    prop_assert!(col >= 1 && col <= width + 1, "column {col} of {width}:\n{printed}\n{text:?}");
                }
            }
        }
    }
}
