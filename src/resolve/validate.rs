//! Checks that need the site model and the loaded templates together: every template a page
//! asks for exists, and the theme has the templates every site needs.

use super::Site;
use crate::diag::{Diagnostic, Kind};
use crate::load::templates::Templates;
use crate::msg;

/// Every `template = …` names a template that exists, reported at the key.
pub fn templates(site: &Site, templates: &Templates) -> Vec<Diagnostic> {
    let names: Vec<&str> = templates.names().collect();
    let mut diags = Vec::new();
    for e in &site.entries {
        let fm = &e.src.fm;
        for (key, value) in [("template", &fm.template), ("page_template", &fm.page_template)] {
            let Some(t) = value else { continue };
            if templates.has(t) {
                continue;
            }
            let d = Diagnostic::error(Kind::MissingTemplate, msg!(MissingTemplate, template = t.as_str()));
            let d = e.src.at_key(d, key);
            let hint = match crate::diag::did_you_mean(t, names.iter().copied()) {
                Some(s) => msg!(MissingTemplateDidYouMean, suggestion = s, key = key),
                None => msg!(TemplatesAvailable, templates = names.join(", ")),
            };
            diags.push(d.hint(hint));
        }
    }
    for t in &site.taxonomies {
        for (kind, generic) in [("list", "taxonomy_list.html"), ("single", "taxonomy_single.html")] {
            if site.taxonomy_template(t, kind, |n| templates.has(n)).is_none() {
                let name = &site.config.languages[t.lang].taxonomies[t.index].name;
                diags.push(
                    site.config
                        .file
                        .at_value(
                            Diagnostic::error(
                                Kind::MissingTemplate,
                                msg!(MissingTaxonomyTemplate, template = generic, name = name.as_str()),
                            ),
                            &format!("{}.name", site.config.languages[t.lang].taxonomies[t.index].key),
                        )
                        .hint(msg!(MissingTaxonomyTemplateHint, template = generic, name = name.as_str(), kind = kind)),
                );
            }
        }
    }
    for must in ["page.html", "section.html"] {
        if !templates.has(must) {
            diags.push(
                Diagnostic::error(Kind::MissingTemplate, msg!(ThemeLacks, template = must))
                    .in_file("site.toml")
                    .hint(msg!(ThemeLacksHint, template = must)),
            );
        }
    }
    diags
}
