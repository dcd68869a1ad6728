//! Issue 15: does `fast_image_resize` pay against `image`'s resize for the widths sito writes?
//!
//! `resize-bench photo W H SEED OUT.jpg` writes a synthetic photograph (smooth shapes, soft
//! gradients and a little grain, so that JPEG and WebP compress it like a photo, not like
//! noise) as a JPEG of quality 90. Used by bench/resize.sh and for the corpus's photos.
//!
//! `resize-bench compare FILE [RUNS]` decodes FILE and, for each width sito writes by default
//! (480, 960, 1440: `[images] widths`), times:
//! - `image`'s `resize_exact` with `FilterType::Lanczos3`, exactly what src/render/images/codec.rs
//!   does;
//! - `fast_image_resize` (Lanczos3 convolution, single thread) with the CPU's best SIMD
//!   extension, and without SIMD;
//!
//! then the encoders sito runs on each width (JPEG or PNG in the source's format, WebP), so
//! that the resize is seen as the share of the whole work it is. Best of RUNS (default 5).
//! It also checks that fast_image_resize gives the same bytes with every CPU extension and
//! on every run (sito's output must not depend on the machine), and how far its pixels are
//! from `image`'s.

use fast_image_resize::{images::Image, CpuExtensions, FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, RgbImage};
use std::time::{Duration, Instant};

const WIDTHS: [u32; 3] = [480, 960, 1440];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("photo") if args.len() == 6 => {
            let (w, h, seed) = (num(&args[2]), num(&args[3]), num(&args[4]));
            let img = photo(w, h, u64::from(seed));
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img).expect("encode");
            std::fs::write(&args[5], out).expect("write");
        }
        Some("compare") if args.len() >= 3 => compare(&args[2], args.get(3).map_or(5, |r| num(r) as usize)),
        _ => {
            eprintln!("usage: resize-bench photo W H SEED OUT.jpg | resize-bench compare FILE [RUNS]");
            std::process::exit(2);
        }
    }
}

fn num(s: &str) -> u32 {
    s.parse().expect("a number")
}

/// A deterministic synthetic photograph: a sky-to-ground gradient, soft blobs of colour,
/// some hard edges (buildings), and grain of ±6 levels from a xorshift generator.
fn photo(w: u32, h: u32, seed: u64) -> RgbImage {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut rand = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let blobs: Vec<(f32, f32, f32, [f32; 3])> = (0..12)
        .map(|_| {
            let mut r = |m: u64| (rand() % m) as f32;
            (r(u64::from(w)), r(u64::from(h)), 80.0 + r(400), [r(120) - 60.0, r(120) - 60.0, r(120) - 60.0])
        })
        .collect();
    let towers: Vec<(u32, u32, u32, f32)> = (0..16)
        .map(|_| {
            let x = (rand() % u64::from(w)) as u32;
            (x, x + 40 + (rand() % 200) as u32, h / 3 + (rand() % u64::from(h / 3)) as u32, (rand() % 80) as f32)
        })
        .collect();
    RgbImage::from_fn(w, h, |x, y| {
        let t = y as f32 / h as f32;
        let mut c = [120.0 + 100.0 * (1.0 - t), 150.0 + 60.0 * (1.0 - t), 200.0 - 90.0 * t];
        for &(bx, by, br, dc) in &blobs {
            let d2 = ((x as f32 - bx).powi(2) + (y as f32 - by).powi(2)) / (br * br);
            let k = (-d2).exp();
            for i in 0..3 {
                c[i] += dc[i] * k;
            }
        }
        for &(x0, x1, top, shade) in &towers {
            if x >= x0 && x < x1 && y >= top {
                c = [60.0 + shade, 55.0 + shade, 50.0 + shade];
                if (x / 12 + y / 18) % 3 == 0 {
                    c = [200.0, 190.0, 140.0]; // windows
                }
            }
        }
        let grain = ((x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40503)) % 13) as f32 - 6.0;
        image::Rgb(c.map(|v| (v + grain).clamp(0.0, 255.0) as u8))
    })
}

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let start = Instant::now();
        let v = f();
        best = best.min(start.elapsed());
        out = Some(v);
    }
    (best, out.expect("runs > 0"))
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn height_for(src: &DynamicImage, width: u32) -> u32 {
    // As src/render/images/codec.rs: rounded up, at least 1.
    (u64::from(src.height()) * u64::from(width)).div_ceil(u64::from(src.width())).max(1) as u32
}

fn fir(src: &DynamicImage, width: u32, ext: Option<CpuExtensions>) -> DynamicImage {
    let height = height_for(src, width);
    let mut dst = Image::new(width, height, PixelType::U8x3);
    let mut resizer = Resizer::new();
    if let Some(ext) = ext {
        // SAFETY: only extensions the CPU reports are passed (see `extensions`).
        unsafe { resizer.set_cpu_extensions(ext) };
    }
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    resizer.resize(src, &mut dst, &options).expect("resize");
    DynamicImage::ImageRgb8(RgbImage::from_raw(width, height, dst.into_vec()).expect("buffer"))
}

fn extensions() -> Vec<CpuExtensions> {
    let mut all = vec![CpuExtensions::None];
    #[cfg(target_arch = "x86_64")]
    all.extend([CpuExtensions::Sse4_1, CpuExtensions::Avx2]);
    all.into_iter().filter(CpuExtensions::is_supported).collect()
}

fn compare(path: &str, runs: usize) {
    let bytes = std::fs::read(path).expect("read");
    let (decode, src) = best(runs, || image::load_from_memory(&bytes).expect("decode"));
    let src = DynamicImage::ImageRgb8(src.to_rgb8());
    let jpeg = path.ends_with(".jpg") || path.ends_with(".jpeg");
    println!(
        "{path}: {}x{}, {} KiB, decode {} ms; best of {runs}; fast_image_resize default CPU extension {:?}",
        src.width(),
        src.height(),
        bytes.len() / 1024,
        ms(decode),
        Resizer::new().cpu_extensions()
    );
    println!("width | image Lanczos3 | fir Lanczos3 (SIMD) | fir (no SIMD) | speed-up | max |diff| vs image | encode {} + WebP", if jpeg { "JPEG" } else { "PNG" });
    let (mut t_image, mut t_fir, mut t_enc) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for width in WIDTHS {
        let height = height_for(&src, width);
        let (a, by_image) = best(runs, || src.resize_exact(width, height, image::imageops::FilterType::Lanczos3));
        let (b, by_fir) = best(runs, || fir(&src, width, None));
        let (c, _) = best(runs, || fir(&src, width, Some(CpuExtensions::None)));
        // Determinism: every extension, and a second run, give the same bytes.
        let reference = fir(&src, width, Some(CpuExtensions::None)).into_bytes();
        for ext in extensions() {
            for _ in 0..2 {
                assert!(fir(&src, width, Some(ext)).into_bytes() == reference, "{ext:?} differs at {width}");
            }
        }
        let diff = by_image.as_bytes().iter().zip(by_fir.as_bytes()).map(|(x, y)| x.abs_diff(*y)).max().unwrap_or(0);
        let (e, _) = best(runs.min(3), || {
            let mut out = Vec::new();
            if jpeg {
                JpegEncoder::new_with_quality(&mut out, 80).encode_image(&by_image.to_rgb8()).expect("jpeg");
            } else {
                by_image.write_with_encoder(PngEncoder::new(&mut out)).expect("png");
            }
            let rgb = by_image.to_rgb8();
            let webp =
                webp::Encoder::from_rgb(&rgb, rgb.width(), rgb.height()).encode_simple(false, 80.0).expect("webp");
            out.len() + webp.len()
        });
        t_image += a;
        t_fir += b;
        t_enc += e;
        println!(
            "{width} | {} ms | {} ms | {} ms | {:.1}x | {diff} | {} ms",
            ms(a),
            ms(b),
            ms(c),
            a.as_secs_f64() / b.as_secs_f64(),
            ms(e)
        );
    }
    println!("identical bytes with every CPU extension ({:?}) and on repeated runs: yes", extensions());
    let whole_image = decode + t_image + t_enc;
    let whole_fir = decode + t_fir + t_enc;
    println!(
        "one photo, all widths, one core: decode {} + resize {} + encode {} = {} ms with image; {} ms with fast_image_resize ({:.0}% less)",
        ms(decode),
        ms(t_image),
        ms(t_enc),
        ms(whole_image),
        ms(whole_fir),
        100.0 * (1.0 - whole_fir.as_secs_f64() / whole_image.as_secs_f64())
    );
}
