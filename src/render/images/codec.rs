//! Decoding and encoding raster images: the size limits checked from the file and its header
//! before anything is decoded (decompression bombs), EXIF orientation applied, every width
//! resized and encoded. Re-encoding writes pixels only, so EXIF (GPS position, camera,
//! serial numbers) never reaches the published files.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::Cursor;

/// Files larger than this are refused unread.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Images with more pixels than this are refused from their header.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The raster formats sito resizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jpeg,
    Png,
    Webp,
}

impl Format {
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            "webp" => Some(Format::Webp),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::Webp => ImageFormat::WebP,
        }
    }
}

/// Why an image was not processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not an image, damaged, or not in the format its name says.
    Unreadable(String),
    /// Over `MAX_BYTES` or `MAX_PIXELS`.
    TooLarge(String),
}

/// One encoded width.
#[derive(Debug, Clone)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// The widths to write for an image `width` pixels wide: those of `widths` below it, and
/// the image at its own width, capped at the largest.
pub fn plan(width: u32, widths: &[u32]) -> Vec<u32> {
    let cap = widths.iter().copied().max().unwrap_or(width);
    let top = width.min(cap);
    let mut out: Vec<u32> = widths.iter().copied().filter(|&w| w < top).collect();
    out.push(top);
    out
}

/// A file over [`MAX_BYTES`], its size in whole megabytes.
pub fn too_many_bytes(len: u64) -> Problem {
    Problem::TooLarge(crate::msg!(ImageFileTooLarge, mb = (len / (1024 * 1024)).to_string()))
}

/// Checks the limits from the header, then decodes `bytes` (in `format`, as the file's name
/// says) with its EXIF orientation applied.
pub fn decode(bytes: &[u8], format: Format) -> Result<DynamicImage, Problem> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_many_bytes(bytes.len() as u64));
    }
    let reader = || {
        let mut r = ImageReader::new(Cursor::new(bytes));
        r.set_format(format.image_format());
        let mut limits = Limits::default();
        limits.max_alloc = Some(MAX_PIXELS * 4 + (64 << 20));
        r.limits(limits);
        r
    };
    let unreadable = |e: image::ImageError| {
        let format = format.extension().to_uppercase();
        Problem::Unreadable(crate::msg!(ImageNotReadableAs, format = format, error = e.to_string()))
    };
    let (w, h) = reader().into_dimensions().map_err(unreadable)?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        let (width, height) = (w.to_string(), h.to_string());
        return Err(Problem::TooLarge(crate::msg!(ImageTooManyPixels, width = width, height = height)));
    }
    let mut decoder = reader().into_decoder().map_err(unreadable)?;
    // A broken EXIF block is no reason to refuse a photo: it is shown as stored.
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// `img` at each width of `plan`, in `format` and, if `webp`, also as WebP.
pub fn encode_all(
    img: &DynamicImage,
    format: Format,
    widths: &[u32],
    quality: u8,
    webp: bool,
) -> Result<Vec<Encoded>, Problem> {
    let mut out = Vec::new();
    for &w in widths {
        let resized = resize(img, w);
        out.push(encode(&resized, format, quality)?);
        if webp && format != Format::Webp {
            out.push(encode(&resized, Format::Webp, quality)?);
        }
    }
    Ok(out)
}

/// `img` scaled to `width` (aspect ratio kept, height rounded up), with a Lanczos3 filter.
///
/// fast_image_resize rather than `image`'s own `resize_exact`: for a 3000 × 2000 photo at
/// 480, 960 and 1440 pixels it is ~50 times faster (integer convolution with the CPU's SIMD)
/// and was two thirds of the work of a photo, decoding and encoding included
/// (bench/resize, docs/performance.md). Its output is the same on every CPU: the crate pins
/// one checksum per filter for all its SIMD paths, and ours stays byte-identical between
/// builds (tests/it/images.rs). It also resizes RGBA with premultiplied alpha, so that
/// transparent pixels do not bleed their colour into the edges.
fn resize(img: &DynamicImage, width: u32) -> DynamicImage {
    if width >= img.width() {
        return img.clone();
    }
    let height = (u64::from(img.height()) * u64::from(width)).div_ceil(u64::from(img.width())).max(1);
    let height = u32::try_from(height).unwrap_or(u32::MAX);
    let mut out = DynamicImage::new(width, height, img.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    match Resizer::new().resize(img, &mut out, &options) {
        Ok(()) => out,
        // A pixel layout the crate does not take (none that sito decodes today): `image`'s
        // own filter, slower but the same in kind.
        Err(_) => img.resize_exact(width, height, image::imageops::FilterType::Lanczos3),
    }
}

/// Encodes one image. JPEG has no alpha: transparent pixels go on the colours as they are.
pub fn encode(img: &DynamicImage, format: Format, quality: u8) -> Result<Encoded, Problem> {
    let failed = |e: String| Problem::Unreadable(crate::msg!(ImageNotEncoded, format = format.extension(), error = e));
    let mut bytes = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = img.to_rgb8();
            JpegEncoder::new_with_quality(&mut bytes, quality).encode_image(&rgb).map_err(|e| failed(e.to_string()))?;
        }
        Format::Png => {
            let encoder = PngEncoder::new(&mut bytes);
            let img = if img.color().has_alpha() {
                DynamicImage::from(img.to_rgba8())
            } else {
                DynamicImage::from(img.to_rgb8())
            };
            img.write_with_encoder(encoder).map_err(|e| failed(e.to_string()))?;
        }
        Format::Webp => {
            // libwebp's lossy encoder: image's own WebP encoder is lossless only, which makes
            // photographs larger than the JPEG they replace (docs/performance.md).
            let memory = if img.color().has_alpha() {
                let rgba = img.to_rgba8();
                webp::Encoder::from_rgba(&rgba, rgba.width(), rgba.height())
                    .encode_simple(false, f32::from(quality))
                    .map(|m| m.to_vec())
            } else {
                let rgb = img.to_rgb8();
                webp::Encoder::from_rgb(&rgb, rgb.width(), rgb.height())
                    .encode_simple(false, f32::from(quality))
                    .map(|m| m.to_vec())
            };
            bytes = memory.map_err(|e| failed(format!("{e:?}")))?;
        }
    }
    Ok(Encoded { width: img.width(), height: img.height(), format, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_widths_without_upscaling() {
        assert_eq!(plan(4000, &[480, 960, 1440]), [480, 960, 1440]);
        assert_eq!(plan(1000, &[480, 960, 1440]), [480, 960, 1000]);
        assert_eq!(plan(300, &[480, 960]), [300]);
        assert_eq!(plan(960, &[480, 960]), [480, 960]);
    }

    #[test]
    fn resizes_every_pixel_layout_to_the_planned_size() {
        // A flat colour stays that colour (a filter that sums to one), in every layout that
        // the decoders give: 8-bit grey, RGB, RGBA, and 16-bit RGB from a 16-bit PNG.
        let rgb = DynamicImage::from(image::RgbImage::from_pixel(300, 200, image::Rgb([200, 40, 10])));
        for img in [
            rgb.clone(),
            DynamicImage::from(rgb.to_luma8()),
            DynamicImage::from(rgb.to_rgba8()),
            DynamicImage::from(rgb.to_rgb16()),
        ] {
            let small = resize(&img, 101);
            assert_eq!((small.width(), small.height(), small.color()), (101, 68, img.color()));
            assert_eq!(small.to_rgba8().get_pixel(50, 34), img.to_rgba8().get_pixel(0, 0), "{:?}", img.color());
        }
    }

    #[test]
    fn refuses_a_bomb_from_its_header() {
        // A real 1 × 1 PNG whose header is changed to claim 10000 × 10000 pixels.
        let one = DynamicImage::new_rgb8(1, 1);
        let mut png = encode(&one, Format::Png, 80).map(|e| e.bytes).unwrap_or_default();
        png[16..24].copy_from_slice(&[0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10]);
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert!(matches!(decode(&png, Format::Png), Err(Problem::TooLarge(m)) if m.contains("10000 × 10000")));
    }

    /// The PNG chunk checksum.
    pub fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
}
