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
