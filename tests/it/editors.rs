//! The traps comms staff met (issue 13), each tried their way: edit Markdown in the
//! `editors` fixture, run `sito build` from the site's folder, read what it says. Messages
//! are compared whole, position included.

use crate::support::Site;

/// A site built once, so that later builds have a previous build to compare with.
pub fn built() -> Site {
    let site = Site::fixture("editors");
    site.build().ok();
    site
}

#[test]
fn build_fails_on_every_broken_local_link_image_and_anchor() {
    let site = built();
    let before = site.snapshot("public");
    site.write(
        "content/reti/c40.md",
        "+++\ntitle = \"C40\"\n\n[extra]\nscheda = \"/reti/scheda-c40/\"\n+++\n## Chi siamo\n\n\
         Il C40 e il [Forum europeo](../efu/), la sua [storia](@/reti/efus.md#storia-mancante).\n\
         ![Foto del sindaco](foto.png) e <a href=\"/reti/nulla/\">un link</a>,\n\
         <img src=\"img/logo.svg\" alt=\"Logo\"><img\n  alt=\"Altro\" src='/img/logo.svgz'>.\n",
    );
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E0601]: `extra.scheda`: broken link: nothing is published at /reti/scheda-c40/
  --> content/reti/c40.md:5:10
    |
  5 | scheda = "/reti/scheda-c40/"
    |          ^^^^^^^^^^^^^^^^^^^
  = help: front-matter values the theme shows as links must point at a published page or file; for pages, write `@/` and the file under content/, e.g. "@/reti/c40.md"

error[E0601]: broken link: nothing is published at /reti/efu/ (`../efu/` from /reti/c40/)
  --> content/reti/c40.md:9:29
    |
  9 | Il C40 e il [Forum europeo](../efu/), la sua [storia](@/reti/efus.md#storia-mancante).
    |                             ^^^^^^^
  = help: did you mean `/reti/efus/`?

error[E0602]: broken anchor: content/reti/efus.md has no heading with the id `storia-mancante`
  --> content/reti/c40.md:9:55
    |
  9 | Il C40 e il [Forum europeo](../efu/), la sua [storia](@/reti/efus.md#storia-mancante).
    |                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = help: its headings' ids are: storia

error[E0601]: broken image: nothing is published at /reti/c40/foto.png (`foto.png` from /reti/c40/)
  --> content/reti/c40.md:10:21
     |
  10 | ![Foto del sindaco](foto.png) e <a href="/reti/nulla/">un link</a>,
     |                     ^^^^^^^^
  = help: files are published from static/ (and the theme's static/), or beside a page that is a bundle (a folder with index.md)

error[E0601]: broken link: nothing is published at /reti/nulla/
  --> content/reti/c40.md:10:42
     |
  10 | ![Foto del sindaco](foto.png) e <a href="/reti/nulla/">un link</a>,
     |                                          ^^^^^^^^^^^^
  = help: the nearest published page is /reti/; for pages, prefer `@/` links, which the build checks

error[E0601]: broken image: nothing is published at /reti/c40/img/logo.svg (`img/logo.svg` from /reti/c40/)
  --> content/reti/c40.md:11:11
     |
  11 | <img src="img/logo.svg" alt="Logo"><img
     |           ^^^^^^^^^^^^
  = help: a path that does not start with `/` is taken from this page's address; /img/logo.svg is published: write `/img/logo.svg`

error[E0601]: broken image: nothing is published at /img/logo.svgz
  --> content/reti/c40.md:12:20
     |
  12 |   alt="Altro" src='/img/logo.svgz'>.
     |                    ^^^^^^^^^^^^^^
  = help: did you mean `/img/logo.svg`?

build failed: 7 errors; the output folder was not changed
"#
    );
    assert_eq!(site.snapshot("public"), before, "a failed build leaves public/ byte-identical");
    assert!(!site.path(".public.sito-staging").exists());
}

#[test]
fn raw_html_links_follow_the_site_like_markdown_links() {
    let site = Site::fixture("editors");
    site.edit(
        "content/reti/c40.md",
        "Il C40",
        "<a href=\"@/reti/efus.md#storia\">EFUS</a> <img src=\"/img/logo.svg\" alt=\"Logo\"> Il C40",
    );
    site.sito(&["build", "--base-url", "https://example.org/intl/"]).ok();
    let html = site.output("reti/c40/index.html");
    assert!(
        html.contains(r#"<a href="/intl/reti/efus/#storia">EFUS</a> <img src="/intl/img/logo.svg" alt="Logo">"#),
        "{html}"
    );
}

#[test]
fn a_link_to_a_draft_says_it_is_a_draft() {
    let site = built();
    site.write("content/reti/bozza.md", "+++\ntitle = \"Bozza\"\ndraft = true\n+++\nIn preparazione.\n");
    site.edit("content/reti/c40.md", "Il C40 e", "La [bozza](@/reti/bozza.md) e il [testo](../bozza/); il C40 e");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E0601]: broken internal link: `@/reti/bozza.md` points to a draft (content/reti/bozza.md has `draft = true`), which is not published
  --> content/reti/c40.md:6:12
    |
  6 | La [bozza](@/reti/bozza.md) e il [testo](../bozza/); il C40 e il [Forum europeo](../efus/).
    |            ^^^^^^^^^^^^^^^
  = help: to publish it, remove `draft = true` from content/reti/bozza.md; until then, remove the link (`sito build --drafts` builds drafts too, for a preview)

error[E0601]: broken link: /reti/bozza/ is a draft (content/reti/bozza.md has `draft = true`), which is not published
  --> content/reti/c40.md:6:42
    |
  6 | La [bozza](@/reti/bozza.md) e il [testo](../bozza/); il C40 e il [Forum europeo](../efus/).
    |                                          ^^^^^^^^^
  = help: to publish it, remove `draft = true` from content/reti/bozza.md; until then, remove the link (`sito build --drafts` builds drafts too, for a preview)

build failed: 2 errors; the output folder was not changed
"#
    );
    site.sito(&["build", "--drafts"]).ok();
}

/// `git mv efus.md forum-europeo-sicurezza.md`: the build names the address that would go,
/// the line that keeps it and the file to add it to; the dangling links are told the page
/// was renamed (not pointed at some other page).
#[test]
fn a_renamed_page_keeps_its_address_or_the_build_says_how() {
    let site = built();
    let before = site.snapshot("public");
    for lang in ["", ".en"] {
        let text = std::fs::read_to_string(site.path(&format!("content/reti/efus{lang}.md"))).unwrap();
        site.remove(&format!("content/reti/efus{lang}.md"));
        site.write(&format!("content/reti/forum-europeo-sicurezza{lang}.md"), text);
    }
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E0601]: broken link: nothing is published at /en/networks/efus/ (`../efus/` from /en/networks/c40/)
  --> content/reti/c40.en.md:6:30
    |
  6 | C40 and the [European Forum](../efus/).
    |                              ^^^^^^^^
  = help: /en/networks/efus/ was published by the last build (content/reti/efus.en.md, “European Forum for Urban Security”): the page was removed or renamed since; it seems to be content/reti/forum-europeo-sicurezza.en.md now, at /en/networks/forum-europeo-sicurezza/: link there, and add `aliases = ["/en/networks/efus/"]` to its front matter so that links from elsewhere keep working

error[E0601]: broken link: nothing is published at /reti/efus/ (`../efus/` from /reti/c40/)
  --> content/reti/c40.md:6:29
    |
  6 | Il C40 e il [Forum europeo](../efus/).
    |                             ^^^^^^^^
  = help: /reti/efus/ was published by the last build (content/reti/efus.md, “Forum europeo per la sicurezza urbana”): the page was removed or renamed since; it seems to be content/reti/forum-europeo-sicurezza.md now, at /reti/forum-europeo-sicurezza/: link there, and add `aliases = ["/reti/efus/"]` to its front matter so that links from elsewhere keep working

error[E1004]: the address /en/networks/efus/ would disappear: it was content/reti/efus.en.md, which seems to be content/reti/forum-europeo-sicurezza.en.md now (/en/networks/forum-europeo-sicurezza/)
  --> content/reti/forum-europeo-sicurezza.en.md:1
  = help: so that links to /en/networks/efus/ keep working, add `aliases = ["/en/networks/efus/"]` to the front matter of content/reti/forum-europeo-sicurezza.en.md, or pass `--allow-removed` to let the address go

error[E1004]: the address /reti/efus/ would disappear: it was content/reti/efus.md, which seems to be content/reti/forum-europeo-sicurezza.md now (/reti/forum-europeo-sicurezza/)
  --> content/reti/forum-europeo-sicurezza.md:1
  = help: so that links to /reti/efus/ keep working, add `aliases = ["/reti/efus/"]` to the front matter of content/reti/forum-europeo-sicurezza.md, or pass `--allow-removed` to let the address go

build failed: 4 errors; the output folder was not changed
"#
    );
    assert_eq!(site.snapshot("public"), before);
    // Doing what it says: the old addresses redirect, the links work again.
    site.edit("content/reti/forum-europeo-sicurezza.md", "+++\n", "+++\naliases = [\"/reti/efus/\"]\n");
    site.edit("content/reti/forum-europeo-sicurezza.en.md", "+++\n", "+++\naliases = [\"/en/networks/efus/\"]\n");
    site.build().ok();
    assert!(site.output("reti/efus/index.html").contains("url=/reti/forum-europeo-sicurezza/"));
    // Builds later, a new link to the old file: the alias still tells where the page went.
    site.build().ok();
    site.edit("content/reti/c40.en.md", "C40 and the", "The [forum](@/reti/efus.md#history), C40 and the");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr().contains(
            "  = help: content/reti/efus.md no longer exists, and content/reti/forum-europeo-sicurezza.en.md keeps its address /en/networks/efus/ as an alias: the page was most likely renamed. Link to `@/reti/forum-europeo-sicurezza.md`\n"
        ),
        "{}",
        run.stderr()
    );
}

#[test]
fn a_deleted_page_needs_allow_removed() {
    let site = built();
    site.edit("content/reti/c40.md", " e il [Forum europeo](../efus/)", "");
    site.edit("content/reti/c40.en.md", " and the [European Forum](../efus/)", "");
    site.build().ok();
    site.remove("content/reti/efus.md");
    site.remove("content/reti/efus.en.md");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E1004]: the address /en/networks/efus/ would disappear: content/reti/efus.en.md (“European Forum for Urban Security”), published there by the last build, no longer exists
  = help: so that links to it keep working, add `aliases = ["/en/networks/efus/"]` to the front matter of the page that replaces it, or pass `--allow-removed` to let the address go

error[E1004]: the address /reti/efus/ would disappear: content/reti/efus.md (“Forum europeo per la sicurezza urbana”), published there by the last build, no longer exists
  = help: so that links to it keep working, add `aliases = ["/reti/efus/"]` to the front matter of the page that replaces it, or pass `--allow-removed` to let the address go

build failed: 2 errors; the output folder was not changed
"#
    );
    let run = site.sito(&["build", "--allow-removed"]).ok();
    assert!(run.stdout().ends_with("; 2 addresses of the last build no longer published\n"), "{}", run.stdout());
    // Accepted once: the next build compares with the new list.
    site.build().ok();
    assert!(!site.path("public/reti/efus").exists());
}

#[test]
fn a_page_made_a_draft_is_an_address_that_goes() {
    let site = built();
    site.edit("content/reti/c40.md", " e il [Forum europeo](../efus/)", "");
    site.edit("content/reti/c40.en.md", " and the [European Forum](../efus/)", "");
    site.build().ok();
    site.edit("content/reti/efus.md", "+++\n", "+++\ndraft = true\n");
    site.remove("content/reti/efus.en.md");
    // A drafts build publishes it, and does not forget the address either.
    site.sito(&["build", "--drafts", "--allow-removed"]).ok();
    let run = site.build();
    assert_eq!(
        run.stderr(),
        "error[E1004]: the address /reti/efus/ would disappear: content/reti/efus.md is now a draft\n  --> content/reti/efus.md:1\n  = help: to take the page offline, build once with `--allow-removed` (the next builds no longer expect the address); to keep it published, remove `draft = true`\n\nbuild failed: 1 error; the output folder was not changed\n"
    );
}

#[test]
fn the_marker_lives_beside_the_output_and_old_ones_are_taken_over() {
    let site = Site::fixture("editors");
    // A folder built by an older sito: its marker inside says sito made it.
    site.write("public/.sito-build", "generated by sito\n");
    site.write("public/old/index.html", "old page");
    site.build().ok();
    let files = site.snapshot("public");
    assert!(!files.contains_key(".sito-build") && !files.contains_key("old/index.html"), "{:?}", files.keys());
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.path(".public.sito-build")).unwrap()).unwrap();
    assert_eq!(manifest["pages"]["/reti/efus/"]["file"], "reti/efus.md");
    assert_eq!(manifest["pages"].as_object().unwrap().len(), 8);
}

#[test]
fn a_drafts_build_marks_its_drafts_and_keeps_them_from_crawlers() {
    let site = Site::microsite();
    site.write(
        "content/reti/bozza.md",
        "+++\ntitle = \"Rete in preparazione\"\ndescription = \"Bozza.\"\ndraft = true\ntranslate = false\n+++\nTesto.\n",
    );
    let run = site.sito(&["build", "--drafts"]).ok();
    assert!(run.stdout().ends_with(" (includes 1 draft: do not publish this folder)\n"), "{}", run.stdout());
    let page = site.output("reti/bozza/index.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"), "{page}");
    assert!(page.contains("<p class=\"draft-banner\" role=\"note\"><strong>BOZZA / DRAFT</strong> Questa pagina è una bozza: non è pubblicata e non va messa online.</p>"), "{page}");
    assert!(!site.output("sitemap.xml").contains("/reti/bozza/"));
    for (rel, _) in site.snapshot("public").iter().filter(|(r, _)| r.ends_with("atom.xml")) {
        assert!(!site.output(rel).contains("bozza"), "{rel}");
    }
    assert!(!site.output("reti/c40/index.html").contains("draft-banner"));
    // A normal build leaves the draft out and says nothing of drafts.
    let run = site.build().ok();
    assert!(!run.stdout().contains("draft"), "{}", run.stdout());
}

#[test]
fn an_at_path_in_extra_naming_no_file_is_named_at_its_line() {
    // The home page's template turns `entries[].path` into a URL: it used to fail first, at
    // the template, without the line that holds the path (docs audit).
    let site = Site::microsite();
    site.build().ok();
    let before = site.snapshot("public");
    site.edit("content/_index.md", "path = \"@/reti/_index.md\"", "path = \"@/retix/_index.md\"");
    let run = site.build().fails_with(&["E0601", "`extra.entries.1.path`"]);
    assert!(run.stderr().contains("  --> content/_index.md:14:8\n"), "{}", run.stderr());
    assert!(!run.stderr().contains("templates/"), "{}", run.stderr());
    assert!(run.stderr().contains("did you mean"), "{}", run.stderr());
    assert_eq!(site.snapshot("public"), before);
}

#[test]
fn server_rules_stay_out_of_what_hosts_serve() {
    let site = Site::fixture("editors");
    site.edit(
        "site.toml",
        "title = \"Milano internazionale\"",
        "title = \"Milano internazionale\"\nhost_rules = [\"nginx\", \"netlify\"]",
    );
    let run = site.sito(&["build", "--base-url", "https://example.org/intl/"]).ok();
    assert_eq!(
        run.stderr(),
        "warning[E1005]: robots.txt would be published at /intl/robots.txt, where crawlers never read it\n  --> site.toml\n  = help: crawlers read robots.txt only at the root of the host: add the rules (and the sitemap's address) to that file, and set `robots = false` here\n\n"
    );
    let files = site.snapshot("public");
    assert!(files.contains_key("_redirects"), "Netlify reads _redirects from the published folder");
    assert!(!files.contains_key("nginx.conf") && !files.keys().any(|f| f.contains("sito-build")), "{:?}", files.keys());
    let nginx = std::fs::read_to_string(site.path("public.nginx.conf")).unwrap();
    assert!(nginx.contains("location ^~ /intl/en/ {"), "{nginx}");
    // Dropping the rule drops the file beside the folder too.
    site.edit("site.toml", "[\"nginx\", \"netlify\"]", "[\"netlify\"]");
    site.sito(&["build", "--base-url", "https://example.org/intl/"]).ok();
    assert!(!site.path("public.nginx.conf").exists());
}

/// Adding `[languages.fr]` and copying en.toml, as the docs once said.
#[test]
fn a_third_language_needs_its_home_page_and_its_own_strings() {
    let site = built();
    site.edit("site.toml", "[languages.en]", "[languages.fr]\ntitle = \"Milan international\"\n\n[languages.en]");
    std::fs::copy(site.path("i18n/en.toml"), site.path("i18n/fr.toml")).unwrap();
    let run = site.build();
    assert_eq!(
        run.stderr(),
        "error[E0408]: the language `fr` has no home page: content/_index.fr.md does not exist\n  --> site.toml\n  = help: every page's language switcher links to /fr/; create content/_index.fr.md (a translation of content/_index.md), or remove `[languages.fr]`\n\nbuild failed: 1 error; the output folder was not changed\n"
    );
    site.write("content/_index.fr.md", "+++\ntitle = \"Bienvenue\"\n+++\nBienvenue.\n");
    let run = site.build().ok();
    assert_eq!(
        run.stderr(),
        "warning[E0705]: i18n/fr.toml is a copy of i18n/en.toml: its strings are not translated\n  --> i18n/fr.toml\n  = help: translate the file for `fr`, starting with `language_name`, the language's own name that the language switcher shows (`language_name = \"Français\"` for `fr`)\n\n"
    );
    site.write("i18n/fr.toml", "language_name = \"Français\"\n");
    assert_eq!(site.build().ok().stderr(), "");
    assert!(site.output("index.html").contains("<a href=\"/fr/\">Français</a>"));
}

#[test]
fn pages_nobody_can_reach_and_links_markdown_cannot_read_are_warned_about() {
    let site = Site::fixture("editors");
    site.write("content/archivio/vecchia.md", "+++\ntitle = \"Vecchia\"\n+++\nTesto.\n");
    site.write(
        "content/reti/solo.md",
        "+++\ntitle = \"Solo\"\ntranslate = false\n+++\nCon ![Il sindaco](foto sindaco.png) e `[x](a b)`.\n",
    );
    let toml = std::fs::read_to_string(site.path("site.toml")).unwrap();
    site.write(
        "site.toml",
        format!("{toml}\n[[languages.en.menu]]\nname = \"Only Italian\"\npath = \"@/reti/solo.md\"\n"),
    );
    let run = site.build().ok();
    assert_eq!(
        run.stderr(),
        r#"warning[E0409]: this page is published at /archivio/vecchia/, but nothing leads to it: content/archivio/ has no _index.md
  --> content/archivio/vecchia.md
  = help: add content/archivio/_index.md (with a title) so the folder becomes a section that lists its pages, or link to this page from another

warning[E0605]: this link or image is shown as text: its address has a space, which Markdown does not read
  --> content/reti/solo.md:5:5
    |
  5 | Con ![Il sindaco](foto sindaco.png) e `[x](a b)`.
    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = help: put the address between angle brackets, `![Il sindaco](<foto sindaco.png>)`, or rename the file without spaces

warning[E0603]: menu entry `Only Italian` (en) leads to a page in it: content/reti/solo.md has no en version
  --> site.toml:18:9
     |
  18 | path = "@/reti/solo.md"
     |         ^^^^^^^^^^^^^^
  = help: add content/reti/solo.en.md, or remove the entry from `[[languages.en.menu]]`

"#
    );
    let check = site.sito(&["check", "--strict"]);
    assert_eq!(check.code(), 1);
    for code in ["error[E0409]", "error[E0605]", "error[E0603]"] {
        assert!(check.stdout().contains(code), "{code}: {}", check.stdout());
    }
}

/// The milano theme declares the `[extra]` fields its templates read: a typo, a value of the
/// wrong type and a card without its title are caught at their line, in the bundled site.
#[test]
fn extra_fields_are_checked_against_the_themes_schema() {
    let site = Site::microsite();
    site.edit("content/reti/c40.md", "acronym = ", "acronimo = ");
    site.edit("content/reti/efus.md", "founded = \"1987\"", "founded = 1987");
    site.edit("content/_index.md", "title = \"Reti e partnership\"", "titolo = \"Reti e partnership\"");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E0504]: `extra.entries.1.titolo` is not a field the theme reads (themes/milano/extra.toml lists them): its value would not show
  --> content/_index.md:12:1
     |
  12 | titolo = "Reti e partnership"
     | ^^^^^^
  = help: did you mean `title`?

error[E0504]: `extra.entries.1.title` is missing: the theme needs it
  --> content/_index.md:11:1
     |
  11 | [[extra.entries]]
     | ^^^^^^^^^^^^^^^^^
  = help: the theme uses it for: The card's title.

error[E0504]: `extra.acronimo` is not a field the theme reads (themes/milano/extra.toml lists them): its value would not show
  --> content/reti/c40.md:7:1
    |
  7 | acronimo = "C40"
    | ^^^^^^^^
  = help: did you mean `acronym`?

error[E0504]: `extra.founded` must be text, between quotes
  --> content/reti/efus.md:8:11
    |
  8 | founded = 1987
    |           ^^^^
  = help: the theme uses it for: When the network was founded (`"2005"`), in the facts box and the networks table.

build failed: 4 errors; the output folder was not changed
"#
    );
    let italian = site.sito_italian(&["build"]).stderr();
    assert!(
        italian.starts_with("errore[E0504]: il tema non usa il campo `extra.entries.1.titolo` (i campi che usa sono in themes/milano/extra.toml): il suo valore non verrebbe mostrato\n"),
        "{italian}"
    );
    assert!(
        italian.contains("  = cosa fare: il tema lo usa per: Quando è nata la rete (`\"2005\"`), nel riquadro dei dati e nella tabella delle reti.\n"),
        "{italian}"
    );
}

/// Only the Italian page made a draft: the build says so at its `draft`, not that the
/// original does not exist.
#[test]
fn an_original_made_a_draft_alone_is_named_at_its_draft() {
    let site = built();
    let before = site.snapshot("public");
    site.edit("content/reti/c40.md", "title = \"C40\"\n", "title = \"C40\"\ndraft = true\n");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        r#"error[E0406]: this page is a draft, but its translation content/reti/c40.en.md is not: a translation cannot be published without its original
  --> content/reti/c40.md:3:1
    |
  3 | draft = true
    | ^^^^^
  = help: add `draft = true` to content/reti/c40.en.md as well, or remove `draft = true` here when the page is ready

build failed: 1 error; the output folder was not changed
"#
    );
    assert_eq!(site.snapshot("public"), before);
}

/// A `slug` that gives a new page the address of another is named where it is written.
#[test]
fn a_slug_taken_by_another_page_is_named_at_its_line() {
    let site = built();
    site.write("content/reti/copia.md", "+++\ntitle = \"Copia\"\n\nslug = \"c40\"\n+++\nTesto.\n");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr().starts_with(
            "error[E0405]: content/reti/c40.md and content/reti/copia.md would both be published at /reti/c40/\n  --> content/reti/copia.md:4:1\n"
        ),
        "{}",
        run.stderr()
    );
}

/// A menu entry of site.toml naming a file that does not exist: its line, and the file
/// it most likely meant.
#[test]
fn a_mistyped_menu_path_is_named_at_its_line_with_the_file_meant() {
    let site = built();
    site.edit("site.toml", "path = \"@/reti/_index.md\"", "path = \"@/reti/_indx.md\"");
    let run = site.build();
    assert_eq!(run.code(), 1);
    let first = run.stderr().split("\n\n").next().unwrap_or_default().to_owned();
    assert_eq!(
        first,
        r#"error[E0601]: menu entry `Reti`: `@/reti/_indx.md` points to a file that does not exist (content/reti/_indx.md)
  --> site.toml:7:9
    |
  7 | path = "@/reti/_indx.md"
    |         ^^^^^^^^^^^^^^^
  = help: did you mean `@/reti/_index.md`? Internal links name a file under content/"#
    );
}

/// A page setting added at the end of a table lands in that table: the help says to move
/// the line, at the line.
#[test]
fn a_setting_written_under_extra_or_taxonomies_is_told_to_move_up() {
    let site = Site::microsite();
    let website = "website = \"https://www.c40.org/\"\n";
    site.edit("content/reti/c40.md", website, &format!("{website}aliases = [\"/reti/c-40/\"]\n"));
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert!(
        run.stderr().contains(
            "error[E0504]: `extra.aliases` is not a field the theme reads (themes/milano/extra.toml lists them): its value would not show
  --> content/reti/c40.md:13:1
     |
  13 | aliases = [\"/reti/c-40/\"]
     | ^^^^^^^
  = help: `aliases` is a page setting, but written after the `[extra]` line it belongs to that table: move it above `[extra]`"
        ),
        "{}",
        run.stderr()
    );
    site.edit("content/reti/c40.md", "aliases = [\"/reti/c-40/\"]\n", "");
    site.edit("content/reti/c40.md", "[taxonomies]\n", "[taxonomies]\ndraft = true\n");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("--> content/reti/c40.md:15:9"), "{}", run.stderr());
    assert!(
        run.stderr().contains("help: `draft` is a page setting, but written after the `[taxonomies]` line"),
        "{}",
        run.stderr()
    );
}

/// Windows' file manager leaves `Thumbs.db` and `desktop.ini` in the folders it shows: they
/// are not published.
#[test]
fn file_manager_droppings_are_not_published() {
    let site = built();
    site.write("content/reti/Thumbs.db", [0u8, 1, 2]);
    site.write("content/reti/desktop.ini", "[.ShellClassInfo]\n");
    site.write("static/Thumbs.db", [0u8, 1, 2]);
    site.build().ok();
    let published: Vec<String> =
        site.snapshot("public").into_keys().filter(|k| k.contains("humbs") || k.contains("desktop")).collect();
    assert!(published.is_empty(), "{published:?}");
}

/// `pagina.MD` was published as it is, front matter and all, and nothing was said.
#[test]
fn a_page_ending_in_capital_md_is_named_and_not_published() {
    let site = built();
    let before = site.snapshot("public");
    site.write("content/reti/maiuscolo.MD", "+++\ntitle = \"Maiuscolo\"\n+++\nTesto.\n");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        "error[E0205]: this file ends in `.MD`: sito reads pages from files ending in `.md`, in small letters
  --> content/reti/maiuscolo.MD
  = help: rename it `maiuscolo.md`

build failed: 1 error; the output folder was not changed
"
    );
    assert_eq!(site.snapshot("public"), before);
}

/// `sort_by = "data"` (Italian for date): the value meant, and no second error about the
/// menu entry that names the section which did not load.
#[test]
fn an_unknown_value_gets_the_one_meant_and_only_its_own_error() {
    let site = built();
    site.edit("content/reti/_index.md", "+++\n", "+++\nsort_by = \"data\"\n");
    let run = site.build();
    assert_eq!(run.code(), 1);
    assert_eq!(
        run.stderr(),
        "error[E0102]: front matter: unknown variant `data`, expected one of `weight`, `date`, `title`
  --> content/reti/_index.md:2:11
    |
  2 | sort_by = \"data\"
    |           ^^^^^^
  = help: did you mean `date`?

build failed: 1 error; the output folder was not changed
"
    );
    let italian = site.sito_italian(&["build"]).stderr();
    assert!(
        italian.starts_with(
            "errore[E0102]: intestazione: valore sconosciuto `data`: i valori possibili sono `weight`, `date`, `title`\n"
        ),
        "{italian}"
    );
}

#[test]
fn a_published_page_made_a_draft_is_taken_offline_with_its_aliases_in_one_step() {
    // The editors' trial: its alias was said to be of a file that "no longer exists", `check`
    // said "no problems", and after a `--drafts` preview a normal build failed on the alias.
    let site = Site::fixture("editors");
    site.edit("content/reti/efus.md", "+++\n", "+++\naliases = [\"/reti/forum-sicurezza/\"]\n");
    site.edit("content/reti/c40.md", " e il [Forum europeo](../efus/)", "");
    site.edit("content/reti/c40.en.md", " and the [European Forum](../efus/)", "");
    site.build().ok();
    for file in ["content/reti/efus.md", "content/reti/efus.en.md"] {
        site.edit(file, "+++\n", "+++\ndraft = true\n");
    }
    let before = site.snapshot("public");
    let run = site.build().fails_with(&["E1004"]);
    let err = run.stderr();
    for path in ["/reti/efus/", "/en/networks/efus/", "/reti/forum-sicurezza/"] {
        assert!(err.contains(&format!("the address {path} would disappear: content/reti/efus")), "{path}: {err}");
    }
    assert_eq!(err.matches("is now a draft").count(), 3, "{err}");
    assert!(!err.contains("no longer exists"), "{err}");
    assert!(err.contains("to take the page offline, build once with `--allow-removed`"), "{err}");
    assert_eq!(site.snapshot("public"), before);
    // `check` finds what the build refuses.
    let check = site.sito(&["check"]);
    assert_eq!(check.code(), 1, "{}", check.stdout());
    assert!(
        check.stdout().contains("E1004") && check.stdout().contains("/reti/forum-sicurezza/"),
        "{}",
        check.stdout()
    );
    site.sito(&["build", "--allow-removed"]).ok();
    // A preview with the drafts, then a normal build: nothing is expected of the draft.
    site.sito(&["build", "--drafts"]).ok();
    site.build().ok();
    assert!(!site.path("public/reti/forum-sicurezza").exists());
}

#[test]
fn a_value_without_quotes_gets_the_fix_its_key_takes() {
    let site = built();
    let cases = [
        ("draft = vero", "`draft` does not take this value", "write `true` or `false`, without quotes"),
        ("weight = due", "`weight` does not take this value", "`weight = 3`"),
        ("updated = 7 dicembre 2026", "`updated = 2026-12-07`", "is 7 December 2026"),
    ];
    for (line, message, hint) in cases {
        site.edit("content/reti/efus.md", "+++\n", &format!("+++\n{line}\n"));
        let run = site.build().fails_with(&[message, hint]);
        assert!(run.stderr().contains("  --> content/reti/efus.md:2:"), "{line}: {}", run.stderr());
        assert!(!run.stderr().contains("put text between double quotes"), "{line}: {}", run.stderr());
        site.edit("content/reti/efus.md", &format!("+++\n{line}\n"), "+++\n");
    }
    let run = site.sito_italian(&["build"]);
    assert_eq!(run.code(), 0, "{}", run.stderr());
    site.edit("content/reti/efus.md", "+++\n", "+++\ndraft = vero\n");
    site.sito_italian(&["build"])
        .fails_with(&["`draft` non accetta questo valore", "scrivete `true` (sì) o `false` (no)"]);
}

#[test]
fn a_title_written_under_extra_is_named_where_it_is() {
    let site = built();
    site.write("content/reti/efus.md", "+++\ndescription = \"Il forum.\"\n\n[extra]\ntitle = \"Forum\"\n+++\nTesto.\n");
    let run = site.build().fails_with(&["E0305", "move it above `[extra]`"]);
    assert!(run.stderr().contains("  --> content/reti/efus.md:5:1\n"), "{}", run.stderr());
}

#[test]
fn an_original_renamed_alone_asks_for_its_translation_to_follow() {
    let site = built();
    std::fs::rename(site.path("content/reti/efus.md"), site.path("content/reti/forum-sicurezza.md")).unwrap();
    site.build().fails_with(&[
        "E0406",
        "if content/reti/efus.md was renamed content/reti/forum-sicurezza.md, rename this file content/reti/forum-sicurezza.en.md too",
    ]);
}

#[test]
fn a_translation_beside_its_originals_folder_is_asked_to_move_in() {
    let site = built();
    let svg = std::fs::read(site.path("static/img/logo.svg")).unwrap();
    site.write("content/reti/prova/index.md", "+++\ntitle = \"Prova\"\n+++\n![Logo della rete](logo.svg)\n");
    site.write("content/reti/prova/logo.svg", svg);
    site.write("content/reti/prova.en.md", "+++\ntitle = \"Test\"\n+++\n![Logo of the network](logo.svg)\n");
    site.build().fails_with(&["E0601", "move content/reti/prova.en.md into it as content/reti/prova/index.en.md"]);
    std::fs::rename(site.path("content/reti/prova.en.md"), site.path("content/reti/prova/index.en.md")).unwrap();
    site.build().ok();
    assert!(site.path("public/en/networks/prova/logo.svg").is_file());
}
