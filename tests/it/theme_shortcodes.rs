//! The milano theme's shortcodes (issue 14), called from a page bundle of the microsite in
//! both languages: the expected `<main>` of each, labels in the page's language, nothing
//! loaded from another site, and a remote image refused at the call.

use crate::support::{copy_dir, expect_file, fixtures, main_of, Site};

fn site() -> Site {
    let site = Site::microsite();
    copy_dir(&fixtures().join("theme-shortcodes/prova"), &site.path("content/prova"));
    site
}

#[test]
fn every_bundled_shortcode_renders_in_both_languages() {
    let site = site();
    site.build().ok();
    for (file, expected) in [("prova/index.html", "it"), ("en/prova/index.html", "en")] {
        let main = main_of(&site.output(file));
        expect_file(&format!("theme-shortcodes/expected/{expected}.html"), &main);
        // Every image and script of the page is this site's: the video is a poster and a link.
        for line in
            main.lines().filter(|l| l.starts_with("<img") || l.starts_with("<script") || l.starts_with("<iframe"))
        {
            assert!(!line.contains("://"), "{file}: a third-party request: {line}");
        }
    }
}

#[test]
fn a_remote_image_or_a_missing_alt_is_an_error_at_the_call() {
    let site = site();
    site.edit("content/prova/index.md", "src=\"foto.png\"", "src=\"https://example.com/x.jpg\"");
    site.build().fails_with(&["content/prova/index.md:14:4", "figure: `src` must be an image of this site"]);
    site.edit(
        "content/prova/index.md",
        "src=\"https://example.com/x.jpg\", alt=\"Il Duomo al tramonto\", ",
        "src=\"foto.png\", ",
    );
    site.build().fails_with(&["error[E1204]", "content/prova/index.md:14:", "`alt`"]);
}
