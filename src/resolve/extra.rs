//! Every page's `[extra]` checked against the fields its theme's templates read
//! (`load::extra_schema`): a field no template reads (`acronimo` for `acronym`) would be
//! dropped without a word, a value of the wrong type breaks or blanks what the template
//! shows, and a required field left out leaves a hole. Each is reported at the key or value
//! in the front matter, from the parser's spans.

use super::Site;
use crate::diag::{did_you_mean, Diagnostic, Kind};
use crate::load::content::Source;
use crate::load::extra_schema::{ExtraSchema, Field};
use crate::msg;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The problems in every page's `[extra]`; none without a schema.
pub fn check(site: &Site, schema: Option<&ExtraSchema>) -> Vec<Diagnostic> {
    let Some(schema) = schema else { return Vec::new() };
    let mut diags = Vec::new();
    for e in &site.entries {
        if let Some(extra) = e.src.fm.extra.as_object() {
            let at = Place { src: &e.src, schema };
            at.table(&schema.fields, extra, "extra", &mut diags);
        }
    }
    diags
}

/// `@/` paths in every page's `[extra]` that name no file (`path = "@/retix/_index.md"`):
/// checked before the render, as a template that turns one into a URL would otherwise fail
/// first, at the template, without the line that holds the path.
pub fn internal_links(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for e in &site.entries {
        let mut values = Vec::new();
        local_strings(&e.src.fm.extra, "extra".to_owned(), &mut values);
        for (key, value) in values.into_iter().filter(|(_, v)| v.starts_with("@/")) {
            if let Err(m) = site.resolve_internal(&value, e.lang()) {
                let d = link_error(e, &key, msg!(BrokenInternal, problem = m));
                let wanted = value.trim_start_matches("@/").split('#').next().unwrap_or("");
                diags.push(match super::close_path(wanted, site.known_links()) {
                    Some(s) => d.hint(msg!(InternalDidYouMean, suggestion = s)),
                    None => d,
                });
            }
        }
    }
    diags
}

/// A local path at `key` of `e`'s front matter that leads nowhere, placed at its value.
pub fn link_error(e: &super::Entry, key: &str, problem: String) -> Diagnostic {
    let message = msg!(FrontMatterLink, key = key, problem = problem);
    e.src.at_value(Diagnostic::error(Kind::BrokenLink, message), key).hint(msg!(FrontMatterLinkHint))
}

/// Every string in a front-matter value that is a local link (`@/…`, or a root-relative path
/// without spaces), with its dotted key (`extra.entries.0.path`).
pub fn local_strings(value: &serde_json::Value, key: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => {
            let rooted = s.starts_with('/') && !s.starts_with("//") && !s.contains(char::is_whitespace);
            if s.starts_with("@/") || rooted {
                out.push((key, s.clone()));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                local_strings(v, format!("{key}.{i}"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                local_strings(v, format!("{key}.{k}"), out);
            }
        }
        _ => {}
    }
}

struct Place<'a> {
    src: &'a Source,
    schema: &'a ExtraSchema,
}

impl Place<'_> {
    /// `table` (at the dotted `path`) against `fields`.
    fn table(
        &self,
        fields: &BTreeMap<String, Field>,
        table: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Diagnostic>,
    ) {
        for (name, value) in table {
            let key = format!("{path}.{name}");
            match fields.get(name) {
                None => out.push(self.unknown(fields, name, &key)),
                Some(f) if !f.ty.accepts(value) => out.push(self.wrong_type(f, &key)),
                Some(f) if !f.items.is_empty() => {
                    for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                        let item_key = format!("{key}.{i}");
                        match item.as_object() {
                            Some(t) => self.table(&f.items, t, &item_key, out),
                            None => out.push(self.not_a_table(&item_key)),
                        }
                    }
                }
                Some(_) => {}
            }
        }
        for (name, f) in fields.iter().filter(|(n, f)| f.required && !table.contains_key(*n)) {
            let d = Diagnostic::error(Kind::ExtraField, msg!(ExtraMissing, field = format!("{path}.{name}")));
            out.push(self.src.at_key(d, path).hint(describe(f)));
        }
    }

    fn unknown(&self, fields: &BTreeMap<String, Field>, name: &str, key: &str) -> Diagnostic {
        let schema = self.schema.shown.display().to_string().replace('\\', "/");
        let d = Diagnostic::error(Kind::ExtraField, msg!(ExtraUnknown, field = key, schema = schema.as_str()));
        // TOML puts every key after the `[extra]` line into that table: editors add
        // `aliases = […]` at the end of the front matter and land here.
        let misplaced = key == format!("extra.{name}") && name != "extra" && crate::load::front_matter::is_key(name);
        let hint = match did_you_mean(name, fields.keys().map(String::as_str)) {
            _ if misplaced => msg!(KeyUnderExtra, name = name),
            Some(s) => msg!(DidYouMean, suggestion = s),
            None => {
                let names: Vec<&str> = fields.keys().map(String::as_str).collect();
                msg!(ExtraFieldsAllowed, fields = names.join(", "))
            }
        };
        self.src.at_key(d, key).hint(hint)
    }

    fn wrong_type(&self, f: &Field, key: &str) -> Diagnostic {
        let d = Diagnostic::error(Kind::ExtraField, msg!(ExtraWrongType, field = key, ty = f.ty.code()));
        self.src.at_value(d, key).hint(describe(f))
    }

    fn not_a_table(&self, key: &str) -> Diagnostic {
        let d = Diagnostic::error(Kind::ExtraField, msg!(ExtraNotATable, field = key));
        self.src.at_value(d, key)
    }
}

/// What the theme says the field is for.
fn describe(f: &Field) -> String {
    msg!(ExtraDescription, description = f.description())
}
