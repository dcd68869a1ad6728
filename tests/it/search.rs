//! Per-language search (issue 15): the microsite (`search = true`) and a fixture without it,
//! built by the real binary from the site's folder.

use crate::serve::Server;
use crate::support::{snapshot, Site};
use std::collections::BTreeMap;

/// The microsite's search pages, which are not content pages (no translations, not in the
/// sitemap).
pub fn is_search_page(rel: &str) -> bool {
    rel == "search/index.html" || rel == "en/search/index.html"
}

fn pagefind(site: &Site, dir: &str) -> BTreeMap<String, Vec<u8>> {
    snapshot(&site.path(dir).join("pagefind"))
}

#[test]
fn an_index_per_language_and_a_search_page_in_each() {
    let site = Site::microsite();
    let built = site.build().ok().stdout();
    let files = pagefind(&site, "public");
    let entry: serde_json::Value = serde_json::from_slice(&files["pagefind-entry.json"]).unwrap();
    let languages = entry["languages"].as_object().unwrap();
    assert_eq!(languages.keys().collect::<Vec<_>>(), ["en", "it"], "{entry}");
    for lang in ["it", "en"] {
        // Every page and section of the language is in its index, and only those.
        let pages = languages[lang]["page_count"].as_u64().unwrap();
        assert!(built.contains(&format!("{pages} {lang}")), "{lang}: {entry}\n{built}");
        let prefix = if lang == "en" { "/en/" } else { "/" };
        assert!(files.contains_key(&format!("wasm.{lang}.pagefind")), "{:?}", files.keys());
        let page = site.output(&format!("{}search/index.html", &prefix[1..]));
        assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{page}");
        assert!(page.contains("data-base=\"/\""), "{page}");
        assert!(page.contains("<label class=\"search-form__label\" for=\"search-q\">"), "{page}");
    }
    // The search box of every other page leads to its language's search page.
    assert!(site.output("index.html").contains("<form class=\"site-search\" role=\"search\" action=\"/search/\""));
    assert!(site
        .output("en/index.html")
        .contains("<form class=\"site-search\" role=\"search\" action=\"/en/search/\""));
    // Pagefind's own interfaces are not published: the theme has its own.
    assert!(!files.keys().any(|k| k.starts_with("pagefind-ui")), "{:?}", files.keys());
}

#[test]
fn the_index_is_the_same_on_every_build_and_served_from_memory() {
    let site = Site::microsite();
    site.build().ok();
    site.sito(&["build", "--output-dir", "again"]).ok();
    let first = pagefind(&site, "public");
    assert!(first.len() > 8, "{:?}", first.keys());
    assert_eq!(pagefind(&site, "again"), first);
    let server = Server::start(&site, &[]);
    for (rel, bytes) in [("pagefind-entry.json", &first["pagefind-entry.json"]), ("pagefind.js", &first["pagefind.js"])]
    {
        let (status, _, body) = server.get(&format!("/pagefind/{rel}"));
        assert_eq!((status, body.as_bytes()), (200, &bytes[..]), "{rel}");
    }
}

#[test]
fn search_off_writes_nothing() {
    let site = Site::fixture("basic");
    site.build().ok();
    let out = snapshot(&site.path("public"));
    assert!(!out.keys().any(|k| k.starts_with("pagefind/") || k.ends_with("search/index.html")), "{:?}", out.keys());
    let home = site.output("index.html");
    assert!(!home.contains("pagefind") && !home.contains("role=\"search\""), "{home}");
}
