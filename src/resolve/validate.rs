//! Checks that need the site model and the loaded templates together: every template a page
//! asks for exists, and the theme has the templates every site needs.

use super::Site;
use crate::diag::{Diagnostic, Kind};
use crate::load::templates::Templates;
use std::path::Path;

/// Every `template = …` names a template that exists, reported at the key.
pub fn templates(site: &Site, root: &Path, templates: &Templates) -> Vec<Diagnostic> {
    let names: Vec<&str> = templates.names().collect();
    let mut diags = Vec::new();
    for e in &site.entries {
        let fm = &e.src.fm;
        for (key, value) in [("template", &fm.template), ("page_template", &fm.page_template)] {
            let Some(t) = value else { continue };
            if templates.has(t) {
                continue;
            }
            let shown = Path::new("content").join(&e.src.rel);
            let d = Diagnostic::error(Kind::MissingTemplate, format!("the template `{t}` does not exist"));
            // Cold path: read the file again to point at the key.
            let text = std::fs::read_to_string(root.join(&shown)).unwrap_or_default();
            let text = text.trim_start_matches('\u{feff}');
            let d = match crate::load::front_matter::split(text, &shown) {
                Ok(split) => crate::load::front_matter::at_key(d, &shown, split.front, key),
                Err(_) => d.in_file(&shown).line_only(1),
            };
            let hint = match crate::diag::did_you_mean(t, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? (set by `{key}`)"),
                None => format!("the templates available are: {}", names.join(", ")),
            };
            diags.push(d.hint(hint));
        }
    }
    for must in ["page.html", "section.html"] {
        if !templates.has(must) {
            diags.push(
                Diagnostic::error(Kind::MissingTemplate, format!("the theme has no `{must}`"))
                    .in_file("site.toml")
                    .hint(format!("add templates/{must} to the theme")),
            );
        }
    }
    diags
}
