//! Finishing touches on rendered files, applied just before they are written: links made
//! relative (so a build can be browsed straight from disk) and minification of HTML, CSS
//! and JavaScript. Both are done by well-kept crates rather than by hand: `lol_html`
//! rewrites URLs in one streaming pass that sees every attribute form (newlines, single
//! quotes, `srcset`, CSS `url()`), and `minify-html` (with lightningcss and oxc, as Zola
//! uses it) minifies. The hand-made versions they replace rescanned the document per link
//! and missed those forms (issue 16).

mod minify;
mod urls;

pub use urls::absolutize;

/// What to do to every output file.
#[derive(Debug, Clone, Copy, Default)]
pub struct Finish {
    pub relative: bool,
    pub minify: bool,
}

impl Finish {
    /// Applies the finishing to a file about to be written at `rel` (`/`-separated path in
    /// the output). `base_path` is the site's path prefix (`/` or `/prefix/`).
    pub fn apply(&self, rel: &str, base_path: &str, bytes: Vec<u8>) -> Vec<u8> {
        let kind = match rel.rsplit_once('.').map(|(_, ext)| ext) {
            Some("html") => Text::Html,
            Some("css") => Text::Css,
            Some("js") => Text::Js,
            _ => return bytes,
        };
        if !self.touches(kind) {
            return bytes;
        }
        let mut text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => return e.into_bytes(),
        };
        if self.relative {
            let up = "../".repeat(rel.matches('/').count());
            let to_relative = |url: &str| urls::relative_url(url, &up, base_path);
            text = match kind {
                Text::Html => urls::rewrite_html(&text, &to_relative),
                Text::Css => urls::rewrite_css(&text, &to_relative),
                Text::Js => text,
            };
        }
        if self.minify {
            text = match kind {
                Text::Html => minify::html(&text),
                Text::Css => minify::css(&text),
                Text::Js => minify::js(&text),
            };
        }
        text.into_bytes()
    }

    /// Whether finishing changes files of this kind at all (a copied file that it does not
    /// touch is copied as it is, without being read).
    pub fn touches_path(&self, rel: &str) -> bool {
        match rel.rsplit_once('.').map(|(_, ext)| ext) {
            Some("html") => self.touches(Text::Html),
            Some("css") => self.touches(Text::Css),
            Some("js") => self.touches(Text::Js),
            _ => false,
        }
    }

    fn touches(&self, kind: Text) -> bool {
        self.minify || (self.relative && kind != Text::Js)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    Html,
    Css,
    Js,
}
