//! Images: a Markdown image (`![Il sindaco al C40](foto.jpg)`) of a JPEG, PNG or WebP in a
//! page bundle or in static/ is written at the widths `[images]` asks, in its own format and
//! as WebP, with EXIF orientation applied and its metadata dropped, and shown with
//! `srcset`, `sizes`, `width` and `height` (`markup`); an SVG passes through with the size
//! it declares. Templates ask for the same through `image()` (`render::functions`).
//!
//! Work is shared between pages rendering in parallel: each source is decoded once per
//! build (a `OnceLock` per file), and not at all when `.sito/cache/images/` holds its widths
//! for the same bytes and settings (`cache`). Files are not written from the render
//! threads: they wait in `pending` and `flush` hands them to the sink once, after the pages,
//! so the original file the asset copy would publish (with its EXIF) is replaced.

mod cache;
pub mod codec;
pub mod markup;

use crate::diag::{Diagnostic, Kind};
use crate::load::config;
use crate::render::markdown::{ImageHtml, ImageRef};
use crate::resolve::{Entry, Site};
use codec::{Encoded, Format, Problem};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Where a processed image came from, for the counts in the build's summary.
#[derive(Clone, Copy)]
enum Origin {
    Svg,
    Cache,
    Encoded,
}

/// An image read and encoded, the same wherever it is shown.
#[derive(Debug)]
pub enum Processed {
    /// Every width, smallest first, each in the source's format then as WebP.
    Raster { format: Format, files: Vec<Encoded> },
    /// Passed through as it is, with the size its root element declares.
    Svg { width: Option<u32>, height: Option<u32> },
}

/// A source image and where it is published: `rel` is the output path of the file itself
/// (`notizie/c40/foto.jpg`).
pub struct Source {
    pub abs: PathBuf,
    pub rel: String,
}

/// The title that marks an image without alt text as decoration: `![](fregio.png "decorative")`.
pub const DECORATIVE: &str = "decorative";

/// Whether an image's title marks it as decoration: `"decorative"`, or in Italian
/// `"decorativa"`/`"decorativo"` (what an Italian editor writes first, in the trial).
pub fn is_decorative(title: &str) -> bool {
    matches!(title, DECORATIVE | "decorativa" | "decorativo")
}

type Memo = Arc<OnceLock<Result<Arc<Processed>, Problem>>>;

pub struct Images {
    root: PathBuf,
    settings: config::Images,
    /// The settings as text, part of every cache key.
    settings_key: String,
    cache: cache::Cache,
    read_cache: bool,
    /// Static output path → source file.
    statics: BTreeMap<String, PathBuf>,
    memo: Mutex<HashMap<PathBuf, Memo>>,
    /// Output path → bytes, written by `flush`.
    pending: Mutex<BTreeMap<String, Arc<Vec<u8>>>>,
    /// Cache entries this build used.
    used: Mutex<BTreeSet<String>>,
    encoded: AtomicUsize,
    cached: AtomicUsize,
}

/// How many images a build showed, and how many of them it had to encode.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub encoded: usize,
    pub cached: usize,
}

impl Images {
    /// `read_cache` false encodes every image again (`--no-cache`); the cache is still
    /// written, so the next build finds what this one made.
    pub fn new(root: &Path, settings: &config::Images, statics: BTreeMap<String, PathBuf>, read_cache: bool) -> Images {
        let settings_key = format!(
            "v3 {:?} q{} webp{} image{} webp-crate0.3 fir6",
            settings.widths,
            settings.quality,
            settings.webp,
            env!("CARGO_PKG_VERSION")
        );
        Images {
            root: root.to_path_buf(),
            settings: settings.clone(),
            settings_key,
            cache: cache::Cache::new(root),
            read_cache,
            statics,
            memo: Mutex::default(),
            pending: Mutex::default(),
            used: Mutex::default(),
            encoded: AtomicUsize::new(0),
            cached: AtomicUsize::new(0),
        }
    }

    pub fn settings(&self) -> &config::Images {
        &self.settings
    }

    pub fn counts(&self) -> Counts {
        Counts { encoded: self.encoded.load(Ordering::Relaxed), cached: self.cached.load(Ordering::Relaxed) }
    }

    /// The image `dest` (as written in the page `e`) names, if it is a file sito processes:
    /// a bundle file of the page, or a static file (`/img/foto.jpg`).
    pub fn source(&self, site: &Site, e: &Entry, dest: &str) -> Option<Source> {
        if dest.contains(['?', '#', ':']) || dest.starts_with("//") || !is_image_name(dest) {
            return None;
        }
        let dest = percent_encoding::percent_decode_str(dest).decode_utf8().ok()?;
        if let Some(rel) = dest.strip_prefix('/') {
            return self.static_source(rel);
        }
        let rel = dest.strip_prefix("./").unwrap_or(&dest);
        e.assets
            .iter()
            .map(|&a| &site.assets[a])
            .find(|a| a.rel == rel)
            .map(|a| Source { abs: a.abs.clone(), rel: format!("{}{}", &e.path[1..], a.rel) })
    }

    /// The static file at `rel` (`img/foto.jpg`), if the site or its theme has one.
    fn static_source(&self, rel: &str) -> Option<Source> {
        self.statics.get(rel).map(|abs| Source { abs: abs.clone(), rel: rel.to_owned() })
    }

    /// A static file (`/img/x.jpg`) or a bundle file named from `content/`
    /// (`notizie/c40/foto.jpg`), published with the page of language `lang`, else with the
    /// page of the first language that has it.
    pub fn source_by_path(&self, site: &Site, path: &str, lang: usize) -> Option<Source> {
        if let Some(rel) = path.strip_prefix('/') {
            return self.static_source(rel);
        }
        let path = path.strip_prefix("@/").unwrap_or(path);
        let asset = site.assets.iter().position(|a| match a.owner.as_str() {
            "" => path == a.rel,
            owner => path.strip_prefix(owner).and_then(|r| r.strip_prefix('/')) == Some(a.rel.as_str()),
        })?;
        let owners = site.entries.iter().filter(|e| e.assets.contains(&asset));
        let e = owners.clone().find(|e| e.lang() == lang).or_else(|| owners.min_by_key(|e| e.lang()))?;
        Some(Source { abs: site.assets[asset].abs.clone(), rel: format!("{}{}", &e.path[1..], site.assets[asset].rel) })
    }

    /// How page `e` shows the Markdown image `r`: an error without alt text (unless marked
    /// decorative); a processed `<picture>` for a file sito reads; else as Markdown does.
    pub fn markdown(&self, site: &Site, e: &Entry, r: &ImageRef) -> ImageHtml {
        let decorative = is_decorative(r.title);
        if r.alt.trim().is_empty() && !decorative {
            let d = Diagnostic::error(Kind::ImageWithoutAlt, crate::msg!(MissingAlt, dest = r.dest));
            return ImageHtml::Error(d.hint(crate::msg!(ImageAltHint, dest = r.dest)));
        }
        let Some(src) = self.source(site, e, r.dest) else { return ImageHtml::Keep };
        match self.process(&src.abs) {
            Ok(p) => {
                let title = if decorative { "" } else { r.title };
                ImageHtml::Html(self.publish(site, &src, &p).html(r.alt, title))
            }
            Err(p) => ImageHtml::Error(self.problem(&src.abs, &p)),
        }
    }

    /// The image at `abs`, read once per build whichever page asks first, and counted once.
    /// It is not made inside the cell's initialisation: its widths are encoded in parallel,
    /// and a thread waiting for them may run another page's render meanwhile, which can ask
    /// for the same image (a translation shows its bundle's images) and would enter the
    /// cell's initialisation again on the same thread — a deadlock. Two pages asking at the
    /// same moment may both make it; the first one made is kept (the same bytes).
    pub fn process(&self, abs: &Path) -> Result<Arc<Processed>, Problem> {
        let cell = {
            let Ok(mut memo) = self.memo.lock() else {
                return Err(Problem::Unreadable(crate::msg!(LockPoisoned)));
            };
            Arc::clone(memo.entry(abs.to_path_buf()).or_default())
        };
        if let Some(done) = cell.get() {
            return done.clone();
        }
        let (made, from) = match self.process_uncached(abs) {
            Ok((p, from)) => (Ok(Arc::new(p)), Some(from)),
            Err(e) => (Err(e), None),
        };
        let mut first = false;
        let kept = cell
            .get_or_init(|| {
                first = true;
                made
            })
            .clone();
        match from.filter(|_| first) {
            Some(Origin::Cache) => _ = self.cached.fetch_add(1, Ordering::Relaxed),
            Some(Origin::Encoded) => _ = self.encoded.fetch_add(1, Ordering::Relaxed),
            Some(Origin::Svg) | None => {}
        }
        kept
    }

    fn process_uncached(&self, abs: &Path) -> Result<(Processed, Origin), Problem> {
        let unreadable = |e: std::io::Error| Problem::Unreadable(crate::msg!(ImageCannotRead, error = e.to_string()));
        let len = std::fs::metadata(abs).map_err(unreadable)?.len();
        if len > codec::MAX_BYTES {
            return Err(codec::too_many_bytes(len));
        }
        let bytes = std::fs::read(abs).map_err(unreadable)?;
        let ext = abs.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("svg") {
            let (width, height) = markup::svg_size(&bytes)?;
            return Ok((Processed::Svg { width, height }, Origin::Svg));
        }
        let format = Format::from_extension(ext).ok_or_else(|| Problem::Unreadable(crate::msg!(ImageUnknownFormat)))?;
        let key =
            format!("{:016x}", crate::hash::Key::from(crate::hash::key(&bytes)).text(&self.settings_key).finish());
        if let Ok(mut used) = self.used.lock() {
            used.insert(key.clone());
        }
        if let Some(files) = self.read_cache.then(|| self.cache.get(&key)).flatten() {
            return Ok((Processed::Raster { format, files }, Origin::Cache));
        }
        let img = codec::decode(&bytes, format)?;
        let s = &self.settings;
        let widths = codec::plan(img.width(), &s.widths);
        let files = widths
            .par_iter()
            .map(|&w| codec::encode_all(&img, format, &[w], s.quality, s.webp))
            .collect::<Result<Vec<_>, _>>()?
            .concat();
        self.cache.put(&key, &files);
        Ok((Processed::Raster { format, files }, Origin::Encoded))
    }

    /// Publishes `p`, the image `src`, at its output path (queued for `flush`) and says
    /// where each width is. The page being rendered notes it, so that reusing the page
    /// publishes it again (`replay`).
    pub fn publish(&self, site: &Site, src: &Source, p: &Processed) -> markup::Shown {
        crate::render::trace::image(&src.abs, &src.rel);
        let rel = src.rel.as_str();
        let Processed::Raster { format, files } = p else {
            return markup::Shown::svg(site.url(rel), p);
        };
        let top = files.iter().filter(|f| f.format == *format).map(|f| f.width).max().unwrap_or(0);
        let mut shown =
            markup::Shown { format: Some(*format), sizes: self.settings.sizes.clone(), ..markup::Shown::default() };
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        for f in files {
            let out = if f.format == *format && f.width == top { rel.to_owned() } else { variant_name(rel, f) };
            pending.entry(out.clone()).or_insert_with(|| Arc::new(f.bytes.clone()));
            shown.push(f, site.url(&out), f.format == *format && f.width == top);
        }
        shown
    }

    /// Publishes again an image a reused page showed; false when it can no longer be read
    /// (the page is rendered again, to report why).
    pub fn replay(&self, site: &Site, abs: &Path, rel: &str) -> bool {
        let src = Source { abs: abs.to_path_buf(), rel: rel.to_owned() };
        self.process(abs).map(|p| self.publish(site, &src, &p)).is_ok()
    }

    /// Forgets what the last render queued (a `Prepared` may render more than once).
    pub fn reset(&self) {
        self.pending.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Writes what the pages queued; returns the output paths written, which the asset
    /// copy must not overwrite with the originals.
    pub fn flush(&self, w: &crate::render::Writer) -> (BTreeSet<String>, Vec<Diagnostic>) {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(|e| e.into_inner()));
        let diags = pending
            .par_iter()
            .filter_map(|(rel, bytes)| w.sink.write(rel, bytes).err().map(|e| crate::render::write_error(rel, e)))
            .collect();
        (pending.into_keys().collect(), diags)
    }

    /// After a complete build: drops cache entries no image used.
    pub fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        self.cache.prune(&used);
    }

    /// The diagnostic for an image that could not be processed.
    pub fn problem(&self, abs: &Path, p: &Problem) -> Diagnostic {
        let shown = crate::diag::display_path(&self.root, abs);
        match p {
            Problem::Unreadable(why) => Diagnostic::error(
                Kind::ImageUnreadable,
                crate::msg!(ImageUnreadable, file = shown.display().to_string(), why = why.as_str()),
            )
            .hint(crate::msg!(ImageUnreadableHint)),
            Problem::TooLarge(why) => Diagnostic::error(
                Kind::ImageTooLarge,
                crate::msg!(ImageTooLarge, file = shown.display().to_string(), why = why.as_str()),
            )
            .hint(crate::msg!(ImageTooLargeHint)),
        }
    }
}

/// `foto.jpg` at 480 pixels as WebP: `foto.480w.webp`.
fn variant_name(rel: &str, f: &Encoded) -> String {
    let (stem, _) = rel.rsplit_once('.').unwrap_or((rel, ""));
    format!("{stem}.{}w.{}", f.width, f.format.extension())
}

/// A name sito treats as an image it can process.
pub fn is_image_name(name: &str) -> bool {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    Format::from_extension(ext).is_some() || ext.eq_ignore_ascii_case("svg")
}
