//! Publishing outputs: sitemap, robots, feeds, aliases, host rules, default language in a
//! sub-folder, sub-path hosting, relative links and minification.

use crate::support::{crawl, Site};

fn parse(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("invalid XML ({e}):\n{xml}"))
}

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

#[test]
fn sitemap_lists_every_page_with_alternates_matching_the_pages() {
    let site = Site::microsite();
    site.build().ok();
    let xml = site.output("sitemap.xml");
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(SITEMAP_NS), "urlset"));
    let base = "https://milano-internazionale.example/";
    let urls: Vec<_> = root.children().filter(|n| n.has_tag_name((SITEMAP_NS, "url"))).collect();
    let pages = crate::support::snapshot(&site.path("public"))
        .into_keys()
        .filter(|k| (k.ends_with("/index.html") || k == "index.html") && !crate::search::is_search_page(k))
        .count();
    assert_eq!(urls.len(), pages, "one <url> per page");
    for url in urls {
        let loc = url.children().find(|n| n.has_tag_name((SITEMAP_NS, "loc"))).and_then(|n| n.text()).expect("loc");
        let lastmod =
            url.children().find(|n| n.has_tag_name((SITEMAP_NS, "lastmod"))).and_then(|n| n.text()).expect("lastmod");
        assert!(lastmod.len() == 10 || lastmod.contains('T'), "{loc}: {lastmod}");
        let file = format!("{}index.html", loc.strip_prefix(base).expect("absolute loc"));
        let page_alternates = crate::site::alternates(&site.output(&file));
        let mut sitemap_alternates: Vec<(String, String)> = url
            .children()
            .filter(|n| n.has_tag_name((XHTML_NS, "link")))
            .map(|n| (n.attribute("hreflang").unwrap().to_owned(), n.attribute("href").unwrap().to_owned()))
            .collect();
        let mut expected = page_alternates.clone();
        expected.sort();
        sitemap_alternates.sort();
        assert_eq!(sitemap_alternates, expected, "{loc}: sitemap alternates match the page's own");
    }
    assert_eq!(site.output("robots.txt"), format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"));
}

#[test]
fn sitemap_splits_into_an_index_past_the_limit() {
    let site = Site::fixture("basic");
    let prepared = sito::build::Prepared::load(site.root(), None, false).unwrap_or_else(|d| panic!("{d:?}"));
    let files = sito::publish::sitemap::sitemaps(&prepared.shared.site, 4);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]);
    let index = parse(&files[0].1);
    assert_eq!(index.root_element().tag_name().name(), "sitemapindex");
    let locs: Vec<&str> =
        index.descendants().filter(|n| n.has_tag_name((SITEMAP_NS, "loc"))).filter_map(|n| n.text()).collect();
    assert_eq!(
        locs,
        ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"]
    );
    let total: usize = files[1..]
        .iter()
        .map(|(_, x)| parse(x).descendants().filter(|n| n.has_tag_name((SITEMAP_NS, "url"))).count())
        .sum();
    assert_eq!(total, 9);
}

#[test]
fn feeds_per_language_with_absolute_links_and_valid_dates() {
    let site = Site::fixture("basic");
    site.edit("content/reti/_index.md", "sort_by = \"weight\"", "sort_by = \"weight\"\nfeed = true");
    site.build().ok();
    for (file, lang, section) in [
        ("reti/atom.xml", "it", "https://example.org/reti/"),
        ("en/networks/atom.xml", "en", "https://example.org/en/networks/"),
    ] {
        let xml = site.output(file);
        let doc = parse(&xml);
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
        assert_eq!(feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(lang));
        let entries: Vec<_> = feed.children().filter(|n| n.has_tag_name("entry")).collect();
        assert_eq!(entries.len(), 2, "{file}");
        for link in doc.descendants().filter(|n| n.has_tag_name("link")) {
            assert!(link.attribute("href").unwrap().starts_with("https://example.org/"), "{file}: {link:?}");
        }
        for date in doc.descendants().filter(|n| n.has_tag_name("updated") || n.has_tag_name("published")) {
            let t = date.text().unwrap();
            assert!(t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T', "{file}: {t}");
        }
        // Newest first; links inside content are absolute too.
        let first = entries[0].children().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
        assert_eq!(first, Some("C40"));
        let content = entries[1].children().find(|n| n.has_tag_name("content")).and_then(|n| n.text()).unwrap();
        assert!(content.contains("href=\"https://example.org/"), "{content}");
        let alternate = doc.descendants().find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("alternate"));
        assert_eq!(alternate.and_then(|n| n.attribute("href")), Some(section), "{file}: links to its section");
    }
}

#[test]
fn links_relative_to_a_page_are_absolute_in_its_feed_entry() {
    // A feed reader resolves them against the feed: `logo.svg` from `/reti/atom.xml` was a 404.
    let site = Site::fixture("basic");
    site.edit("content/reti/_index.md", "sort_by = \"weight\"", "sort_by = \"weight\"\nfeed = true");
    site.append("content/reti/c40/index.md", "\n[Il logo](logo.svg), [su](#chi-siamo), [E](../eurocities/).\n");
    site.sito(&["build", "--base-url", "https://example.org/sub/"]).ok();
    let xml = site.output("reti/atom.xml");
    for href in ["https://example.org/sub/reti/c40/logo.svg", "https://example.org/sub/reti/c40/#chi-siamo"] {
        assert!(xml.contains(&format!("href=&quot;{href}&quot;")), "{href}: {xml}");
    }
    assert!(xml.contains("href=&quot;https://example.org/sub/reti/eurocities/&quot;"), "{xml}");
    // The page itself keeps its links as written.
    assert!(site.output("reti/c40/index.html").contains("href=\"logo.svg\""));
}

#[test]
fn aliases_redirect_to_the_page_in_its_language() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = 1\naliases = [\"/vecchia/eurocities/\"]");
    site.edit("content/reti/eurocities.en.md", "weight = 1", "weight = 1\naliases = [\"/old/eurocities.html\"]");
    site.build().ok();
    let it = site.output("vecchia/eurocities/index.html");
    assert!(it.contains(r#"<meta http-equiv="refresh" content="0; url=/reti/eurocities/">"#), "{it}");
    assert!(it.contains(r#"<link rel="canonical" href="https://example.org/reti/eurocities/">"#));
    assert!(it.contains(r#"<html lang="it">"#));
    let en = site.output("old/eurocities.html");
    assert!(en.contains("url=/en/networks/eurocities-network/"), "{en}");
    assert!(en.contains(r#"<html lang="en">"#));
}

#[test]
fn an_alias_that_collides_with_a_page_is_an_error() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = 1\naliases = [\"/reti/c40/\"]");
    site.build().fails_with(&[
        "the alias `/reti/c40/` is the address of content/reti/c40/index.md",
        "content/reti/eurocities.md",
    ]);
}

#[test]
fn host_rules_only_when_asked_and_per_language_404() {
    let site = Site::fixture("basic");
    site.build().ok();
    for f in ["_redirects", ".htaccess", "nginx.conf"] {
        assert!(!site.path("public").join(f).exists(), "{f} written without being asked");
    }
    site.edit("site.toml", "theme = \"plain\"", "theme = \"plain\"\nhost_rules = [\"netlify\", \"apache\", \"nginx\"]");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = 1\naliases = [\"/vecchia/\"]");
    site.build().ok();
    let netlify = site.output("_redirects");
    assert!(
        netlify.contains("/vecchia/ /reti/eurocities/ 301\n/en/* /en/404.html 404\n/* /404.html 404\n"),
        "{netlify}"
    );
    let apache = site.output(".htaccess");
    assert!(
        apache.contains("ErrorDocument 404 /404.html")
            && apache.contains("m#^/en/#\">\n  ErrorDocument 404 /en/404.html"),
        "{apache}"
    );
    // An nginx include, not a document: beside the output folder, never served.
    assert!(!site.path("public/nginx.conf").exists());
    let nginx = std::fs::read_to_string(site.path("public.nginx.conf")).expect("public.nginx.conf");
    assert!(nginx.contains("location ^~ /en/ {\n  error_page 404 /en/404.html;"), "{nginx}");
    assert!(site.output("en/404.html").contains("404 en"));
}

#[test]
fn unknown_host_rules_are_an_error() {
    let site = Site::fixture("basic");
    site.edit("site.toml", "theme = \"plain\"", "theme = \"plain\"\nhost_rules = [\"iis\"]");
    site.build().fails_with(&["unknown host rules `iis`", "nginx, apache, netlify"]);
}

#[test]
fn host_rules_and_the_sites_own_file_of_that_name_ask_the_reader_to_choose() {
    let site = Site::fixture("basic");
    site.build().ok();
    let before = site.snapshot("public");
    site.edit("site.toml", "theme = \"plain\"", "theme = \"plain\"\nhost_rules = [\"apache\"]");
    site.write("static/.htaccess", "Options -Indexes\n");
    let run = site.build().fails_with(&["static/.htaccess", "host_rules = [\"apache\"]", "both write `.htaccess`"]);
    assert!(!run.stderr().contains("writable"), "{}", run.stderr());
    assert_eq!(site.snapshot("public"), before, "a failed build leaves public/ as it was");
}

#[test]
fn default_language_in_a_sub_folder() {
    let site = Site::fixture("basic");
    site.edit(
        "site.toml",
        "theme = \"plain\"",
        "theme = \"plain\"\ndefault_language_in_subfolder = true\nhost_rules = [\"netlify\", \"apache\", \"nginx\"]",
    );
    site.build().ok();
    // An address outside every language's folder still gets the default language's 404.
    let netlify = site.output("_redirects");
    assert!(netlify.ends_with("/en/* /en/404.html 404\n/it/* /it/404.html 404\n/* /it/404.html 404\n"), "{netlify}");
    assert!(site.output(".htaccess").contains("\nErrorDocument 404 /it/404.html\n"));
    let nginx = std::fs::read_to_string(site.path("public.nginx.conf")).expect("public.nginx.conf");
    assert!(nginx.contains("location ^~ / {\n  error_page 404 /it/404.html;"), "{nginx}");
    let root = site.output("index.html");
    assert!(root.contains(r#"<meta http-equiv="refresh" content="0; url=/it/">"#), "{root}");
    assert!(root.contains(r#"href="/en/" hreflang="en""#));
    assert!(site.output("it/reti/c40/index.html").contains(r#"href="/it/reti/eurocities/#storia""#));
    assert!(site.output("en/networks/c40/index.html").contains(r#"hreflang="it" href="/it/reti/c40/""#));
    assert!(site.output("it/404.html").contains("404 it"));
    assert_eq!(site.output("404.html"), site.output("it/404.html"), "hosts find the default 404 at the root");
    let (pages, broken) = crawl(&site.path("public"), "index.html", "/", false);
    assert!(broken.is_empty() && pages > 5, "{broken:#?}");
}

#[test]
fn sub_path_build_resolves_every_link_under_the_prefix() {
    let site = Site::microsite();
    site.edit("content/reti/_index.md", "+++\n", "+++\n");
    site.sito(&["build", "--base-url", "https://host.example/intl/"]).ok();
    let (pages, broken) = crawl(&site.path("public"), "index.html", "/intl/", false);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(pages >= 48, "crawled {pages} pages from /intl/");
    // Root-relative links written in content follow the prefix too.
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea, vedi [reti](/reti/).");
    site.sito(&["build", "--base-url", "https://host.example/intl/"]).ok();
    assert!(site.output("reti/eurocities/index.html").contains(r#"href="/intl/reti/""#));
}

#[test]
fn relative_build_is_browsable_from_disk() {
    let site = Site::microsite();
    site.sito(&["build", "--relative"]).ok();
    let (pages, broken) = crawl(&site.path("public"), "index.html", "/", true);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(pages >= 48, "crawled {pages} pages");
    let page = site.output("reti/c40/index.html");
    assert!(page.contains("href=\"../../css/site."), "{}", &page[..page.len().min(2000)]);
}

#[test]
fn a_relative_builds_redirects_open_from_disk() {
    let site = Site::microsite();
    // A page moved, its old address kept as an alias, as the editors' guide says.
    let c40 = std::fs::read_to_string(site.path("content/reti/c40.md")).unwrap();
    site.write("content/reti/c40.md", c40.replacen("updated =", "aliases = [\"/reti/c-quaranta/\"]\nupdated =", 1));
    site.sito(&["build", "--relative"]).ok();
    let alias = site.output("reti/c-quaranta/index.html");
    assert!(alias.contains("url=../../reti/c40/index.html"), "{alias}");
    let (pages, broken) = crawl(&site.path("public"), "reti/c-quaranta/index.html", "/", true);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(pages >= 48, "crawled {pages} pages from the alias");
}

#[test]
fn minified_build_keeps_every_link_and_the_text() {
    let site = Site::microsite();
    site.sito(&["build", "--output-dir", "plain"]).ok();
    site.sito(&["build", "--minify"]).ok();
    let (pages, broken) = crawl(&site.path("public"), "index.html", "/", false);
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(pages >= 48);
    let plain = std::fs::read_to_string(site.path("plain/reti/c40/index.html")).unwrap();
    let small = site.output("reti/c40/index.html");
    assert!(small.len() < plain.len(), "minified is smaller ({} vs {})", small.len(), plain.len());
    let words = crate::support::text_words;
    assert_eq!(words(&small), words(&plain), "the text reads the same");
    let css = std::fs::read_dir(site.path("public/css")).unwrap().count();
    assert!(css >= 2);
}

#[test]
fn every_page_has_open_graph_and_json_ld_in_its_language() {
    let site = Site::microsite();
    site.build().ok();
    let mut checked = 0;
    for (rel, bytes) in crate::support::snapshot(&site.path("public")) {
        if !rel.ends_with("index.html") || crate::search::is_search_page(&rel) {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let lang = if rel.starts_with("en/") { "en" } else { "it" };
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{rel}: html lang");
        let canonical =
            crate::site::attr(html.split("<link rel=\"canonical\"").nth(1).unwrap_or(""), "href").unwrap_or_default();
        assert!(canonical.starts_with("https://"), "{rel}: canonical");
        assert!(
            html.contains(&format!("<meta property=\"og:url\" content=\"{canonical}\">")),
            "{rel}: og:url = canonical"
        );
        for tag in ["property=\"og:title\"", "property=\"og:locale\"", "name=\"twitter:card\""] {
            assert!(html.contains(tag), "{rel}: {tag}");
        }
        let json = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|s| s.split("</script>").next())
            .unwrap();
        let ld: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{rel}: JSON-LD {e}\n{json}"));
        let graph = ld["@graph"].as_array().unwrap();
        assert_eq!(graph[0]["@type"], "GovernmentOrganization");
        assert_eq!(graph[1]["inLanguage"], lang, "{rel}");
        assert_eq!(graph[1]["url"], canonical.as_str(), "{rel}");
        checked += 1;
    }
    assert!(checked >= 48, "{checked}");
}
