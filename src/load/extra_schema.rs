//! The `[extra]` fields a theme's templates read, declared by the theme in `extra.toml`
//! beside its templates folder (`themes/milano/extra.toml`), so that the build can check
//! every page's `[extra]` against them (`resolve::extra`): a field the templates do not read
//! is a typo that would silently drop the value.
//!
//! ```toml
//! [fields.acronym]
//! type = "string"              # string, integer, number, boolean, array, any
//! required = false
//! description = "The network's acronym, shown after the title."
//! description_it = "La sigla della rete, mostrata dopo il titolo."
//! read_by = ["network.html"]   # the templates that read it, for the docs
//!
//! [fields.entries]             # an array of tables, each with these fields
//! type = "array"
//! [fields.entries.items.title]
//! type = "string"
//! required = true
//! ```

use crate::diag::{Diagnostic, Kind};
use crate::load::shortcode_defs::ArgType;
use crate::load::toml_input::{self, Shape};
use crate::msg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The schema's file name, in the theme's folder.
pub const FILE: &str = "extra.toml";

#[derive(Debug, Clone)]
pub struct ExtraSchema {
    /// The schema file, from the site root.
    pub shown: PathBuf,
    pub fields: BTreeMap<String, Field>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Field {
    #[serde(rename = "type")]
    pub ty: ArgType,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub description: String,
    /// The description in Italian, shown when sito speaks Italian.
    #[serde(default)]
    pub description_it: String,
    #[serde(default)]
    pub read_by: Vec<String>,
    /// For an array of tables: the fields of each item.
    #[serde(default)]
    pub items: BTreeMap<String, Field>,
}

const ITEM: Shape = Shape::Fields(&[
    ("type", Shape::Any),
    ("required", Shape::Any),
    ("description", Shape::Any),
    ("description_it", Shape::Any),
    ("read_by", Shape::Any),
]);
const FIELD: Shape = Shape::Fields(&[
    ("type", Shape::Any),
    ("required", Shape::Any),
    ("description", Shape::Any),
    ("description_it", Shape::Any),
    ("read_by", Shape::Any),
    ("items", Shape::MapOf(&ITEM)),
]);
const SCHEMA: Shape = Shape::Fields(&[("fields", Shape::MapOf(&FIELD))]);

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    fields: BTreeMap<String, Field>,
}

/// The theme's schema, if it has one.
pub fn load(root: &Path, theme: Option<&str>) -> Result<Option<ExtraSchema>, Vec<Diagnostic>> {
    let Some(theme) = theme else { return Ok(None) };
    let path = root.join("themes").join(theme).join(FILE);
    if !path.is_file() {
        return Ok(None);
    }
    let shown = crate::diag::display_path(root, &path);
    let text = toml_input::read_text(&path, &shown).map_err(|d| vec![d])?;
    parse(&shown, &text).map(Some)
}

impl Field {
    /// What the field is for, in the language sito speaks.
    pub fn description(&self) -> &str {
        match crate::diag::language() {
            crate::diag::Lang::It if !self.description_it.is_empty() => &self.description_it,
            _ => &self.description,
        }
    }
}

fn parse(shown: &Path, text: &str) -> Result<ExtraSchema, Vec<Diagnostic>> {
    let toml = toml_input::TomlText { path: shown, file: text, toml: 0..text.len() };
    let (raw, spans) = toml.parse::<Raw>(&SCHEMA, &msg!(WhatExtraSchema))?;
    let file = toml_input::Located { path: shown.to_path_buf(), text: text.to_owned(), spans };
    let diags: Vec<Diagnostic> = raw
        .fields
        .iter()
        .filter(|(_, f)| !f.items.is_empty() && f.ty != ArgType::Array)
        .map(|(name, _)| {
            let d = Diagnostic::error(Kind::ExtraSchema, crate::msg!(ExtraItemsNotArray, field = name.as_str()));
            file.at_key(d, &format!("fields.{name}.items")).hint(crate::msg!(ExtraItemsNotArrayHint))
        })
        .collect();
    if diags.is_empty() {
        Ok(ExtraSchema { shown: shown.to_path_buf(), fields: raw.fields })
    } else {
        Err(diags)
    }
}

impl ExtraSchema {
    /// The fields as a Markdown table, the form `docs/templates.md` lists them in.
    pub fn reference(&self) -> String {
        let mut out =
            String::from("| field | type | required | read by | meaning |\n| --- | --- | --- | --- | --- |\n");
        for (name, f) in &self.fields {
            out.push_str(&row(&format!("`{name}`"), f));
            for (item, i) in &f.items {
                out.push_str(&row(&format!("`{name}[].{item}`"), i));
            }
        }
        out
    }
}

fn row(name: &str, f: &Field) -> String {
    let read_by: Vec<String> = f.read_by.iter().map(|t| format!("`{t}`")).collect();
    let required = if f.required { "yes" } else { "" };
    format!(
        "| {name} | {} | {required} | {} | {} |\n",
        f.ty.code(),
        read_by.join(", "),
        f.description.replace('|', "\\|")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_items() {
        let text = "[fields.entries]\ntype = \"array\"\n[fields.entries.items.title]\ntype = \"string\"\nrequired = true\n\n[fields.acronym]\ntype = \"string\"\nread_by = [\"network.html\"]\n";
        let s = parse(Path::new("extra.toml"), text).unwrap_or_else(|d| panic!("{d:?}"));
        assert!(s.fields["entries"].items["title"].required);
        assert_eq!(s.fields["acronym"].read_by, ["network.html"]);
    }

    /// docs/templates.md lists the milano theme's fields as its extra.toml declares them.
    #[test]
    fn the_docs_list_the_milano_themes_fields() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let schema =
            load(repo, Some("milano")).unwrap_or_else(|d| panic!("{d:?}")).unwrap_or_else(|| panic!("no schema"));
        let docs_path = repo.join("docs/templates.md");
        let docs = std::fs::read_to_string(&docs_path).unwrap_or_default();
        let (start, end) = ("<!-- extra fields: begin -->\n", "<!-- extra fields: end -->");
        let (Some(a), Some(b)) = (docs.find(start), docs.find(end)) else {
            panic!("docs/templates.md lacks the markers")
        };
        let want = schema.reference();
        if std::env::var_os("SITO_BLESS").is_some() {
            let new = format!("{}{want}{}", &docs[..a + start.len()], &docs[b..]);
            std::fs::write(&docs_path, new).unwrap_or_else(|e| panic!("{e}"));
        } else {
            let have = &docs[a + start.len()..b];
            assert!(have == want, "docs/templates.md is out of date: run `SITO_BLESS=1 cargo test --lib extra_schema`");
        }
    }

    /// Every field names the templates that read it, and every `page.extra.NAME` (or
    /// `section.extra.NAME`, `p.extra.NAME`…) a template reads is declared.
    #[test]
    fn the_milano_schema_matches_what_its_templates_read() {
        let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/milano");
        let schema = load(theme.parent().and_then(Path::parent).unwrap_or(&theme), Some("milano"))
            .unwrap_or_else(|d| panic!("{d:?}"))
            .unwrap_or_else(|| panic!("no schema"));
        for (name, f) in &schema.fields {
            assert!(!f.read_by.is_empty() && !f.description.is_empty() && !f.description_it.is_empty(), "{name}");
            for t in &f.read_by {
                let text = std::fs::read_to_string(theme.join("templates").join(t)).unwrap_or_default();
                assert!(text.contains(name.as_str()), "{t} does not read `{name}`");
            }
        }
        for entry in walkdir::WalkDir::new(theme.join("templates")).into_iter().filter_map(Result::ok) {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for (i, _) in text.match_indices(".extra.") {
                let before = text[..i].rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '_').next().unwrap_or("");
                let field: String =
                    text[i + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if before != "site" {
                    assert!(schema.fields.contains_key(&field), "{} reads `extra.{field}`", entry.path().display());
                }
            }
        }
    }

    #[test]
    fn items_belong_to_arrays_and_keys_are_checked() {
        let bad = |text: &str| parse(Path::new("extra.toml"), text).err().unwrap_or_default();
        assert_eq!(bad("[fields.a]\ntype = \"string\"\n[fields.a.items.b]\ntype = \"string\"\n").len(), 1);
        let typo = bad("[fields.a]\ntyp = \"string\"\n");
        assert_eq!(typo.first().map(|d| d.kind), Some(Kind::UnknownKey), "{typo:?}");
    }
}
