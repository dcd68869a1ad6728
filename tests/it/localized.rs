//! Every message sito prints to a person is localized (issue 13: "every message has both
//! translations; a test fails on a missing one"). The Fluent files are checked against the
//! `Msg` ids by a unit test; this one checks the other side: that no message is written
//! in the code as English text. It reads `src/` with the Rust parser (syn), not patterns,
//! and looks at what a message can be made from: the text of `Diagnostic::error` /
//! `Diagnostic::warning`, of `.hint(…)` and `.note(…)`, and what `println!`/`eprintln!`
//! print. Text of words there (outside `{…}` and backticks) is English nobody can
//! translate; it must come from `msg!`. Test code is skipped.

use std::path::Path;
use syn::visit::Visit;
use syn::{Expr, ExprCall, ExprMacro, ExprMethodCall, Lit, Macro};

#[derive(Default)]
struct Finder {
    found: Vec<(usize, String)>,
}

/// Words a person reads: letters left after dropping `{placeholders}` and `code`.
fn has_words(text: &str) -> bool {
    let mut plain = String::new();
    let (mut brace, mut tick) = (0usize, false);
    for c in text.chars() {
        match c {
            '{' => brace += 1,
            '}' => brace = brace.saturating_sub(1),
            '`' => tick = !tick,
            c if brace == 0 && !tick => plain.push(c),
            _ => {}
        }
    }
    plain.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 3)
}

/// The format string of `format!(…)` and its kin, if the macro is one.
fn format_text(mac: &Macro) -> Option<String> {
    let name = mac.path.segments.last()?.ident.to_string();
    if !["format", "println", "eprintln", "print", "eprint"].contains(&name.as_str()) {
        return None;
    }
    let args = mac.parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated).ok()?;
    match args.first()? {
        Expr::Lit(l) => match &l.lit {
            Lit::Str(s) => Some(s.value()),
            _ => None,
        },
        _ => None,
    }
}

impl Finder {
    fn message(&mut self, e: &Expr) {
        let text = match e {
            Expr::Lit(l) => match &l.lit {
                Lit::Str(s) => Some(s.value()),
                _ => None,
            },
            Expr::Macro(ExprMacro { mac, .. }) => format_text(mac),
            Expr::MethodCall(m) if m.method == "to_owned" || m.method == "to_string" || m.method == "into" => {
                return self.message(&m.receiver);
            }
            Expr::Reference(r) => return self.message(&r.expr),
            _ => None,
        };
        if let Some(text) = text.filter(|t| has_words(t)) {
            let line = syn::spanned::Spanned::span(e).start().line;
            self.found.push((line, text));
        }
    }
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        let text = a.meta.path().segments.last().map(|s| s.ident.to_string());
        match text.as_deref() {
            Some("test") => true,
            Some("cfg") => a.meta.require_list().is_ok_and(|l| l.tokens.to_string().contains("test")),
            _ => false,
        }
    })
}

impl<'a> Visit<'a> for Finder {
    fn visit_item_mod(&mut self, m: &'a syn::ItemMod) {
        if !is_test(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_fn(&mut self, f: &'a syn::ItemFn) {
        if !is_test(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }

    fn visit_expr_call(&mut self, call: &'a ExprCall) {
        if let Expr::Path(p) = &*call.func {
            let names: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
            if names.ends_with(&["Diagnostic".to_owned(), "error".to_owned()])
                || names.ends_with(&["Diagnostic".to_owned(), "warning".to_owned()])
            {
                if let Some(message) = call.args.iter().nth(1) {
                    self.message(message);
                }
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'a ExprMethodCall) {
        if call.method == "hint" || call.method == "note" {
            if let Some(text) = call.args.first() {
                self.message(text);
            }
        }
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_macro(&mut self, mac: &'a Macro) {
        let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
        if ["println", "eprintln", "print", "eprint"].contains(&name.as_str()) {
            if let Some(text) = format_text(mac).filter(|t| has_words(t)) {
                let line = syn::spanned::Spanned::span(&mac.path).start().line;
                self.found.push((line, text));
            }
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// Printed only for whoever debugs sito itself (`SITO_DEBUG=1 sito serve`), never to an editor.
const DEVELOPER_ONLY: &[&str] = &["changed: {:?}"];

#[test]
fn no_message_is_written_in_the_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut finder = Finder::default();
        finder.visit_file(&file);
        let rel = path.strip_prefix(&src).unwrap().display().to_string();
        let people = finder.found.into_iter().filter(|(_, t)| !DEVELOPER_ONLY.contains(&t.as_str()));
        found.extend(people.map(|(line, t)| format!("src/{rel}:{line}: {t:?}")));
    }
    assert!(
        found.is_empty(),
        "{} messages written in the code, not in messages/*.ftl:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_finder_sees_what_it_should() {
    let file = syn::parse_file(
        r#"
        fn f() {
            let _ = Diagnostic::error(Kind::Io, "cannot read the file").hint(format!("check {path}"));
            let _ = Diagnostic::warning(Kind::Io, crate::msg!(Io)).hint(format!("{e}"));
            eprintln!("built {n} pages");
        }
        #[cfg(test)]
        mod tests { fn g() { let _ = Diagnostic::error(Kind::Io, "in a test"); } }
        "#,
    )
    .unwrap();
    let mut finder = Finder::default();
    finder.visit_file(&file);
    let mut texts: Vec<&str> = finder.found.iter().map(|(_, t)| t.as_str()).collect();
    texts.sort();
    assert_eq!(texts, ["built {n} pages", "cannot read the file", "check {path}"]);
}
