//! docs/shortcodes.md is generated from the milano theme's shortcode schemas
//! (themes/milano/templates/shortcodes/NAME.toml): this test fails when the two differ, and
//! `SITO_BLESS=1` rewrites the page. Each bundled shortcode must have a schema.

use std::path::Path;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn describe(name: &str, schema: &toml::Table) -> String {
    let text = |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or("").to_owned();
    let body = schema.get("body").and_then(|v| v.as_str()).unwrap_or("markdown");
    let call = match body {
        "none" => format!("{{{{ {name}(…) }}}}"),
        _ => format!("{{% {name}(…) %}}…{{% end %}}"),
    };
    let mut out = format!("## `{name}`\n\n{}\n\nCalled as `{call}`; body: {body}.\n\n", text(schema, "description"));
    out.push_str("| argument | type | required | default | meaning |\n| --- | --- | --- | --- | --- |\n");
    for (arg, spec) in schema.get("args").and_then(|a| a.as_table()).into_iter().flatten() {
        let spec = spec.as_table().expect("an argument is a table");
        let required = spec.get("required").and_then(|v| v.as_bool()).unwrap_or(false);
        let default = spec.get("default").map(|d| format!("`{d}`")).unwrap_or_default();
        let values = spec.get("values").and_then(|v| v.as_array()).map(|v| {
            format!(
                " One of: {}.",
                v.iter().map(|x| format!("`{}`", x.as_str().unwrap_or(""))).collect::<Vec<_>>().join(", ")
            )
        });
        out.push_str(&format!(
            "| `{arg}` | {} | {} | {} | {}{} |\n",
            text(spec, "type"),
            if required { "yes" } else { "no" },
            cell(&default),
            cell(&text(spec, "description")),
            values.unwrap_or_default()
        ));
    }
    out
}

#[test]
fn the_bundled_shortcodes_page_matches_their_schemas() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = repo.join("themes/milano/templates/shortcodes");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("shortcodes folder")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".html").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    let mut page = String::from(
        "# The milano theme's shortcodes\n\n<!-- Generated from themes/milano/templates/shortcodes/*.toml by tests/it/shortcode_docs.rs: SITO_BLESS=1 cargo test --test it shortcode_docs -->\n\nThe syntax is Zola's (see docs/templates.md, “Shortcodes”); `sito check` and every build validate each call against these schemas. Labels come from the theme's i18n files, in the page's language.\n\n",
    );
    for name in &names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml")))
            .unwrap_or_else(|_| panic!("the shortcode `{name}` has no schema {name}.toml"));
        let schema: toml::Table = text.parse().expect("schema parses");
        page.push_str(&describe(name, &schema));
        page.push('\n');
    }
    let path = repo.join("docs/shortcodes.md");
    if std::env::var_os("SITO_BLESS").is_some() {
        std::fs::write(&path, &page).expect("write docs/shortcodes.md");
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(written == page, "docs/shortcodes.md is out of date: SITO_BLESS=1 cargo test --test it shortcode_docs");
}
