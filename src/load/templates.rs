//! Templates: the theme's Tera templates with the site's own (`templates/`) winning, parsed
//! once; their texts are kept so that an error can be placed at its line in the file that
//! holds it, not only in the template being rendered.

use crate::diag::{Diagnostic, Kind};
use crate::load::extra_schema::{self, ExtraSchema};
use crate::load::shortcode_defs::{self, Definition};
use crate::msg;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tera::ast::Node;
use tera::Tera;

pub struct Templates {
    pub tera: Tera,
    /// Template name (`partials/header.html`) → its file and text.
    pub sources: BTreeMap<String, TemplateSource>,
    /// Shortcodes by name (`shortcodes/NAME.html` or `.md`, with their schemas).
    pub shortcodes: BTreeMap<String, Definition>,
    /// The `[extra]` fields the theme's templates read, if the theme declares them.
    pub extra: Option<ExtraSchema>,
}

pub struct TemplateSource {
    /// The file as shown to people, from the site root.
    pub shown: PathBuf,
    pub text: String,
    /// From the theme (the site's own templates override it).
    pub theme: bool,
}

impl Templates {
    /// Whether any template reads a page's neighbours (`page.lower`, `p.higher`).
    pub fn read_neighbours(&self) -> bool {
        self.sources.values().any(|s| s.text.contains(".lower") || s.text.contains(".higher"))
    }

    /// Whether any template reads a summary (`page.summary`, `p["summary"]`).
    pub fn read_summaries(&self) -> bool {
        let names = [".summary", "[\"summary\"]", "['summary']"];
        self.sources.values().any(|s| names.iter().any(|n| s.text.contains(n)))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// The templates that rendering any of `roots` may read: themselves and, over and over,
    /// what they extend, include and import (from Tera's parsed templates, never their
    /// text). The key of the pages' Markdown holds those reachable from the shortcodes.
    pub fn reachable<'a>(&self, roots: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo: Vec<String> = roots.map(str::to_owned).collect();
        while let Some(name) = todo.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if let Ok(t) = self.tera.get_template(&name) {
                todo.extend(t.parents.iter().cloned());
                todo.extend(t.imported_macro_files.iter().map(|(file, _)| file.clone()));
                let bodies = t.macros.values().map(|m| m.body.as_slice());
                todo.extend(named_in(std::iter::once(t.ast.as_slice()).chain(bodies)));
            }
        }
        seen
    }
}

/// The templates the nodes of `bodies` include, extend or import, at any depth.
fn named_in<'a>(bodies: impl Iterator<Item = &'a [Node]>) -> Vec<String> {
    let mut nodes: Vec<&Node> = bodies.flatten().collect();
    let mut names = Vec::new();
    while let Some(node) = nodes.pop() {
        match node {
            Node::Include(_, files, _) => names.extend(files.iter().cloned()),
            Node::Extends(_, file) | Node::ImportMacro(_, file, _) => names.push(file.clone()),
            Node::MacroDefinition(_, m, _) => nodes.extend(&m.body),
            Node::FilterSection(_, f, _) => nodes.extend(&f.body),
            Node::Block(_, b, _) => nodes.extend(&b.body),
            Node::Forloop(_, f, _) => nodes.extend(f.body.iter().chain(f.empty_body.iter().flatten())),
            Node::If(i, _) => {
                nodes.extend(i.conditions.iter().flat_map(|(_, _, body)| body));
                nodes.extend(i.otherwise.iter().flat_map(|(_, body)| body));
            }
            _ => {}
        }
    }
    names
}

/// The folders templates come from, theme first, so the site's own win.
pub fn template_dirs(root: &Path, theme: Option<&str>) -> Result<Vec<PathBuf>, Diagnostic> {
    if let Some(theme) = theme {
        if !root.join("themes").join(theme).is_dir() {
            let available: Vec<String> = std::fs::read_dir(root.join("themes"))
                .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
                .unwrap_or_default();
            let hint = if available.is_empty() {
                msg!(NoThemesHint)
            } else {
                msg!(ThemesAvailable, themes = available.join(", "))
            };
            return Err(Diagnostic::error(Kind::MissingTheme, msg!(MissingTheme, theme = theme))
                .in_file("site.toml")
                .hint(hint));
        }
    }
    Ok(super::files::theme_then_site(root, theme, "templates"))
}

pub fn load(root: &Path, theme: Option<&str>) -> Result<Templates, Vec<Diagnostic>> {
    let dirs = template_dirs(root, theme).map_err(|d| vec![d])?;
    let files = super::files::layered(&dirs);
    if files.is_empty() {
        let looked: Vec<String> =
            dirs.iter().map(|d| crate::diag::display_path(root, d).display().to_string()).collect();
        return Err(vec![Diagnostic::error(Kind::MissingTheme, msg!(NoTemplates))
            .in_file("site.toml")
            .hint(msg!(NoTemplatesHint, folders = looked.join(&format!(" {} ", msg!(WordAnd)))))]);
    }
    let mut sources = BTreeMap::new();
    let mut schemas = BTreeMap::new();
    let mut diags = Vec::new();
    let theme_dir = theme.map(|t| root.join("themes").join(t));
    for (name, path) in files {
        let shown = crate::diag::display_path(root, &path);
        let theme = theme_dir.as_ref().is_some_and(|d| path.starts_with(d));
        // Shortcode schemas sit beside their templates but are not templates.
        let is_schema = name.starts_with(shortcode_defs::FOLDER) && name.ends_with(".toml");
        match super::toml_input::read_text(&path, &shown) {
            Ok(text) if is_schema => {
                schemas.insert(name, TemplateSource { shown, text, theme });
            }
            Ok(text) => {
                sources.insert(name, TemplateSource { shown, text, theme });
            }
            Err(d) => diags.push(d),
        }
    }
    let files = sources.iter().chain(&schemas).map(|(name, s)| shortcode_defs::File {
        name,
        shown: &s.shown,
        text: &s.text,
        theme: s.theme,
    });
    let shortcodes = shortcode_defs::definitions(files).map_err(|d| diags.extend(d)).unwrap_or_default();
    let extra = extra_schema::load(root, theme).map_err(|d| diags.extend(d)).unwrap_or_default();
    if !diags.is_empty() {
        return Err(diags);
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    tera.set_escape_fn(escape_html);
    let raw: Vec<(&str, &str)> = sources.iter().map(|(n, s)| (n.as_str(), s.text.as_str())).collect();
    let added = tera.add_raw_templates(raw);
    let templates = Templates { tera, sources, shortcodes, extra };
    match added {
        Ok(()) => Ok(templates),
        Err(e) => Err(vec![templates.error(&e, None)]),
    }
}

/// What sito has instead of a function or variable a template moved from Zola names, from
/// Tera's message ("Function 'get_url' not found", "Variable `config.extra.x` not found").
fn zola_hint(cause: &str) -> Option<String> {
    if let Some(name) = cause.strip_prefix("Function '").and_then(|r| r.split_once('\'')).map(|(n, _)| n) {
        let instead = match name {
            "get_url" => "url",
            "trans" => "t",
            "resize_image" | "get_image_metadata" => "image",
            "load_data" | "now" | "get_taxonomy_url" | "get_file_hash" | "get_hash" => {
                return Some(msg!(ZolaFunctionNone, name = name));
            }
            _ => return None,
        };
        return Some(msg!(ZolaFunction, name = name, instead = instead));
    }
    let variable = cause.strip_prefix("Variable `")?;
    (variable.starts_with("config.") || variable.starts_with("config`")).then(|| msg!(ZolaConfig))
}

/// Escapes what HTML needs escaped, and no more: Tera's default also escapes `/`, which
/// bloats every URL in the output for no safety gain inside quoted attributes.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

impl Templates {
    /// A Tera error as a diagnostic placed in the template file that holds the mistake.
    /// Tera's top-level message names the template being rendered (a child of the one at
    /// fault, when the mistake is in `base.html`); the cause at the bottom of its error
    /// chain names the failing expression, which is then looked up in that template and
    /// the ones it extends and includes.
    pub fn error(&self, e: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        let chain = error_chain(e);
        let cause = chain.last().cloned().unwrap_or_default();
        // "… while rendering 'index.html'" differs per child template: drop it, so one
        // mistake in base.html is one error.
        let cause = cause.split(" while rendering '").next().unwrap_or(&cause).trim().to_owned();
        let d = Diagnostic::error(Kind::TemplateError, cause.clone());
        let hint = zola_hint(&cause).unwrap_or_else(|| msg!(TemplateErrorHint));
        if let Some((line, col)) = chain.iter().find_map(|m| parse_position(m)) {
            // A syntax error: Tera (pest) gives the position; the template is named in the
            // first message, "Failed to parse '…'".
            let d = match cause.lines().find_map(|l| l.trim().strip_prefix("= ")) {
                Some(expected) => Diagnostic::error(Kind::TemplateError, msg!(TemplateSyntax, expected = expected)),
                None => Diagnostic::error(Kind::TemplateError, msg!(TemplateSyntaxInvalid)),
            };
            let name = quoted_name(&chain[0]).unwrap_or_default();
            return self.place(d, &name, line, col, 1).hint(hint);
        }
        let at = rendering.and_then(|r| self.locate(r, &failing_expression(&cause)?));
        match at {
            Some((name, line, col, len)) => self.place(d, &name, line, col, len).hint(hint),
            None => match rendering.and_then(|r| self.sources.get(r)) {
                Some(src) => d.in_file(&src.shown).hint(hint),
                None => d.hint(hint),
            },
        }
    }

    fn place(&self, d: Diagnostic, name: &str, line: usize, col: usize, len: usize) -> Diagnostic {
        match self.sources.get(name) {
            Some(src) => d.in_file(&src.shown).at(&src.text, line, col, len),
            None => d,
        }
    }

    /// Where `needle` is written: in `template`, then the templates it extends, then any
    /// other (includes and macros), as (name, line, column, length).
    fn locate(&self, template: &str, needle: &str) -> Option<(String, usize, usize, usize)> {
        let mut order: Vec<String> = vec![template.to_owned()];
        if let Ok(t) = self.tera.get_template(template) {
            order.extend(t.parents.iter().cloned());
        }
        order.extend(self.sources.keys().filter(|k| !order.contains(k)).cloned().collect::<Vec<_>>());
        order.iter().find_map(|name| {
            let text = &self.sources.get(name)?.text;
            let at = find_in_tags(text, needle)?;
            let (line, col) = crate::diag::line_col(text, at);
            Some((name.clone(), line, col, needle.chars().count()))
        })
    }
}

fn error_chain(e: &tera::Error) -> Vec<String> {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    chain
}

/// `' --> 3:5'` in a pest syntax error: (line, column).
fn parse_position(message: &str) -> Option<(usize, usize)> {
    let at = message.find("--> ")?;
    let rest = &message[at + 4..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
    let (line, col) = rest[..end].split_once(':')?;
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// `Failed to parse 'base.html'` → `base.html`.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find('\'')? + 1;
    let len = message[start..].find('\'')?;
    Some(message[start..start + len].to_owned())
}

/// The expression a runtime error names: `page.nosuch` in "Variable `page.nosuch` not found",
/// `nosuch` in "Function 'nosuch' not found" (written `nosuch(` in the template).
fn failing_expression(cause: &str) -> Option<String> {
    let start = cause.find(['`', '\''])? + 1;
    let len = cause[start..].find(['`', '\''])?;
    let name = &cause[start..start + len];
    if name.is_empty() {
        return None;
    }
    Some(if cause.starts_with("Function") { format!("{name}(") } else { name.to_owned() })
}

/// The first offset of `needle` inside a `{{ … }}` or `{% … %}` tag, as a whole name (not
/// the start of a longer one).
fn find_in_tags(text: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i;
        from = at + needle.len();
        let before = text[..at].chars().next_back();
        let after = text[at + needle.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.');
        if word(before) || (!needle.ends_with('(') && word(after)) {
            continue;
        }
        let before = &text[..at];
        let open = before.rfind("{{").max(before.rfind("{%"));
        let close = before.rfind("}}").max(before.rfind("%}"));
        if open.is_some_and(|o| close.is_none_or(|c| c < o)) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_expressions_inside_tags_only() {
        let text = "<p>page.title</p>\n<h1>{{ page.title_x }}{{ page.title | upper }}</h1>";
        let at = find_in_tags(text, "page.title").unwrap_or(0);
        assert_eq!(&text[at..at + 18], "page.title | upper");
        assert_eq!(find_in_tags("{{ x }}", "y"), None);
        assert_eq!(failing_expression("Variable `page.nosuch` not found in context").as_deref(), Some("page.nosuch"));
        assert_eq!(failing_expression("Function `nope` not found").as_deref(), Some("nope("));
        assert_eq!(parse_position("  --> 3:15\n  |"), Some((3, 15)));
        assert_eq!(failing_expression("Function 'nope' not found").as_deref(), Some("nope("));
    }
}
