//! Links that templates write (E0606), built the README's way from the site folder: a
//! broken one fails `build` and `check` like a broken link in a content file, leaves
//! `public/` as it was, and is found by a rebuild that keeps the page that has it, as by a
//! clean build.

use crate::support::Site;

#[test]
fn a_broken_link_a_template_writes_fails_build_and_check() {
    let site = Site::fixture("basic");
    site.build().ok();
    let before = site.snapshot("public");
    let main = "<main class=\"network\">";
    let broken = "<main class=\"network\"><a href=\"/notizie/\">n</a><img src=\"{{ page.url }}manca.png\" alt=\"\"><a href=\"#top\">t</a>";
    site.edit("themes/plain/templates/network.html", main, broken);
    let run = site.build().fails_with(&[
        "error[E0606]: broken link on /en/networks/c40/: nothing is published at /en/networks/c40/manca.png",
        "error[E0606]: broken link on /en/networks/c40/: nothing is published at /notizie/",
        "it comes from the template `network.html` or what it uses",
        "build failed: 5 errors",
    ]);
    // Each address once, at the first page that has it: not once per page.
    assert_eq!(run.stderr().matches("nothing is published at /notizie/").count(), 1, "{}", run.stderr());
    assert!(site.snapshot("public") == before, "a failed build changed public/");
    let check = site.sito(&["check"]).stdout();
    assert!(check.contains("error[E0606]") && check.contains("nothing is published at /notizie/"), "{check}");
    // Written right, under a sub-path too, the same template builds.
    let fixed =
        "<main class=\"network\"><a href=\"{{ section.url | default(value=page.url) }}\">n</a><a href=\"#top\">t</a>";
    site.edit("themes/plain/templates/network.html", broken, fixed);
    site.build().ok();
    site.sito(&["build", "--base-url", "https://example.org/intl/", "--relative", "--output-dir", "sub"]).ok();
}

#[test]
fn a_template_link_outside_the_sites_address_is_named_so() {
    let site = Site::fixture("basic");
    site.edit("themes/plain/templates/page.html", "<main>", "<main><a href=\"/contatti/\">c</a>");
    site.sito(&["build", "--base-url", "https://example.org/intl/"])
        .fails_with(&["nothing is published at /contatti/", "/contatti/ is outside the site's address (/intl/)"]);
}

#[test]
fn a_kept_page_whose_template_link_lost_its_file_fails_like_a_clean_build() {
    let site = Site::fixture("basic");
    // A template links to a file of another page's folder, which its Markdown does not show.
    site.write("content/reti/c40/extra.svg", std::fs::read(site.path("content/reti/c40/logo.svg")).unwrap());
    site.edit("themes/plain/templates/page.html", "<main>", "<main><img src=\"/reti/c40/extra.svg\" alt=\"\">");
    site.build().ok();
    let before = site.snapshot("public");
    site.remove("content/reti/c40/extra.svg");
    let needles = ["error[E0606]", "broken link on /solo-italiano/: nothing is published at /reti/c40/extra.svg"];
    let incremental = site.build().fails_with(&needles);
    assert!(site.snapshot("public") == before, "a failed build changed public/");
    let clean = site.sito(&["build", "--no-cache"]).fails_with(&needles);
    assert_eq!(incremental.stderr(), clean.stderr());
}

#[test]
fn pages_kept_by_a_rebuild_are_read_again_when_an_address_they_link_to_goes() {
    let site = Site::fixture("basic");
    // Only the alias makes /vecchia-c40/; a template links to it from pages that do not
    // change when the alias goes.
    site.edit("content/reti/c40/index.md", "weight = 2", "weight = 2\naliases = [\"/vecchia-c40/\"]");
    site.edit("themes/plain/templates/page.html", "<main>", "<main><a href=\"/vecchia-c40/\">v</a>");
    site.build().ok();
    let before = site.snapshot("public");
    site.edit("content/reti/c40/index.md", "aliases = [\"/vecchia-c40/\"]\n", "");
    let needles = ["error[E0606]", "broken link on /solo-italiano/: nothing is published at /vecchia-c40/"];
    let incremental = site.sito(&["build", "--allow-removed"]).fails_with(&needles);
    assert!(site.snapshot("public") == before, "a failed build changed public/");
    let clean = site.sito(&["build", "--allow-removed", "--no-cache"]).fails_with(&needles);
    assert_eq!(incremental.stderr(), clean.stderr());
}

/// What works in a browser passes: spaces around an address, a multi-line `if` inside it,
/// commas inside `srcset` addresses, `..` above the root, character references, a `<base
/// href>`, backslashes, markup inside `<xmp>`.
#[test]
fn addresses_a_browser_follows_are_not_refused() {
    let site = Site::fixture("basic");
    let forms = concat!(
        "<main><a href=\" {{ page.url }} \">a</a><a href=\"\n  {%- if lang == \"en\" %}/en/{% else %}/{% endif %}\n\">b</a>",
        "<img srcset=\"https://cdn.example.org/w_400,h_300/x.jpg 400w, data:image/png;base64,iVBO= 1x\" alt=\"\">",
        "<a href=\"../../../\">up</a><a href=\"/../reti/\">r</a><a href=\"&#x2F;reti&#47;\">e</a><a href=\"\\reti\\\">s</a>",
        "<p DATA=\"/no/\"></p><xmp><a href=\"/no/\"></xmp>"
    );
    site.edit("themes/plain/templates/page.html", "<main>", forms);
    site.build().ok();
    site.sito(&["build", "--relative", "--minify", "-o", "sub"]).ok();
}

/// The 404 page and a list's further pagers name the template that made them.
#[test]
fn pages_without_a_content_file_name_their_template() {
    let site = Site::fixture("basic");
    site.edit("themes/plain/templates/404.html", "</main>", "<a href=\"/perduto/\">x</a></main>");
    site.build()
        .fails_with(&["broken link on /404.html: nothing is published at /perduto/", "the template `404.html`"]);
}
