//! The preview's one invariant (issue 12): after any sequence of saves, what `sito serve`
//! serves equals a clean `sito build` of the same files with the server's base URL, byte for
//! byte, for every file — apart from the live-reload script it adds to HTML, which is
//! removed exactly before comparing. A property test applies random edit sequences to a copy
//! of the bundled microsite while serving it (started from the site's folder, no --root),
//! saving each file the way some editor does (the edits: `edits`).
//!
//! `cargo test` runs 3 sequences of 8 edits. A longer search:
//! `SITO_SERVE_CASES=40 SITO_SERVE_EDITS=20 cargo test --test it serve_invariant`.

use crate::edits::{apply, check_sequences, restore, sources, Edit};
use crate::serve::Server;
use crate::support::{first_difference, snapshot, Site};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

/// Exactly what serve adds to every HTML page while the site has no errors.
const SCRIPT: &str = "<script src=\"/__sito/live.js\" defer></script>";

/// A clean build of the site as it is now, for the server's address; `None` if it fails.
fn clean_build(site: &Site, addr: &str) -> Option<BTreeMap<String, Vec<u8>>> {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = out.path().join("clean");
    let base = format!("http://{addr}/");
    let run = site.sito(&["build", "--base-url", &base, "--output-dir", dir.to_str().expect("utf-8")]);
    if run.code() != 0 {
        assert!(!run.stderr().contains("panicked"), "{}", run.stderr());
        return None;
    }
    let mut files = snapshot(&dir);
    files.remove(".sito-build");
    Some(files)
}

/// `/` + the file's path, percent-encoded.
fn url(rel: &str) -> String {
    let mut out = String::from("/");
    for b in rel.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How a served file differs from what it should be (`None`: identical). With `errors`, HTML
/// must be the expected page with the script and the error overlay, and nothing else, added.
fn difference(expected: &[u8], served: &[u8], rel: &str, errors: bool) -> Option<String> {
    if !rel.ends_with(".html") {
        return (expected != served)
            .then(|| format!("{rel}: {} bytes served, {} expected", served.len(), expected.len()));
    }
    let (expected, served) = (String::from_utf8_lossy(expected), String::from_utf8_lossy(served));
    let at = expected.rfind("</body>").unwrap_or(expected.len());
    let (before, after) = expected.split_at(at);
    let ok = if errors {
        let prefix = format!("{before}{SCRIPT}<div id=\"sito-error-overlay\"");
        served.starts_with(&prefix) && served.ends_with(after)
    } else {
        served == format!("{before}{SCRIPT}{after}")
    };
    (!ok).then(|| first_difference(rel, ("served", &served), ("expected", &expected)))
}

/// The first difference between what is served and `expected`; every path ever built but
/// not in `expected` must be a 404.
fn compare(
    server: &Server,
    expected: &BTreeMap<String, Vec<u8>>,
    seen: &BTreeSet<String>,
    errors: bool,
) -> Option<String> {
    for (rel, bytes) in expected {
        let (status, head, served) = server.raw_bytes(&format!("GET {} HTTP/1.1\r\nHost: x\r\n\r\n", url(rel)));
        let want = if rel.ends_with("404.html") { [200, 404] } else { [200, 200] };
        if !want.contains(&status) {
            return Some(format!("{rel}: status {status}: {head}"));
        }
        if let Some(d) = difference(bytes, &served, rel, errors) {
            return Some(d);
        }
    }
    seen.iter().filter(|rel| !expected.contains_key(*rel)).find_map(|rel| {
        let (status, _, _) = server.raw_bytes(&format!("GET {} HTTP/1.1\r\nHost: x\r\n\r\n", url(rel)));
        let redirect = status == 301 && expected.contains_key(&format!("{rel}/index.html"));
        (status != 404 && !redirect).then(|| format!("{rel}: gone from the clean build, served with status {status}"))
    })
}

/// Waits until the server serves `expected` (eventually: it rebuilds after the save).
fn settle(server: &Server, expected: &BTreeMap<String, Vec<u8>>, seen: &BTreeSet<String>, errors: bool, what: &str) {
    let start = Instant::now();
    loop {
        let Some(difference) = compare(server, expected, seen, errors) else { return };
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "after {what}, serve differs from a clean build: {difference}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn run_sequence(edits: &[Edit]) {
    let site = Site::microsite();
    let server = Server::start(&site, &[]);
    let mut good = clean_build(&site, &server.addr).expect("the microsite builds");
    let mut seen: BTreeSet<String> = good.keys().cloned().collect();
    settle(&server, &good, &seen, false, "starting");
    for (n, edit) in edits.iter().enumerate() {
        let before = sources(&site);
        apply(&site, edit, n);
        let what = format!("edit {n} ({edit:?})");
        match clean_build(&site, &server.addr) {
            Some(files) => {
                seen.extend(files.keys().cloned());
                settle(&server, &files, &seen, false, &what);
                good = files;
            }
            None => {
                // A broken site: serve keeps the last good build, with the errors over it;
                // then the edit is undone, as the user would, and serve must follow.
                settle(&server, &good, &seen, true, &what);
                restore(&site, &before);
                let files = clean_build(&site, &server.addr).expect("undoing the edit repairs the site");
                settle(&server, &files, &seen, false, &format!("undoing {what}"));
                good = files;
            }
        }
    }
}

#[test]
fn what_serve_serves_equals_a_clean_build_after_any_edits() {
    check_sequences("SERVE", 8, run_sequence);
}
