//! Images from plain Markdown (issue 15): the `images` fixture, with its photos made here
//! (a JPEG carrying EXIF GPS, camera and a rotation; PNGs), built by the real binary from
//! the site's folder.

use crate::support::{snapshot, Site};
use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

/// A 2000 × 1000 JPEG, red on the left and blue on the right, whose EXIF says "rotate 90°
/// clockwise" (orientation 6) and carries a camera name and a GPS position.
pub fn photo_with_exif() -> Vec<u8> {
    let img = RgbImage::from_fn(2000, 1000, |x, _| if x < 1000 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .write_image(&img, 2000, 1000, image::ExtendedColorType::Rgb8)
        .unwrap();
    let exif = exif_block();
    let mut app1 = vec![0xff, 0xe1];
    app1.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    app1.extend_from_slice(&exif);
    [&jpeg[..2], &app1, &jpeg[2..]].concat()
}

/// `Exif\0\0` and a big-endian TIFF block: IFD0 with Make, Orientation and a GPS IFD
/// holding latitude 45° 27' 54" N (Milan).
fn exif_block() -> Vec<u8> {
    let mut t = b"Exif\0\0MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: u32| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&kind.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value.to_be_bytes());
    };
    t.extend_from_slice(&3u16.to_be_bytes());
    entry(&mut t, 0x010f, 2, 8, 50); // Make → "SitoCam\0" at 50
    entry(&mut t, 0x0112, 3, 1, 6 << 16); // Orientation = 6, a SHORT in the first half
    entry(&mut t, 0x8825, 4, 1, 58); // GPS IFD at 58
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(b"SitoCam\0");
    t.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, u32::from_be_bytes(*b"N\0\0\0"));
    entry(&mut t, 0x0002, 5, 3, 88); // latitude rationals at 88
    t.extend_from_slice(&0u32.to_be_bytes());
    for (n, d) in [(45u32, 1u32), (27, 1), (54, 1)] {
        t.extend_from_slice(&n.to_be_bytes());
        t.extend_from_slice(&d.to_be_bytes());
    }
    t
}

pub fn png(width: u32, height: u32, alpha: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut out);
    if alpha {
        let img = RgbaImage::from_fn(width, height, |x, _| Rgba([0, 100, 0, (x % 256) as u8]));
        encoder.write_image(&img, width, height, image::ExtendedColorType::Rgba8).unwrap();
    } else {
        let img = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 90]));
        encoder.write_image(&img, width, height, image::ExtendedColorType::Rgb8).unwrap();
    }
    out
}

pub fn gallery() -> Site {
    let site = Site::fixture("images");
    site.write("content/galleria/foto.jpg", photo_with_exif());
    site.write("content/galleria/fregio.png", png(300, 20, true));
    site.write("static/img/mappa.png", png(1200, 800, false));
    site
}

fn published(site: &Site, rel: &str) -> Vec<u8> {
    std::fs::read(site.path("public").join(rel)).unwrap_or_else(|e| panic!("public/{rel}: {e}"))
}

#[test]
fn markdown_images_get_widths_webp_and_their_size() {
    let site = gallery();
    site.build().ok();
    let html = site.output("galleria/index.html");
    // Rotated by its EXIF: 1000 wide, 2000 high; widths below 1000 plus the image itself.
    let picture = "<picture><source type=\"image/webp\" srcset=\"/galleria/foto.480w.webp 480w, /galleria/foto.960w.webp 960w, /galleria/foto.1000w.webp 1000w\" sizes=\"(min-width: 48rem) 48rem, 100vw\"><img src=\"/galleria/foto.jpg\" srcset=\"/galleria/foto.480w.jpg 480w, /galleria/foto.960w.jpg 960w, /galleria/foto.jpg 1000w\" sizes=\"(min-width: 48rem) 48rem, 100vw\" width=\"1000\" height=\"2000\" alt=\"Il sindaco al vertice C40\" loading=\"lazy\" decoding=\"async\"></picture>";
    assert!(html.contains(picture), "{html}");
    for (rel, w, h) in [("foto.jpg", 1000, 2000), ("foto.480w.jpg", 480, 960), ("foto.960w.webp", 960, 1920)] {
        let img = image::load_from_memory(&published(&site, &format!("galleria/{rel}"))).unwrap();
        assert_eq!((img.width(), img.height()), (w, h), "{rel}");
    }
    // A static PNG, wider than the largest width: capped at 1440… no, 1200 < 1440: kept.
    assert!(html.contains("<img src=\"/img/mappa.png\" srcset=\"/img/mappa.480w.png 480w, /img/mappa.960w.png 960w, /img/mappa.png 1200w\""), "{html}");
    assert!(site.path("public/img/mappa.960w.webp").is_file());
    // The template function, from a shortcode: the smallest width of at least 480 pixels.
    assert!(
        html.contains("<img class=\"piccola\" src=\"/galleria/foto.480w.jpg\" width=\"480\" height=\"960\""),
        "{html}"
    );
}

#[test]
fn exif_orientation_is_applied_and_metadata_dropped() {
    let site = gallery();
    site.build().ok();
    for rel in ["foto.jpg", "foto.480w.jpg", "foto.960w.webp", "foto.1000w.webp"] {
        let bytes = published(&site, &format!("galleria/{rel}"));
        for secret in [&b"Exif"[..], b"EXIF", b"SitoCam"] {
            assert!(!bytes.windows(secret.len()).any(|w| w == secret), "{rel} still carries {secret:?}");
        }
    }
    // Red was on the left; turned clockwise it is on top.
    let img = image::load_from_memory(&published(&site, "galleria/foto.jpg")).unwrap().to_rgb8();
    let (top, bottom) = (img.get_pixel(500, 100), img.get_pixel(500, 1900));
    assert!(top[0] > 150 && top[2] < 80, "top is {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 80, "bottom is {bottom:?}");
}

#[test]
fn svg_passes_through_with_its_size_and_decorative_needs_saying() {
    let site = gallery();
    site.build().ok();
    let html = site.output("galleria/index.html");
    assert!(html.contains("<img src=\"/galleria/logo.svg\" width=\"120\" height=\"40\" alt=\"Logo della rete\" loading=\"lazy\" decoding=\"async\">"), "{html}");
    assert_eq!(published(&site, "galleria/logo.svg"), std::fs::read(site.path("content/galleria/logo.svg")).unwrap());
    // The marker gives an empty alt, and is not shown as a title.
    assert!(html.contains("width=\"300\" height=\"20\" alt=\"\" loading=\"lazy\""), "{html}");
    assert!(!html.contains("title=\"decorative\""), "{html}");
}

#[test]
fn a_rebuild_reads_the_cache_and_is_byte_identical() {
    let site = gallery();
    let first = site.build().ok();
    assert!(first.stdout().contains("images: 3 encoded, 0 from the cache"), "{}", first.stdout());
    let cache = snapshot(&site.path(".sito/cache/images"));
    assert!(!cache.is_empty());
    let mtimes = |s: &Site| -> Vec<std::time::SystemTime> {
        walkdir::WalkDir::new(s.path(".sito/cache/images"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.metadata().unwrap().modified().unwrap())
            .collect()
    };
    let before = mtimes(&site);
    let out = snapshot(&site.path("public"));
    let second = site.build().ok();
    assert!(second.stdout().contains("images: 0 encoded, 3 from the cache"), "{}", second.stdout());
    assert_eq!(mtimes(&site), before);
    // `--no-cache` trusts no cache, the images' neither: it encodes them again, the same.
    let fresh = site.sito(&["build", "--no-cache"]).ok();
    assert!(fresh.stdout().contains("images: 3 encoded, 0 from the cache"), "{}", fresh.stdout());
    assert_eq!(snapshot(&site.path("public")), out);
    // Encoded afresh (no cache), the output is the same, byte for byte.
    std::fs::remove_dir_all(site.path(".sito/cache")).unwrap();
    site.sito(&["build", "--output-dir", "again"]).ok();
    assert_eq!(snapshot(&site.path("again")), out);
    // An image no page shows any more leaves the cache at the next build.
    site.edit("content/galleria/index.md", "![Mappa dei quartieri](/img/mappa.png)", "");
    site.build().ok();
    assert_eq!(snapshot(&site.path(".sito/cache/images")).len(), cache.len() - 1 - 6);
}

#[test]
fn an_image_without_alt_text_fails_at_its_place() {
    let site = gallery();
    site.edit("content/galleria/index.md", "![Il sindaco al vertice C40](foto.jpg)", "Testo ![](foto.jpg)");
    let before = site.snapshot("public");
    site.build().fails_with(&["error[E1502]", "content/galleria/index.md:6:7", "no alt text", "\"decorative\""]);
    assert_eq!(site.snapshot("public"), before);
}

#[test]
fn broken_huge_and_fake_images_are_refused_by_name() {
    let site = gallery();
    site.write("content/galleria/rotto.jpg", "<html>not a photo</html>");
    site.edit("content/galleria/index.md", "## Foto", "## Foto\n\n![Rotto](rotto.jpg)");
    site.build().fails_with(&["error[E1503]", "content/galleria/rotto.jpg", "content/galleria/index.md:6:1"]);

    let site = gallery();
    // A small JPEG whose frame header says 10000 × 10000 pixels: refused from the header,
    // before decoding.
    let mut bomb = photo_with_exif();
    let sof = bomb.windows(2).position(|w| w == [0xff, 0xc0]).unwrap();
    bomb[sof + 5..sof + 9].copy_from_slice(&[0x27, 0x10, 0x27, 0x10]);
    site.write("content/galleria/bomba.jpg", bomb);
    site.edit("content/galleria/index.md", "## Foto", "## Foto\n\n![Bomba](bomba.jpg)");
    site.build().fails_with(&["error[E1504]", "content/galleria/bomba.jpg", "10000 × 10000", "40 million"]);

    let site = gallery();
    site.write("content/galleria/enorme.jpg", vec![0u8; 21 * 1024 * 1024]);
    site.edit("content/galleria/index.md", "## Foto", "## Foto\n\n![Enorme](enorme.jpg)");
    site.build().fails_with(&["error[E1504]", "content/galleria/enorme.jpg", "21 MB", "20 MB"]);
}
