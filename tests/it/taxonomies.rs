//! Taxonomies and pagination (issue 14) over the `taxonomies` fixture, built the way the
//! README says: term pages in both languages linked across them (declared in site.toml and
//! derived from translated pages), the per-taxonomy template override, pagers under the
//! localized segment with `rel="prev"`/`"next"` and hreflang pairs, `/page/1/` redirects,
//! term feeds, the sitemap; and every mistake reported at its place.

use crate::support::{expect_file, tags_per_line, Site};
use std::collections::BTreeMap;

const PAGES: [&str; 9] = [
    "temi/index.html",
    "en/topics/index.html",
    "temi/clima/index.html",
    "temi/clima/pagina/2/index.html",
    "en/topics/climate/index.html",
    "en/topics/food/index.html",
    "reti/index.html",
    "reti/pagina/2/index.html",
    "en/networks/page/2/index.html",
];

#[test]
fn terms_and_pagers_in_both_languages() {
    let site = Site::fixture("taxonomies");
    let run = site.build().ok();
    assert!(!run.stderr().contains("warning"), "{}", run.stderr());
    for page in PAGES {
        let name = page.trim_end_matches("/index.html").replace('/', "_");
        expect_file(&format!("taxonomies/expected/{name}.html"), &tags_per_line(&site.output(page)));
    }
    // The first pager's second address sends readers to the list.
    for (from, to) in [("reti/pagina/1/index.html", "/reti/"), ("temi/clima/pagina/1/index.html", "/temi/clima/")] {
        let html = site.output(from);
        assert!(html.contains(&format!("<meta http-equiv=\"refresh\" content=\"0; url={to}\">")), "{html}");
    }
    // A taxonomy without enough pages for a second pager has none.
    assert!(!site.path("public/en/topics/climate/page/2").exists());
}

/// Zola's `paginator.base_url` is what a pager's number follows, so a theme moved from Zola
/// that writes `{{ paginator.base_url }}{{ i }}` links every pager.
#[test]
fn zolas_pager_numbers_follow_the_base_url() {
    let site = Site::fixture("taxonomies");
    let numbered = "{% for i in range(start=1, end=paginator.number_pagers + 1) %}<a class=\"n\" href=\"{{ paginator.base_url }}{{ i }}\">{{ i }}</a>{% endfor %}";
    site.edit("themes/plain/templates/section.html", "{{ m::pager(paginator=paginator) }}", numbered);
    site.build().ok();
    for (page, base) in
        [("reti/pagina/2/index.html", "/reti/pagina/"), ("en/networks/index.html", "/en/networks/page/")]
    {
        let html = site.output(page);
        assert!(html.contains(&format!("<a class=\"n\" href=\"{base}2\">2</a>")), "{html}");
        // Pager 1's number is the list's second address, pager 2's the pager itself.
        assert!(site.path(&format!("public{base}1/index.html")).is_file());
        assert!(site.path(&format!("public{base}2/index.html")).is_file());
    }
}

/// Each `<loc>` of the sitemap with its hreflang alternates.
fn sitemap(xml: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let doc = roxmltree::Document::parse(xml).expect("sitemap parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let loc = u.children().find(|c| c.has_tag_name("loc")).and_then(|l| l.text()).unwrap_or("").to_owned();
            let alts = u
                .children()
                .filter(|c| c.has_tag_name("link"))
                .map(|l| {
                    (l.attribute("hreflang").unwrap_or("").to_owned(), l.attribute("href").unwrap_or("").to_owned())
                })
                .collect();
            let path = loc.split_once("://").and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..])).unwrap_or("");
            (path.to_owned(), alts)
        })
        .collect()
}

#[test]
fn sitemap_pairs_terms_and_pagers_and_feeds_list_the_term() {
    let site = Site::fixture("taxonomies");
    site.build().ok();
    let urls = sitemap(&site.output("sitemap.xml"));
    for loc in ["/temi/", "/en/topics/", "/temi/cultura/", "/reti/pagina/2/", "/temi/clima/pagina/2/"] {
        assert!(urls.contains_key(loc), "{loc} not in {:?}", urls.keys());
    }
    assert!(!urls.keys().any(|l| l.ends_with("/1/")), "redirects are not in the sitemap: {:?}", urls.keys());
    let pair = |it: &str, en: &str| {
        vec![
            ("it".to_owned(), format!("https://example.org{it}")),
            ("en".to_owned(), format!("https://example.org{en}")),
            ("x-default".to_owned(), format!("https://example.org{it}")),
        ]
    };
    // Declared in site.toml (clima = "climate") and derived from a translated page (cibo/food).
    assert_eq!(urls["/temi/clima/"], pair("/temi/clima/", "/en/topics/climate/"));
    assert_eq!(urls["/en/topics/food/"], pair("/temi/cibo/", "/en/topics/food/"));
    assert_eq!(urls["/reti/pagina/2/"], pair("/reti/pagina/2/", "/en/networks/page/2/"));
    // Only Italian has a second pager of clima: no pair.
    assert_eq!(urls["/temi/clima/pagina/2/"], vec![]);
    let feed = site.output("temi/clima/atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed parses");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("title"))?.text())
        .collect();
    assert_eq!(titles, ["Rete A", "Rete B", "Rete C"]);
    // Search is off here: rendering keeps the pages' HTML for the term's feed all the same.
    let contents: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("content"))?.text())
        .collect();
    assert_eq!(contents.len(), 3, "{feed}");
    assert!(contents.iter().all(|c| c.contains("<p>")), "{contents:?}");
}

#[test]
fn builds_are_byte_identical() {
    let site = Site::fixture("taxonomies");
    site.build().ok();
    let first = site.snapshot("public");
    site.sito(&["build", "--output-dir", "again"]).ok();
    assert_eq!(first, site.snapshot("again"));
}

#[test]
fn a_term_the_site_does_not_declare_is_a_warning_with_a_suggestion() {
    let site = Site::fixture("taxonomies");
    site.edit("content/reti/a.md", "\"cibo\"]", "\"cibbo\"]");
    let run = site.build().ok();
    let err = run.stderr();
    assert!(err.contains("warning[E1304]: `cibbo` is not a declared term of `temi`"), "{err}");
    assert!(err.contains("--> content/reti/a.md:5:18") && err.contains("did you mean `cibo`?"), "{err}");
}

/// (file, text replaced, replacement, what stderr must say).
const MISTAKES: &[(&str, &str, &str, &[&str])] = &[
    (
        "content/reti/b.md",
        "temi = [",
        "tags = [",
        &[
            "error[E1302]: the language `it` has no taxonomy `tags`",
            "content/reti/b.md:5:1",
            "the taxonomies of `it` are: `temi`",
        ],
    ),
    (
        "content/reti/b.en.md",
        "topics = [",
        "temi = [",
        &["the language `en` has no taxonomy `temi`", "content/reti/b.en.md:5:1", "pages in en list it as `topics`"],
    ),
    (
        "content/reti/b.md",
        "[\"clima\"]",
        "[\"!!\"]",
        &["error[E1303]: the term `!!` has no letters or digits", "content/reti/b.md:5:9"],
    ),
    (
        "content/reti/_index.md",
        "paginate_by = 2",
        "paginate_by = 0",
        &["error[E1305]: `paginate_by` must be at least 1", "content/reti/_index.md:3:15"],
    ),
    ("site.toml", "name = \"temi\"", "name = \"../x\"", &["error[E1301]", "site.toml:5:24"]),
    (
        "site.toml",
        "translations.temi]",
        "translations.themes]",
        &["the default language has no taxonomy `themes`", "site.toml:"],
    ),
    (
        "i18n/it.toml",
        "path = \"pagina\"",
        "path = \"a/b\"",
        &["`pagination.path` must be one address segment", "i18n/it.toml:3:8"],
    ),
];

#[test]
fn every_mistake_is_reported_at_its_place_and_public_is_kept() {
    let site = Site::fixture("taxonomies");
    site.build().ok();
    let before = site.snapshot("public");
    for (file, from, to, needles) in MISTAKES {
        let original = std::fs::read_to_string(site.path(file)).expect("read");
        site.edit(file, from, to);
        site.build().fails_with(needles);
        assert_eq!(site.snapshot("public"), before, "{file}: a failed build changed public/");
        site.write(file, original);
    }
}

#[test]
fn a_page_where_a_term_page_would_be_and_missing_templates_fail() {
    let site = Site::fixture("taxonomies");
    site.write("content/temi/_index.md", "+++\ntitle = \"Temi\"\n+++\n");
    site.build()
        .fails_with(&["error[E0405]: content/temi/_index.md would be published at /temi/, where a taxonomy's page is"]);
    site.remove("content/temi/_index.md");
    site.remove("themes/plain/templates/taxonomy_single.html");
    site.build()
        .fails_with(&["error[E0502]: the theme has no `taxonomy_single.html` for the taxonomy `temi`", "site.toml:5:"]);
}

/// The microsite tags its networks by topic: each topic page pairs with its translation
/// (derived from the translated network pages) and lists the networks that carry it.
#[test]
fn the_microsite_topics_pair_across_languages() {
    let site = Site::microsite();
    let run = site.build().ok();
    assert!(!run.stderr().contains("E1304"), "{}", run.stderr());
    let urls = sitemap(&site.output("sitemap.xml"));
    let alternates = |loc: &str| urls.get(loc).map(|a| a.iter().map(|(l, h)| format!("{l} {h}")).collect::<Vec<_>>());
    for (it, en) in [
        ("/temi/clima/", "/en/topics/climate/"),
        ("/temi/sicurezza-urbana/", "/en/topics/urban-security/"),
        ("/temi/", "/en/topics/"),
    ] {
        let want = vec![
            format!("it https://milano-internazionale.example{it}"),
            format!("en https://milano-internazionale.example{en}"),
            format!("x-default https://milano-internazionale.example{it}"),
        ];
        assert_eq!(alternates(it), Some(want.clone()), "{it}");
        assert_eq!(alternates(en), Some(want), "{en}");
    }
    let main = crate::support::main_of(&site.output("temi/clima/index.html"));
    let titles: Vec<String> = match roxmltree::Document::parse(&main) {
        Ok(d) => d
            .descendants()
            .filter(|n| n.has_tag_name("h2"))
            .map(|n| {
                n.descendants().filter(|t| t.is_text()).filter_map(|t| t.text()).collect::<String>().trim().to_owned()
            })
            .collect(),
        Err(e) => panic!("{e}: {main}"),
    };
    // Without dates the pages go by title.
    assert_eq!(titles, ["Agenda urbana per l’UE e altre iniziative", "C40 Cities Climate Leadership Group"]);
}
