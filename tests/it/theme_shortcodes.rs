//! The milano theme's shortcodes (issue 14), called from a page bundle of the microsite in
//! both languages: the expected `<main>` of each, labels in the page's language, nothing
//! loaded from another site, and a remote image refused at the call.

use crate::support::{copy_dir, expect_file, fixtures, main_of, Site};

fn site() -> Site {
    let site = Site::microsite();
    copy_dir(&fixtures().join("theme-shortcodes/content/prova"), &site.path("content/prova"));
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

#[test]
fn a_figure_goes_through_the_image_pipeline() {
    let site = site();
    // A photo with a rotation, a camera name and a GPS position in its EXIF, beside the page.
    site.write("content/prova/sindaco.jpg", crate::images::photo_with_exif());
    site.edit("content/prova/index.en.md", "src=\"foto.png\"", "src=\"sindaco.jpg\"");
    site.build().ok();
    let html = site.output("en/prova/index.html");
    // Every width, as WebP too, and the size after the rotation: 1000 × 2000.
    let picture = "<picture><source type=\"image/webp\" srcset=\"/en/prova/sindaco.480w.webp 480w, /en/prova/sindaco.960w.webp 960w, /en/prova/sindaco.1000w.webp 1000w\"";
    assert!(html.contains(picture), "{html}");
    let img = "<img src=\"/en/prova/sindaco.jpg\" srcset=\"/en/prova/sindaco.480w.jpg 480w, /en/prova/sindaco.960w.jpg 960w, /en/prova/sindaco.jpg 1000w\"";
    assert!(html.contains(img), "{html}");
    assert!(
        html.contains(
            "alt=\"The Duomo at sunset\" loading=\"lazy\" decoding=\"async\" width=\"1000\" height=\"2000\">"
        ),
        "{html}"
    );
    for rel in ["sindaco.jpg", "sindaco.480w.jpg", "sindaco.960w.webp"] {
        let bytes = std::fs::read(site.path("public/en/prova").join(rel)).unwrap();
        for secret in [&b"Exif"[..], b"SitoCam"] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret), "{rel} still carries {secret:?}");
        }
    }
    // The Italian page's PNG too; an SVG passes through with the size it declares.
    assert!(site
        .output("prova/index.html")
        .contains("<picture><source type=\"image/webp\" srcset=\"/prova/foto.1w.webp 1w\""));
    site.write("content/prova/logo.svg", r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"/>"#);
    site.edit("content/prova/index.en.md", "src=\"sindaco.jpg\"", "src=\"logo.svg\"");
    site.build().ok();
    let html = site.output("en/prova/index.html");
    assert!(html.contains("<img src=\"/en/prova/logo.svg\" alt=\"The Duomo at sunset\" loading=\"lazy\" decoding=\"async\" width=\"120\" height=\"40\">"), "{html}");
}
