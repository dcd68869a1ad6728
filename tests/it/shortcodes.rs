//! Shortcodes (issue 14) over the `shortcodes` fixture, built the way the README says: Zola's
//! syntax inline and with bodies, Markdown and HTML shortcodes, the site's overriding the
//! theme's, code left alone, escapes; and every mistake, from `shortcode-errors/`, reported
//! with its whole message at its place in the content file.

use crate::support::{expect_file, fixtures, main_of, Site};

#[test]
fn shortcodes_render_in_both_languages() {
    let site = Site::fixture("shortcodes");
    site.build().ok();
    expect_file("shortcodes/expected/pagina.html", &main_of(&site.output("pagina/index.html")));
    expect_file("shortcodes/expected/pagina.en.html", &main_of(&site.output("en/pagina/index.html")));
    let it = site.output("pagina/index.html");
    // The site's quote.md wins over the theme's quote.html, and writes Markdown.
    assert!(it.contains("<blockquote>\n<p>Una <em>citazione</em></p>") && !it.contains("theme quote"), "{it}");
    // Calls in code are text; an escaped call is written out.
    assert!(it.contains("<code>{{ badge(label=\"x\", n=1) }}</code>"), "{it}");
    assert!(it.contains("l’escape {{ badge(label=“y”) }}."), "{it}");
}

/// Each `shortcode-errors/NAME.md` is put in the fixture as a page; the build must fail
/// with exactly `NAME.txt` on stderr, leaving `public/` as it was.
#[test]
fn every_shortcode_mistake_is_reported_at_its_place() {
    let cases = fixtures().join("shortcode-errors");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .expect("cases")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".md").map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    let site = Site::fixture("shortcodes");
    site.build().ok();
    let before = site.snapshot("public");
    for name in names {
        let page = std::fs::read_to_string(cases.join(format!("{name}.md"))).expect("case");
        site.write("content/errore.md", &page);
        let run = site.build().fails_with(&["content/errore.md:"]);
        expect_file(&format!("shortcode-errors/{name}.txt"), &run.stderr());
        assert_eq!(site.snapshot("public"), before, "{name}: a failed build changed public/");
    }
}
