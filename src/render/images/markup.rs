//! How a processed image is shown: `<picture>` with a WebP `<source>` and an `<img>` whose
//! `srcset`, `sizes`, `width` and `height` let the browser pick a width and keep the room
//! for it before it loads (no layout shift); and the size an SVG declares.

use super::codec::{Encoded, Format, Problem};
use super::Processed;
use crate::load::templates::escape_html;
use serde::Serialize;

/// Where each width of an image is published: what templates get from `image()`.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Shown {
    /// The image at its largest width, in its own format.
    pub url: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// `url 480w, …` in the image's own format (empty for SVG).
    pub srcset: String,
    /// The same widths as WebP (empty when WebP is off, or for SVG).
    pub webp_srcset: String,
    /// The MIME type of `url`.
    #[serde(rename = "type")]
    pub mime: String,
    /// The `sizes` attribute `[images]` sets, for templates to repeat.
    pub sizes: String,
    /// Every width: (width, height, url, MIME type), smallest first.
    pub files: Vec<ShownFile>,
    #[serde(skip)]
    pub format: Option<Format>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ShownFile {
    pub width: u32,
    pub height: u32,
    pub url: String,
    #[serde(rename = "type")]
    pub mime: String,
}

impl Shown {
    pub fn svg(url: String, p: &Processed) -> Shown {
        let (width, height) = match p {
            Processed::Svg { width, height } => (*width, *height),
            Processed::Raster { .. } => (None, None),
        };
        Shown { url, width, height, mime: "image/svg+xml".into(), ..Shown::default() }
    }

    /// Adds one width; `top` is the image itself (its largest width in its own format).
    pub fn push(&mut self, f: &Encoded, url: String, top: bool) {
        let set = if Some(f.format) == self.format { &mut self.srcset } else { &mut self.webp_srcset };
        if !set.is_empty() {
            set.push_str(", ");
        }
        // A candidate ends at whitespace and candidates at commas: `foto con spazi.jpg` is
        // written `foto%20con%20spazi.jpg` there (the same file to the browser).
        set.push_str(&format!("{} {}w", url.replace(' ', "%20").replace(',', "%2C"), f.width));
        if top {
            self.url = url.clone();
            self.width = Some(f.width);
            self.height = Some(f.height);
            self.mime = f.format.mime().into();
        }
        self.files.push(ShownFile { width: f.width, height: f.height, url, mime: f.format.mime().into() });
    }

    /// The file closest to `width` from above (the largest if none is that wide), in the
    /// image's own format.
    pub fn at_width(&self, width: u32) -> Option<&ShownFile> {
        let own: Vec<&ShownFile> = self.files.iter().filter(|f| f.mime == self.mime).collect();
        own.iter().find(|f| f.width >= width).or(own.last()).copied()
    }

    /// The HTML for a Markdown image. `alt` and `title` are text.
    pub fn html(&self, alt: &str, title: &str) -> String {
        let sizes = &self.sizes;
        let mut img = format!("<img src=\"{}\"", escape_html(&self.url));
        if self.srcset.contains(", ") {
            img.push_str(&format!(" srcset=\"{}\" sizes=\"{}\"", escape_html(&self.srcset), escape_html(sizes)));
        }
        if let (Some(w), Some(h)) = (self.width, self.height) {
            img.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
        }
        img.push_str(&format!(" alt=\"{}\"", escape_html(alt)));
        if !title.is_empty() {
            img.push_str(&format!(" title=\"{}\"", escape_html(title)));
        }
        img.push_str(" loading=\"lazy\" decoding=\"async\">");
        if self.webp_srcset.is_empty() {
            return img;
        }
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{}\">{img}</picture>",
            escape_html(&self.webp_srcset),
            escape_html(sizes)
        )
    }
}

/// The `width` and `height` of an SVG's root element, when given in pixels (or without a
/// unit); a size in `%` or `em` depends on where it is shown, so it is left out.
pub fn svg_size(bytes: &[u8]) -> Result<(Option<u32>, Option<u32>), Problem> {
    let text = std::str::from_utf8(bytes).map_err(|_| Problem::Unreadable(crate::msg!(SvgNotUtf8)))?;
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| Problem::Unreadable(crate::msg!(SvgUnreadable, error = e.to_string())))?;
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        return Err(Problem::Unreadable(crate::msg!(SvgWrongRoot, root = root.tag_name().name())));
    }
    let px = |name: &str| {
        let v = root.attribute(name)?.trim();
        let v = v.strip_suffix("px").unwrap_or(v);
        v.parse::<f64>().ok().filter(|n| n.is_finite() && *n > 0.0 && *n < 1e6).map(|n| n.round() as u32)
    };
    Ok((px("width"), px("height")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_spaces_or_commas_stays_one_srcset_candidate() {
        let mut shown = Shown { format: Some(Format::Jpeg), ..Shown::default() };
        for width in [480, 720] {
            let f = Encoded { width, height: width / 2, format: Format::Jpeg, bytes: Vec::new() };
            shown.push(&f, format!("/reti/foto con spazi, 1.{width}w.jpg"), width == 720);
        }
        assert_eq!(
            shown.srcset,
            "/reti/foto%20con%20spazi%2C%201.480w.jpg 480w, /reti/foto%20con%20spazi%2C%201.720w.jpg 720w"
        );
        assert_eq!(shown.url, "/reti/foto con spazi, 1.720w.jpg", "src keeps the name as the checks read it");
    }

    #[test]
    fn svg_sizes_in_pixels_only() {
        let size = |s: &str| svg_size(s.as_bytes());
        assert_eq!(
            size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40.4px"/>"#),
            Ok((Some(120), Some(40)))
        );
        assert_eq!(size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>"#), Ok((None, None)));
        assert!(size("<html/>").is_err());
        assert!(size("not xml").is_err());
    }
}
