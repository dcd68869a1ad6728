//! Shortcode definitions: `templates/shortcodes/NAME.html` (its output is HTML) or `NAME.md`
//! (its output is Markdown, rendered with the page), from the theme or the site (the site's
//! wins, whatever its extension), each with an optional schema beside it, `NAME.toml`, that
//! declares its arguments so calls can be checked before anything renders:
//!
//! ```toml
//! description = "A box that draws attention to a note."
//! body = "markdown"            # "markdown" (default), "text" (passed as it is) or "none"
//! [args.kind]
//! type = "string"              # string, integer, number, boolean, array, any
//! required = true
//! values = ["info", "warning"]
//! description = "What kind of note."
//! ```

use crate::diag::{Diagnostic, Kind};
use crate::load::toml_input::{self, Shape};
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where shortcode templates live inside a templates folder.
pub const FOLDER: &str = "shortcodes/";

/// Names a shortcode template sees for itself; an argument cannot take them.
pub const RESERVED: &[&str] =
    &["body", "nth", "lang", "page", "section", "site", "current_url", "current_path", "page_kind"];

#[derive(Debug, Clone)]
pub struct Definition {
    /// The Tera template: `shortcodes/callout.html`.
    pub template: String,
    /// Its output is Markdown (`NAME.md`), rendered with the page.
    pub markdown: bool,
    pub schema: Option<Schema>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum BodyKind {
    /// The body is Markdown, rendered before the shortcode sees it (HTML shortcodes).
    #[default]
    Markdown,
    /// The body is passed as written (the template escapes it).
    Text,
    /// The shortcode takes no body.
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArgType {
    String,
    Integer,
    /// An integer or a decimal number.
    Number,
    Boolean,
    Array,
    Any,
}

impl ArgType {
    /// The type as schemas write it: `string`, `integer`…
    pub fn code(self) -> &'static str {
        match self {
            ArgType::String => "string",
            ArgType::Integer => "integer",
            ArgType::Number => "number",
            ArgType::Boolean => "boolean",
            ArgType::Array => "array",
            ArgType::Any => "any",
        }
    }

    /// The type in words: `text`, `a whole number`…
    pub fn name(self) -> String {
        crate::msg!(TypeName, ty = self.code())
    }

    pub fn accepts(self, v: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match self {
            ArgType::String => v.is_string(),
            ArgType::Integer => v.is_i64() || v.is_u64(),
            ArgType::Number => v.is_number(),
            ArgType::Boolean => v.is_boolean(),
            ArgType::Array => matches!(v, J::Array(_)),
            ArgType::Any => true,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ArgSpec {
    pub ty: ArgType,
    pub required: bool,
    pub default: Option<serde_json::Value>,
    /// The values allowed, when listed.
    pub values: Vec<serde_json::Value>,
    pub description: String,
}

#[derive(Debug, Clone)]
pub struct Schema {
    /// The schema file, from the site root.
    pub shown: PathBuf,
    pub description: String,
    pub body: BodyKind,
    /// By name.
    pub args: BTreeMap<String, ArgSpec>,
}

const ARG: Shape = Shape::Fields(&[
    ("type", Shape::Any),
    ("required", Shape::Any),
    ("default", Shape::Any),
    ("values", Shape::Any),
    ("description", Shape::Any),
]);
const ARGS: Shape = Shape::MapOf(&ARG);
const SCHEMA: Shape = Shape::Fields(&[("description", Shape::Any), ("body", Shape::Any), ("args", ARGS)]);

#[derive(Deserialize)]
struct RawSchema {
    #[serde(default)]
    description: String,
    #[serde(default)]
    body: BodyKind,
    #[serde(default)]
    args: BTreeMap<String, RawArg>,
}

#[derive(Deserialize)]
struct RawArg {
    #[serde(rename = "type")]
    ty: ArgType,
    #[serde(default)]
    required: bool,
    default: Option<toml::Value>,
    #[serde(default)]
    values: Vec<toml::Value>,
    #[serde(default)]
    description: String,
}

/// A file of a templates folder: its name below the folder, where it is, and whether it
/// comes from the theme (the site's own files win over the theme's).
pub struct File<'a> {
    pub name: &'a str,
    pub shown: &'a Path,
    pub text: &'a str,
    pub theme: bool,
}

/// Every shortcode, by name, from the templates and schema files found.
pub fn definitions<'a>(files: impl Iterator<Item = File<'a>>) -> Result<BTreeMap<String, Definition>, Vec<Diagnostic>> {
    // (name) → (theme?, template name, markdown?), the site's layer beating the theme's.
    let mut templates: BTreeMap<String, (bool, String, bool)> = BTreeMap::new();
    let mut schemas: Vec<File> = Vec::new();
    let mut diags = Vec::new();
    for f in files {
        let Some(inner) = f.name.strip_prefix(FOLDER) else { continue };
        let (name, ext) = inner.rsplit_once('.').unwrap_or((inner, ""));
        match ext {
            "toml" => schemas.push(f),
            "html" | "md" => {
                let markdown = ext == "md";
                match templates.get(name) {
                    Some((theme, other, _)) if *theme == f.theme => diags.push(
                        Diagnostic::error(Kind::ShortcodeSchema, msg!(ShortcodeTwoTemplates, name = name))
                            .in_file(f.shown)
                            .hint(msg!(ShortcodeTwoTemplatesHint, first = f.name, second = other.as_str())),
                    ),
                    Some((false, _, _)) => {}
                    _ => {
                        templates.insert(name.to_owned(), (f.theme, f.name.to_owned(), markdown));
                    }
                }
            }
            _ => {}
        }
    }
    let mut defs: BTreeMap<String, Definition> = templates
        .into_iter()
        .map(|(name, (_, template, markdown))| (name, Definition { template, markdown, schema: None }))
        .collect();
    // The site's schema is read after the theme's, so it wins.
    schemas.sort_by_key(|f| !f.theme);
    for f in schemas {
        let inner = f.name.strip_prefix(FOLDER).unwrap_or(f.name);
        let name = inner.strip_suffix(".toml").unwrap_or(inner);
        let Some(def) = defs.get_mut(name) else {
            diags.push(
                Diagnostic::error(Kind::ShortcodeSchema, msg!(SchemaWithoutTemplate, name = name))
                    .in_file(f.shown)
                    .hint(msg!(SchemaWithoutTemplateHint, name = name)),
            );
            continue;
        };
        match schema(&f) {
            Ok(s) => def.schema = Some(s),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(defs)
    } else {
        Err(diags)
    }
}

fn schema(f: &File) -> Result<Schema, Vec<Diagnostic>> {
    let toml = toml_input::TomlText { path: f.shown, file: f.text, toml: 0..f.text.len() };
    let (raw, spans) = toml.parse::<RawSchema>(&SCHEMA, &msg!(WhatShortcodeSchema))?;
    let file = toml_input::Located { path: f.shown.to_path_buf(), text: f.text.to_owned(), spans };
    let mut diags = Vec::new();
    let mut args = BTreeMap::new();
    for (name, a) in raw.args {
        let at = |d: Diagnostic| file.at_key(d, &format!("args.{name}"));
        if RESERVED.contains(&name.as_str()) {
            diags.push(
                at(Diagnostic::error(Kind::ShortcodeSchema, msg!(ReservedArgument, name = name.as_str())))
                    .hint(msg!(ReservedArgumentHint, names = RESERVED.join(", "))),
            );
            continue;
        }
        let default = a.default.as_ref().map(toml_input::to_json);
        let values: Vec<serde_json::Value> = a.values.iter().map(toml_input::to_json).collect();
        let bad = default.iter().chain(&values).find(|v| !a.ty.accepts(v));
        if let Some(v) = bad {
            let what = msg!(ArgumentValueWrongType, name = name.as_str(), ty = a.ty.name(), value = v.to_string());
            diags.push(at(Diagnostic::error(Kind::ShortcodeSchema, what)).hint(msg!(ArgumentValueWrongTypeHint)));
            continue;
        }
        let spec = ArgSpec { ty: a.ty, required: a.required, default, values, description: a.description };
        args.insert(name, spec);
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Schema { shown: f.shown.to_path_buf(), description: raw.description, body: raw.body, args })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(name: &'a str, text: &'a str, theme: bool) -> File<'a> {
        File { name, shown: Path::new(name), text, theme }
    }

    #[test]
    fn the_sites_template_wins_and_schemas_are_read() {
        let schema = "description = \"d\"\n[args.kind]\ntype = \"string\"\nrequired = true\nvalues = [\"info\"]\n";
        let files = vec![
            file("shortcodes/note.html", "", true),
            file("shortcodes/note.md", "", false),
            file("shortcodes/note.toml", schema, true),
            file("page.html", "", false),
        ];
        let defs = definitions(files.into_iter()).unwrap_or_else(|d| panic!("{d:?}"));
        let note = &defs["note"];
        assert!(note.markdown && note.template == "shortcodes/note.md");
        let kind = &note.schema.as_ref().map(|s| s.args["kind"].clone()).unwrap_or_else(|| panic!("no schema"));
        assert!(kind.required && kind.values == [serde_json::json!("info")]);
    }

    #[test]
    fn bad_schemas_are_errors() {
        let bad = |text: &str| {
            let files = vec![file("shortcodes/a.html", "", false), file("shortcodes/a.toml", text, false)];
            definitions(files.into_iter()).err().unwrap_or_default()
        };
        assert_eq!(bad("[args.n]\ntype = \"integer\"\ndefault = \"x\"\n").len(), 1);
        assert_eq!(bad("[args.body]\ntype = \"string\"\n").len(), 1);
        assert_eq!(bad("[args.n]\ntyp = \"integer\"\n").len(), 1);
        let orphan = vec![file("shortcodes/b.toml", "", false)];
        assert_eq!(definitions(orphan.into_iter()).err().unwrap_or_default().len(), 1);
    }
}
