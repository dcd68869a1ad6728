//! One integration-test binary: each module drives the real `sito` binary over fixture
//! sites under tests/fixtures/ (or over the bundled microsite).

// Tests may panic on broken fixtures: that is how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod architecture;
mod build;
mod check;
mod editors;
mod edits;
mod fuzz;
mod help;
mod hostile;
mod images;
mod incremental;
mod load_cache;
mod localized;
mod locate;
mod marks;
mod messages;
mod positions;
mod publish;
mod search;
mod serve;
mod serve_invariant;
mod shortcode_docs;
mod shortcode_fuzz;
mod shortcodes;
mod site;
mod summaries;
mod support;
mod taxonomies;
mod template_links;
mod theme_shortcodes;
mod unchanged;
