//! The bundled microsite: it builds, every page exists in both languages and the two link to
//! each other, the dedicated layouts are used where they should be, and every network page
//! shows its structured facts.

use crate::support::Site;
use std::collections::BTreeMap;

/// (file under public/, its HTML) for every content page of the build.
/// The content pages: every `index.html` but redirects and the search pages (made by the
/// engine like the 404 pages, checked in tests/it/search.rs and the browser suite).
fn pages(site: &Site) -> BTreeMap<String, String> {
    crate::support::snapshot(&site.path("public"))
        .into_iter()
        .filter(|(rel, _)| rel.ends_with("index.html") && !crate::search::is_search_page(rel))
        .map(|(rel, bytes)| (rel, String::from_utf8(bytes).expect("utf-8 html")))
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect()
}

/// The `<link rel="alternate" hreflang=… href=…>` pairs of a page.
pub fn alternates(html: &str) -> Vec<(String, String)> {
    html.split("<link ")
        .skip(1)
        .filter(|tag| tag.contains("rel=\"alternate\"") && tag.contains("hreflang="))
        .filter_map(|tag| Some((attr(tag, "hreflang")?, attr(tag, "href")?)))
        .collect()
}

pub fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].replace("&amp;", "&"))
}

fn base_url(site: &Site) -> String {
    let config: toml::Table = toml::from_str(&std::fs::read_to_string(site.path("site.toml")).unwrap()).unwrap();
    config["base_url"].as_str().unwrap().to_owned()
}

#[test]
fn every_page_exists_in_both_languages_and_links_to_its_translation() {
    let site = Site::microsite();
    site.build().ok();
    let base = base_url(&site);
    let pages = pages(&site);
    let (en, it): (Vec<&String>, Vec<&String>) = pages.keys().partition(|k| k.starts_with("en/"));
    assert!(it.len() >= 20, "the microsite has {} Italian pages", it.len());
    assert_eq!(it.len(), en.len(), "as many English pages as Italian ones");
    for (file, html) in &pages {
        let own_url = format!("{base}{}", file.trim_end_matches("index.html"));
        let alts = alternates(html);
        let langs: Vec<&str> = alts.iter().map(|(l, _)| l.as_str()).collect();
        assert!(langs.contains(&"it") && langs.contains(&"en"), "{file}: alternates {alts:?}");
        assert!(
            alts.contains(&(if file.starts_with("en/") { "en" } else { "it" }.into(), own_url.clone())),
            "{file} lists itself"
        );
        for (lang, href) in &alts {
            let target = href.strip_prefix(&base).unwrap_or_else(|| panic!("{file}: {href} is not absolute on {base}"));
            let target_file = format!("{target}index.html");
            let other =
                pages.get(&target_file).unwrap_or_else(|| panic!("{file}: {lang} alternate {href} has no page"));
            assert!(alternates(other).iter().any(|(_, h)| *h == own_url), "{target_file} does not link back to {file}");
        }
    }
}

#[test]
fn dedicated_layouts_are_used_where_they_should_be() {
    let site = Site::microsite();
    site.build().ok();
    for (file, layout) in [
        ("100-citta/index.html", "doc--mission"),
        ("en/100-cities/index.html", "doc--mission"),
        ("relazioni-internazionali/index.html", "doc--units"),
        ("en/international-relations/index.html", "doc--units"),
        ("reti/index.html", "doc--networks"),
        ("en/networks/index.html", "doc--networks"),
    ] {
        assert!(site.output(file).contains(layout), "{file} should use the {layout} layout");
    }
}

#[test]
fn every_network_page_shows_its_structured_facts() {
    let site = Site::microsite();
    site.build().ok();
    let dir = site.path("content/reti");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("_index") || !name.ends_with(".md") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let front = text.split("+++").nth(1).unwrap();
        let fm: toml::Table = toml::from_str(front).unwrap();
        let extra = fm.get("extra").and_then(|e| e.as_table()).unwrap_or_else(|| panic!("{name} has no [extra]"));
        // The topics are taxonomy terms (issue 14); the other facts live in [extra].
        let topics = fm.get("taxonomies").and_then(|t| t.as_table()).is_some_and(|t| !t.is_empty());
        assert!(!extra.is_empty() || topics, "{name}: empty [extra] and no topics");
        let english = name.ends_with(".en.md");
        let stem = name.trim_end_matches(".md").trim_end_matches(".en");
        let slug = fm.get("slug").and_then(|s| s.as_str()).unwrap_or(stem);
        let out = if english { format!("en/networks/{slug}/index.html") } else { format!("reti/{slug}/index.html") };
        let html = site.output(&out).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
        assert!(html.contains("doc--network"), "{out} uses the network layout");
        for (key, value) in extra {
            let values: Vec<String> = match value {
                toml::Value::String(s) => vec![s.clone()],
                toml::Value::Array(a) => a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                other => vec![other.to_string()],
            };
            for v in values {
                assert!(html.contains(&v), "{out} does not show extra.{key} = {v:?}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 24, "checked {checked} network pages (12 networks × 2 languages)");
}

#[test]
fn language_switcher_leads_to_the_translation_or_says_there_is_none() {
    let site = Site::microsite();
    site.write("content/solo-italiano.md", "+++\ntitle = \"Solo italiano\"\ndescription = \"Una pagina senza traduzione.\"\ntranslate = false\n+++\nTesto.\n");
    site.build().ok();
    let switcher = |html: &str| {
        html.split("class=\"lang-switch\"").nth(1).and_then(|s| s.split("</nav>").next()).unwrap_or("").to_owned()
    };
    let page = switcher(&site.output("reti/c40/index.html"));
    assert!(page.contains(r#"href="/en/networks/c40/" hreflang="en" lang="en">English</a>"#), "{page}");
    let back = switcher(&site.output("en/networks/c40/index.html"));
    assert!(back.contains(r#"href="/reti/c40/" hreflang="it" lang="it">Italiano</a>"#), "{back}");
    let lonely = switcher(&site.output("solo-italiano/index.html"));
    assert!(lonely.contains(r#"href="/en/" hreflang="en" lang="en">English"#), "{lonely}");
    assert!(lonely.contains("this page is not available in English"), "{lonely}");
}

#[test]
fn every_page_follows_the_public_administration_conventions() {
    let site = Site::microsite();
    site.build().ok();
    for (file, html) in pages(&site) {
        let en = file.starts_with("en/");
        let (privacy, legal, accessibility) = if en {
            ("/en/privacy/", "/en/legal-notes/", "/en/accessibility/")
        } else {
            ("/privacy/", "/note-legali/", "/accessibilita/")
        };
        for (element, href) in
            [("privacy-policy-link", privacy), ("legal-notes", legal), ("accessibility-link", accessibility)]
        {
            assert!(html.contains(&format!("data-element=\"{element}\" href=\"{href}\"")), "{file}: {element}");
        }
        assert!(html.contains("Comune di Milano"), "{file}: the institution's name");
        assert!(html.contains("https://creativecommons.org/licenses/by/4.0/"), "{file}: the content licence");
        let updated = html.split_once("<p class=\"updated\">").map_or("", |(_, rest)| rest);
        let checked = updated.split_once("<time datetime=\"").map(|(_, rest)| &rest[..rest.len().min(11)]);
        let is_date =
            |t: &str| t.len() == 11 && t.ends_with('"') && t[..10].bytes().filter(u8::is_ascii_digit).count() == 8;
        assert!(checked.is_some_and(is_date), "{file}: the date its content was checked");
        assert_eq!(html.matches("<h1").count(), 1, "{file}: one h1");
        for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer"] {
            assert!(html.contains(landmark), "{file}: {landmark}");
        }
        assert!(!html.contains("https://fonts.") && !html.contains("cdn."), "{file}: nothing from third parties");
    }
    let legal = site.output("note-legali/index.html");
    assert!(legal.contains("CC BY 4.0"), "the legal notes state the licence");
}

/// The text of `html` from the first `start` to the next `end` after it (empty if absent).
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let Some(from) = html.find(start) else { return "" };
    let rest = &html[from..];
    rest.find(end).map_or(rest, |to| &rest[..to + end.len()])
}

#[test]
fn every_page_header_names_the_institution_and_folds_its_menu_behind_a_button() {
    let site = Site::microsite();
    site.build().ok();
    let config: toml::Table = toml::from_str(&std::fs::read_to_string(site.path("site.toml")).unwrap()).unwrap();
    let extra = config["extra"].as_table().unwrap();
    let (org, org_url) = (extra["organization"].as_str().unwrap(), extra["organization_url"].as_str().unwrap());
    let menu_len = |lang: &str| config["languages"][lang]["menu"].as_array().map_or(0, Vec::len);
    for (file, html) in pages(&site) {
        let header = between(&html, "<header class=\"site-header\">", "</header>");
        assert!(
            header.contains(&format!("<a class=\"slim-bar__org\" href=\"{org_url}\">{org}</a>")),
            "{file}: {header}"
        );
        let nav = between(header, "<nav class=\"main-nav\"", "</nav>");
        let button = between(nav, "<button", "</button>");
        assert!(button.contains("aria-expanded=\"false\" aria-controls=\"main-menu\" hidden"), "{file}: {button}");
        let list = between(nav, "<ul class=\"main-nav__list\" id=\"main-menu\">", "</ul>");
        let lang = if file.starts_with("en/") { "en" } else { "it" };
        assert_eq!(list.matches("<li>").count(), menu_len(lang), "{file}: one item per menu entry: {list}");
        assert!(html.contains("js/menu."), "{file}: the script that folds the menu");
        let footer = between(&html, "<footer class=\"site-footer\">", "</footer>");
        assert!(
            footer.contains(&format!("<a href=\"{org_url}\">{org}</a>")),
            "{file}: the footer names the institution"
        );
        let sections = between(footer, "<nav class=\"site-footer__sections\"", "</nav>");
        assert_eq!(
            sections.matches("<li>").count(),
            menu_len(lang) + 1,
            "{file}: the home and every section: {sections}"
        );
    }
}

#[test]
fn the_theme_fonts_are_self_hosted_beside_their_licence() {
    let site = Site::microsite();
    site.build().ok();
    let css = site.output("css/site.css");
    let fonts: Vec<&str> = css
        .split("url(\"../")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|u| u.starts_with("fonts/"))
        .collect();
    assert!(fonts.len() >= 2, "@font-face rules in site.css: {fonts:?}");
    for font in &fonts {
        assert!(font.ends_with(".woff2"), "{font}");
        let bytes = std::fs::read(site.path("public").join(font)).unwrap_or_else(|e| panic!("{font}: {e}"));
        assert_eq!(&bytes[..4], b"wOF2", "{font} is a woff2 file");
    }
    assert!(css.matches("font-display: swap").count() >= fonts.len(), "every face swaps in");
    assert!(
        site.output("fonts/OFL.txt").contains("SIL Open Font License"),
        "the fonts' licence is published with them"
    );
    let home = site.output("index.html");
    for preload in home.split("<link rel=\"preload\" href=\"/").skip(1) {
        let file = preload.split('"').next().unwrap();
        assert!(fonts.contains(&file), "the home preloads {file}, which no @font-face uses");
    }
}

/// The root-relative URL of an output file (`en/networks/index.html` → `/en/networks/`).
fn url_of(file: &str) -> String {
    format!("/{}", file.trim_end_matches("index.html"))
}

#[test]
fn the_site_map_lists_every_published_page_in_its_language() {
    let site = Site::microsite();
    site.build().ok();
    let pages = pages(&site);
    for (map_file, english) in [("mappa-del-sito/index.html", false), ("en/site-map/index.html", true)] {
        let html = &pages[map_file];
        let map = between(html, "<ul class=\"sitemap\">", "<p class=\"updated\">");
        let listed: std::collections::BTreeSet<String> = crate::support::links(map).into_iter().collect();
        let expected: std::collections::BTreeSet<String> =
            pages.keys().filter(|f| f.starts_with("en/") == english).map(|f| url_of(f)).collect();
        let pages_listed: std::collections::BTreeSet<String> =
            listed.iter().filter(|u| !u.ends_with("atom.xml")).cloned().collect();
        assert_eq!(pages_listed, expected, "{map_file}: every page of its language, and only those");
        assert!(map.contains("aria-current=\"page\">"), "{map_file}: marks itself as the current page");
    }
    let footer = between(&pages["reti/c40/index.html"], "<footer", "</footer>");
    assert!(footer.contains("href=\"/mappa-del-sito/\""), "the footer links the site map");
    let footer = between(&pages["en/networks/c40/index.html"], "<footer", "</footer>");
    assert!(footer.contains("href=\"/en/site-map/\""), "the English footer links the English site map");
}

#[test]
fn sections_with_a_feed_announce_it_in_the_head_and_link_it_in_the_page() {
    let site = Site::microsite();
    site.build().ok();
    let mut with_feed = 0;
    let mut term_feeds = 0;
    for (file, html) in pages(&site) {
        let feed_file = format!("{}atom.xml", file.trim_end_matches("index.html"));
        let head = between(&html, "<head>", "</head>");
        let main = between(&html, "<main", "</main>");
        let announced = head.split("<link ").find(|tag| tag.contains("type=\"application/atom+xml\""));
        if !site.path("public").join(&feed_file).is_file() {
            assert!(announced.is_none() && !main.contains("class=\"feed-link\""), "{file} has no feed to announce");
            continue;
        }
        if file.starts_with("temi/") || file.starts_with("en/topics/") {
            term_feeds += 1;
        } else {
            with_feed += 1;
        }
        let tag =
            announced.unwrap_or_else(|| panic!("{file}: no <link rel=\"alternate\" type=\"application/atom+xml\">"));
        let href = url_of(&feed_file);
        assert!(tag.contains("rel=\"alternate\"") && tag.contains(&format!("href=\"{href}\"")), "{file}: {tag}");
        assert!(attr(tag, "title").is_some_and(|t| !t.is_empty()), "{file}: the feed link has a title");
        assert!(main.contains(&format!("<a href=\"{href}\" type=\"application/atom+xml\">")), "{file}: a visible link");
        let feed = site.output(&feed_file);
        let lang = if file.starts_with("en/") { "en" } else { "it" };
        assert!(feed.contains(&format!("xml:lang=\"{lang}\"")), "{feed_file} is in the section's language");
    }
    assert_eq!(with_feed, 2, "the networks section has a feed in both languages");
    assert!(term_feeds >= 2, "each topic has its feed (`feed = true` on the taxonomies)");
}

/// Whether an `extra.milan_joined` value starts with a year (`2015`, `2015 (100 Resilient
/// Cities)`), not a decade (`1990s`), and that year.
fn leading_year(value: &str) -> Option<&str> {
    let year = value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
    value[4..].chars().next().is_none_or(|c| !c.is_alphanumeric()).then_some(year)
}

/// (value, title) of every network page of one language whose `extra.milan_joined` starts
/// with a year, by value.
fn joined_years(site: &Site, english: bool) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(site.path("content/reti")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("_index") || !name.ends_with(".md") || name.ends_with(".en.md") != english {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let fm: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
        let year = fm.get("extra").and_then(|e| e.get("milan_joined")).map(|y| y.to_string().replace('"', ""));
        if let Some(year) = year.filter(|y| leading_year(y).is_some()) {
            found.push((year, fm["title"].as_str().unwrap().to_owned()));
        }
    }
    found.sort();
    found
}

#[test]
fn the_networks_timeline_leaves_out_a_joined_value_that_is_no_year() {
    let site = Site::microsite();
    site.edit("content/reti/efus.md", "[extra]\n", "[extra]\nmilan_joined = \"1990s\"\n");
    site.edit("content/reti/pace-in-comune.md", "[extra]\n", "[extra]\nmilan_joined = \"anni Novanta\"\n");
    site.build().ok();
    let html = site.output("reti/index.html");
    let block = between(&html, "<section class=\"block joined\"", "</section>");
    assert!(block.contains("/reti/c40/"), "the timeline is there: {block}");
    assert!(!block.contains("/reti/efus/") && !block.contains("/reti/pace-in-comune/"), "{block}");
    assert!(!block.contains("1990") && !block.contains("Novanta"), "{block}");
}

#[test]
fn the_networks_timeline_draws_every_sourced_year_with_the_same_data_as_a_table() {
    let site = Site::microsite();
    site.build().ok();
    for (file, english) in [("reti/index.html", false), ("en/networks/index.html", true)] {
        let expected = joined_years(&site, english);
        assert!(expected.len() >= 5, "{file}: networks with the year Milan joined: {expected:?}");
        let html = site.output(file).replace("&amp;", "&");
        let block = between(&html, "<section class=\"block joined\"", "</section>");
        let svg = between(block, "<svg", "</svg>");
        assert!(svg.contains("role=\"img\" aria-labelledby=\"joined-svg-title joined-svg-desc\""), "{file}: {svg}");
        assert!(svg.contains("viewBox=\"0 0 360 "), "{file}: the SVG scales with its viewBox");
        let title = between(svg, "<title id=\"joined-svg-title\">", "</title>");
        assert!(title.len() > "<title id=\"joined-svg-title\"></title>".len(), "{file}: the image has a name");
        let desc = between(svg, "<desc id=\"joined-svg-desc\">", "</desc>");
        let table = between(block, "<table class=\"joined__table\">", "</table>");
        assert!(table.contains("<caption>"), "{file}: the table has a caption");
        assert_eq!(table.matches("<tr><td>").count(), expected.len(), "{file}: one row per network with a year");
        for (year, title) in &expected {
            assert!(desc.contains(&format!("{year}: {title}")), "{file}: the description gives {year}: {title}");
            assert!(table.contains(&format!("<tr><td>{year}</td>")), "{file}: a row for {year}");
            assert!(table.contains(&format!(">{title}</a></th></tr>")), "{file}: a row for {title}");
            let first_word = title.split(' ').next().unwrap();
            assert!(svg.contains(&format!(">{}</text>", leading_year(year).unwrap())), "{file}: {year} is drawn");
            assert!(svg.contains(&format!("<tspan x=\"90\">{first_word}")), "{file}: {title} is drawn");
        }
        let drawn_dots = svg.matches("<circle").count();
        let distinct: std::collections::BTreeSet<&str> = expected.iter().filter_map(|(y, _)| leading_year(y)).collect();
        assert_eq!(drawn_dots, distinct.len(), "{file}: one dot per year");
    }
}
