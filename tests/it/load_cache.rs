//! The load cache (issue 17, `load::cache`): what parsing a content file gave is kept by the
//! file's stamp, and a file whose stamp is unchanged is not read again — its body is read
//! only when its page is rendered, and only if it still hashes as it did. These tests hold a
//! cached load equal to a fresh parse, and show that a body changed behind the cache's back
//! is refused, not mixed with the old front matter. That builds with the cache equal clean
//! builds is `incremental`'s property test (its sites are aged so that the cache is used).

use crate::support::Site;
use sito::load::config::Config;
use sito::load::content::{self, Content};
use std::time::Duration;

/// The cache keeps only files whose times are older than three seconds (a same-tick edit
/// would not show in a younger stamp).
pub fn settle() {
    std::thread::sleep(Duration::from_millis(3100));
}

fn load(site: &Site, cached: bool) -> Content {
    let config = Config::load(site.root(), None).unwrap_or_else(|d| panic!("{d:?}"));
    let (content, diags) = match cached {
        true => content::load_cached(site.root(), &config, false),
        false => content::load(site.root(), &config, false),
    };
    assert!(diags.is_empty(), "{diags:?}");
    content
}

#[test]
fn files_the_cache_knew_load_as_a_fresh_parse_does() {
    let site = Site::microsite();
    settle();
    load(&site, true);
    assert!(site.path(".sito/cache/load/content").is_file(), "a load keeps its cache");
    let (cached, fresh) = (load(&site, true), load(&site, false));
    assert_eq!(cached.sources.len(), fresh.sources.len());
    assert!(cached.sources.len() > 20, "the microsite has its pages");
    for (c, f) in cached.sources.iter().zip(&fresh.sources) {
        assert_eq!((&c.rel, &c.key, c.lang, c.kind, &c.bundle), (&f.rel, &f.key, f.lang, f.kind, &f.bundle));
        assert_eq!(c.fm, f.fm, "{}", c.rel);
        assert_eq!(c.front, f.front, "{}", c.rel);
        assert_eq!((c.read, c.body_line, c.hash, c.word_count), (f.read, f.body_line, f.hash, f.word_count));
        assert_eq!(c.shortcodes, f.shortcodes, "{}", c.rel);
        assert_eq!(c.read_body().ok(), Some(f.body()), "{}", c.rel);
    }
}

#[test]
fn a_body_changed_since_the_cache_was_read_is_refused() {
    let site = Site::microsite();
    settle();
    load(&site, true);
    let fresh = load(&site, false);
    let page = fresh.sources.iter().find(|s| s.body().len() > 10).expect("a page with a body");
    let cached = load(&site, true);
    let source = cached.sources.iter().find(|s| s.rel == page.rel).expect("the page again");
    // Same front matter, another body: a save that lands between the load and the render.
    let text = std::fs::read_to_string(site.path(&format!("content/{}", page.rel))).expect("read");
    site.write(&format!("content/{}", page.rel), text.replacen(page.body().as_str(), "Another body.\n", 1));
    let err = source.read_body().expect_err("the new body is not taken with the old front matter");
    assert!(format!("{err:?}").contains(&page.rel), "{err:?}");
    assert!(source.body().is_empty());
}

#[test]
fn a_load_right_after_a_save_leaves_the_cache_alone_and_reads_the_saved_file() {
    let site = Site::microsite();
    settle();
    load(&site, true);
    let cache = site.path(".sito/cache/load/content");
    let before = std::fs::read(&cache).expect("a load keeps its cache");
    site.edit("content/reti/_index.md", "\n+++\n", "\n+++\n\nJust saved.\n");
    let loaded = load(&site, true);
    let section = loaded.sources.iter().find(|s| s.rel == "reti/_index.md").expect("the section");
    assert!(section.body().starts_with("\nJust saved.\n"), "{:?}", &section.body()[..40]);
    assert!(std::fs::read(&cache).expect("still there") == before, "a file too young to keep changed nothing");
    settle();
    load(&site, true);
    assert!(std::fs::read(&cache).expect("still there") != before, "once settled, the saved file is kept");
    let again = load(&site, true);
    let section = again.sources.iter().find(|s| s.rel == "reti/_index.md").expect("the section");
    assert!(section.read_body().expect("unchanged since").starts_with("\nJust saved.\n"));
}

/// A build lets bodies go (`Source::release_body`): those of files parsed just now as soon
/// as they are parsed, every one once its page is rendered. Asked for again, a body is read
/// again, and refused if the file changed since the load, as a body the cache left on disk.
#[test]
fn a_released_body_is_read_again_and_refused_if_the_file_changed() {
    let site = Site::microsite();
    let fresh = load(&site, false);
    let loaded = load(&site, true);
    for (l, f) in loaded.sources.iter().zip(&fresh.sources) {
        assert_eq!(l.read_body().ok(), Some(f.body()), "{}", l.rel);
        l.release_body();
        assert_eq!(l.body(), f.body(), "{}", l.rel);
    }
    let page = loaded.sources.iter().find(|s| s.body().len() > 10).expect("a page with a body");
    page.release_body();
    let text = std::fs::read_to_string(site.path(&format!("content/{}", page.rel))).expect("read");
    site.write(&format!("content/{}", page.rel), text.replacen(page.body().as_str(), "Another body.\n", 1));
    // Held: the body of the load stays what the page renders, whatever the file says now.
    assert_ne!(page.body().as_str(), "Another body.\n");
    page.release_body();
    let err = page.read_body().expect_err("the new body is not taken with the old front matter");
    assert!(format!("{err:?}").contains(&page.rel), "{err:?}");
}
