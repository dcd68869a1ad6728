//! `sito check` and `sito translations` over the `check-*` fixtures: each kind of fault is
//! found at its file and line, exit codes follow --strict, nothing is written, and the
//! stale-translation round trip (mark, edit the original, see it stale, mark again).

use crate::support::{snapshot, Run, Site};
use serde_json::Value;

/// (severity, kind, path, line) of every finding of a `--format json` run.
fn findings(run: &Run) -> Vec<(String, String, String, Option<u64>)> {
    json(run)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().expect("severity").to_owned(),
                f["kind"].as_str().expect("kind").to_owned(),
                f["path"].as_str().unwrap_or("").to_owned(),
                f["line"].as_u64(),
            )
        })
        .collect()
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout())
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\nstderr:\n{}", run.stdout(), run.stderr()))
}

fn f(severity: &str, kind: &str, path: &str, line: Option<u64>) -> (String, String, String, Option<u64>) {
    (severity.to_owned(), kind.to_owned(), path.to_owned(), line)
}

/// The hint of the finding at (path, line, kind).
fn hint(run: &Run, path: &str, line: u64, kind: &str) -> String {
    let doc = json(run);
    let found = doc["findings"].as_array().expect("findings").iter().find(|x| {
        x["path"].as_str() == Some(path) && x["line"].as_u64() == Some(line) && x["kind"].as_str() == Some(kind)
    });
    found.and_then(|x| x["hint"].as_str()).unwrap_or_else(|| panic!("no {kind} at {path}:{line}")).to_owned()
}

#[test]
fn clean_site_passes_strict_and_writes_nothing() {
    let site = Site::fixture("check-clean");
    let before = snapshot(site.root());
    let run = site.sito(&["check", "--strict"]).ok();
    assert!(run.stdout().contains("check: no problems in 6 pages and sections"), "{}", run.stdout());
    let run = site.sito(&["check", "--strict", "--format", "json"]).ok();
    assert_eq!(json(&run), serde_json::json!({ "errors": 0, "warnings": 0, "findings": [] }));
    assert!(!site.path("public").exists(), "check must not build into public/");
    assert_eq!(snapshot(site.root()), before, "check must not write anything");
    // Root-relative links are site paths: they follow the site under a sub-path.
    site.sito(&["check", "--strict", "--base-url", "https://example.org/intl/"]).ok();
}

#[test]
fn the_microsite_passes_strict() {
    let site = Site::microsite();
    let run = site.sito(&["check", "--strict"]);
    assert_eq!(run.code(), 0, "sito check --strict on the microsite:\n{}", run.stdout());
}

/// The exact list of findings: also proves `https://example.invalid/` is not requested
/// without --external (there is no `external-link` in it).
#[test]
fn broken_links_and_anchors_are_errors_at_their_line() {
    let site = Site::fixture("check-links");
    let run = site.sito(&["check", "--format", "json"]);
    assert_eq!(run.code(), 1, "{}", run.stdout());
    let home = "content/_index.md";
    assert_eq!(
        findings(&run),
        [
            f("warning", "wrong-language", "content/_index.en.md", Some(5)),
            f("warning", "wrong-language", "content/_index.en.md", Some(6)),
            f("error", "broken-link", home, Some(7)),
            f("error", "broken-link", home, Some(7)),
            f("error", "broken-anchor", home, Some(8)),
            f("error", "broken-anchor", home, Some(8)),
            f("error", "broken-anchor", home, Some(9)),
            f("error", "broken-link", home, Some(9)),
            f("error", "broken-link", home, Some(10)),
            f("error", "broken-link", home, Some(10)),
            f("error", "broken-link", "site.toml", Some(11)),
        ]
    );
    // The nearest existing target is suggested.
    let doc = json(&run);
    let hints: Vec<&str> = doc["findings"].as_array().unwrap().iter().filter_map(|x| x["hint"].as_str()).collect();
    assert!(hints.contains(&"did you mean `/reti/c40/`?"), "{hints:#?}");
    assert!(hints.contains(&"did you mean `#collegamenti`?"), "{hints:#?}");
    assert!(hints.contains(&"did you mean `/reti/c40/#chi-siamo`?"), "{hints:#?}");
    assert!(hints.contains(&"its headings' ids are: chi-siamo"), "{hints:#?}");
    assert!(hints.contains(&"to link to a content file, write `@/reti/solo.md`"), "{hints:#?}");
    assert!(hint(&run, "content/_index.en.md", 5, "wrong-language").contains("/en/reti/c40/"));
    // Columns point at the destination itself.
    let first = &doc["findings"][2];
    assert_eq!(
        (first["col"].as_u64(), first["message"].as_str()),
        (Some(17), Some("broken link: nothing is published at /reti/c4/"))
    );
}

#[test]
fn human_output_groups_findings_by_file() {
    let site = Site::fixture("check-links");
    let out = site.sito(&["check"]).stdout();
    let (en, home, toml) = (
        out.find("── content/_index.en.md (2 warnings)").expect("en header"),
        out.find("── content/_index.md (8 errors)").expect("home header"),
        out.find("── site.toml (1 error)").expect("site.toml header"),
    );
    assert!(en < home && home < toml, "{out}");
    assert!(out.contains("  --> content/_index.md:7:17\n"), "{out}");
    assert!(out.contains("  = help: did you mean `/reti/c40/`?"), "{out}");
    assert!(out.trim_end().ends_with("check: 9 errors, 2 warnings in 3 files"), "{out}");
}

#[test]
fn content_rules_are_warnings_that_strict_promotes() {
    let site = Site::fixture("check-content");
    let run = site.sito(&["check", "--format", "json"]).ok();
    let expected = [
        ("heading-skip", "content/archivio.md", 5),
        ("duplicate-title", "content/pagina.md", 2),
        ("missing-description", "content/pagina.md", 2),
        ("heading-skip", "content/pagina.md", 7),
        ("missing-alt", "content/pagina.md", 9),
        ("empty-link", "content/pagina.md", 9),
        ("empty-link", "content/pagina.md", 9),
    ];
    let warnings: Vec<_> = expected.iter().map(|(k, p, l)| f("warning", k, p, Some(*l))).collect();
    assert_eq!(findings(&run), warnings);
    assert!(hint(&run, "content/archivio.md", 5, "heading-skip").contains("start with `##`"));
    let strict = site.sito(&["check", "--strict", "--format", "json"]);
    assert_eq!(strict.code(), 1);
    let errors: Vec<_> = expected.iter().map(|(k, p, l)| f("error", k, p, Some(*l))).collect();
    assert_eq!(findings(&strict), errors);
    assert_eq!((json(&strict)["errors"].as_u64(), json(&strict)["warnings"].as_u64()), (Some(7), Some(0)));
    // An empty `description = ""` is named at its own line, not at the title's.
    site.edit("content/pagina.md", "+++\n", "+++\ndescription = \"\"\n");
    let run = site.sito(&["check", "--format", "json"]).ok();
    let line = findings(&run).into_iter().find(|(_, k, p, _)| k == "missing-description" && p == "content/pagina.md");
    assert_eq!(line.and_then(|(_, _, _, l)| l), Some(2));
    assert!(findings(&run).iter().any(|(_, k, _, l)| k == "duplicate-title" && *l == Some(3)), "the title moved down");
}

#[test]
fn images_marked_as_decoration_are_not_missing_their_alt_text() {
    // The docs' two ways to mark decoration; `check --strict` used to fail on both.
    let site = Site::fixture("check-content");
    let marked = "\n![](/foto.svg \"decorative\") ![](/foto.svg \"decorativa\") <img src=\"/foto.svg\" alt=\"\">\n";
    site.append("content/pagina.md", marked);
    let run = site.sito(&["check", "--format", "json"]).ok();
    let missing: Vec<_> = findings(&run).into_iter().filter(|(_, k, _, _)| k == "missing-alt").collect();
    assert_eq!(missing, [f("warning", "missing-alt", "content/pagina.md", Some(9))]);
}

#[test]
fn interface_strings_used_but_missing_and_defined_but_unused() {
    let site = Site::fixture("check-i18n");
    let run = site.sito(&["check", "--format", "json"]);
    assert_eq!(run.code(), 1, "{}", run.stdout());
    // `facts.*` is used through `"facts." ~ …`; `language_name` and `months` by the engine.
    assert_eq!(
        findings(&run),
        [
            f("warning", "i18n-unused", "i18n/it.toml", Some(6)),
            f("warning", "i18n-unused", "i18n/it.toml", Some(7)),
            f("error", "i18n-missing", "templates/base.html", Some(8)),
        ]
    );
    assert_eq!(hint(&run, "templates/base.html", 8, "i18n-missing"), "did you mean `nav.notfound`?");
}

#[test]
fn missing_translations_are_warnings_and_a_table_per_language() {
    let site = Site::fixture("check-translations");
    let run = site.sito(&["check", "--format", "json"]).ok();
    // solo-italiano.md and only-english.en.md say `translate = false`.
    assert_eq!(
        findings(&run),
        [
            f("warning", "missing-translation", "content/reti/_index.md", None),
            f("warning", "missing-translation", "content/reti/eurocities.md", None),
        ]
    );
    site.sito(&["check", "--strict"]).fails_with(&[]);
    let out = site.sito(&["check"]).stdout();
    assert!(out.contains("en: 0 up to date, 2 missing, 0 out of date, 2 not marked"), "{out}");
    assert!(out.contains("missing       content/reti/eurocities.en.md"), "{out}");
    let table = site.sito(&["translations"]).ok().stdout();
    assert!(table.contains("missing       content/reti/_index.en.md"), "{table}");
    assert!(table.contains("not marked    content/reti/c40.en.md"), "{table}");
    // A file name without `--mark` marks nothing, and says so (docs audit: it passed unseen).
    let before = std::fs::read(site.path("content/reti/c40.en.md")).unwrap();
    let run = site.sito(&["translations", "content/reti/c40.en.md"]).ok();
    assert!(run.stderr().contains("file names are used only with `--mark`"), "{}", run.stderr());
    assert_eq!(std::fs::read(site.path("content/reti/c40.en.md")).unwrap(), before);
}

#[test]
fn stale_translation_round_trip() {
    let site = Site::fixture("check-translations");
    let stale = |run: &Run| findings(run).into_iter().filter(|x| x.1 == "stale-translation").collect::<Vec<_>>();

    let marked = site.sito(&["translations", "--mark", "content/reti/c40.en.md"]).ok();
    assert!(marked.stdout().contains("marked content/reti/c40.en.md as translating content/reti/c40.md"));
    let text = std::fs::read_to_string(site.path("content/reti/c40.en.md")).unwrap();
    assert!(text.starts_with("+++\ntranslated_from = \""), "{text}");
    assert!(stale(&site.sito(&["check", "--format", "json"])).is_empty());

    // A metadata change is not a change of text.
    site.edit("content/reti/c40.md", "weight = 1", "weight = 5");
    assert!(stale(&site.sito(&["check", "--format", "json"])).is_empty());

    site.edit("content/reti/c40.md", "riunisce 97 città.", "riunisce 100 città.");
    let run = site.sito(&["check", "--format", "json"]);
    assert_eq!(stale(&run), [f("warning", "stale-translation", "content/reti/c40.en.md", Some(2))]);
    let diff = json(&run)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "stale-translation")
        .and_then(|x| x["diff"].as_str())
        .unwrap()
        .to_owned();
    assert_eq!(diff, "-Il C40 riunisce 97 città.\n+Il C40 riunisce 100 città.\n");
    let human = site.sito(&["check"]).stdout();
    assert!(human.contains("out of date: content/reti/c40.md changed since this translation was marked"), "{human}");
    assert!(human.contains("      +Il C40 riunisce 100 città."), "{human}");
    let table = site.sito(&["translations"]).ok().stdout();
    assert!(table.contains("out of date   content/reti/c40.en.md"), "{table}");

    // Marking everything leaves the stale one alone: that would declare it current.
    let all = site.sito(&["translations", "--mark"]).ok().stdout();
    assert!(all.contains("left out content/reti/c40.en.md"), "{all}");
    assert_eq!(stale(&site.sito(&["check", "--format", "json"])).len(), 1);

    // Naming its original marks only the translations still current: not this one.
    let through = site.sito(&["translations", "--mark", "content/reti/c40.md"]).ok().stdout();
    assert!(through.contains("left out content/reti/c40.en.md"), "{through}");
    assert_eq!(stale(&site.sito(&["check", "--format", "json"])).len(), 1);
    // Named itself, it is marked again and the finding clears.
    site.sito(&["translations", "--mark", "content/reti/c40.en.md"]).ok();
    assert!(stale(&site.sito(&["check", "--format", "json"])).is_empty());
    let snapshots: Vec<String> = snapshot(&site.path(".sito/originals")).into_keys().collect();
    assert_eq!(snapshots.len(), 2, "old snapshots are pruned: {snapshots:?}");
}

#[test]
fn marking_changes_only_the_mark() {
    let site = Site::fixture("check-translations");
    let crlf = "+++\r\ntitle = \"C40\"\r\ndescription = \"The C40 network.\"\r\n\r\n[extra]\r\nmembri = \"97 cities\"\r\n+++\r\nC40.\r\n";
    site.write("content/reti/c40.en.md", crlf);
    site.sito(&["translations", "--mark", "content/reti/c40.en.md"]).ok();
    let after = std::fs::read_to_string(site.path("content/reti/c40.en.md")).unwrap();
    let (mark, rest) = after["+++\r\n".len()..].split_once("\r\n").unwrap();
    assert!(mark.starts_with("translated_from = \"") && mark.len() == "translated_from = \"\"".len() + 12, "{mark}");
    assert_eq!(format!("+++\r\n{rest}"), crlf, "everything but the new line is unchanged");
    // Marking again with the original unchanged leaves the file alone.
    let out = site.sito(&["translations", "--mark", "content/reti/c40.en.md"]).ok().stdout();
    assert!(out.contains("0 marked, 1 already up to date"), "{out}");
    assert_eq!(std::fs::read_to_string(site.path("content/reti/c40.en.md")).unwrap(), after);
}

#[test]
fn marking_an_unknown_file_fails() {
    let site = Site::fixture("check-translations");
    site.sito(&["translations", "--mark", "content/nope.en.md"])
        .fails_with(&["content/nope.en.md is not a page or section of this site"]);
}

#[test]
fn build_errors_are_reported_and_fail_the_check() {
    let site = Site::fixture("check-clean");
    site.write("content/rotta.md", "+++\ntitel = \"Rotta\"\n+++\nVedi [qui](@/reti/c4.md).\n");
    site.write("content/altra.md", "+++\ntitle = \"Altra\"\n+++\nVedi [qui](@/reti/c4.md).\n");
    let run = site.sito(&["check", "--format", "json"]);
    assert_eq!(run.code(), 1);
    let kinds = findings(&run);
    assert!(kinds.contains(&f("error", "broken-link", "content/altra.md", Some(4))), "{kinds:?}");
    assert!(kinds.iter().any(|x| x.2 == "content/rotta.md" && x.0 == "error"), "{kinds:?}");
    let human = site.sito(&["check"]).stdout();
    assert!(human.contains("the site does not build, so nothing else was checked"), "{human}");
    assert!(!site.path("public").exists());
}

#[test]
fn external_links_are_checked_against_a_local_server() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 2048];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let status = if request.split_whitespace().nth(1) == Some("/ok") { "200 OK" } else { "404 Not Found" };
            let _ = write!(stream, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    let site = Site::fixture("check-clean");
    site.write(
        "content/link.md",
        format!(
            "+++\ntitle = \"Link\"\ndescription = \"Link esterni.\"\ntranslate = false\n+++\n[Va](http://127.0.0.1:{port}/ok)\n\n[Non va](http://127.0.0.1:{port}/missing)\n"
        ),
    );
    site.sito(&["check", "--strict"]).ok();
    let run = site.sito(&["check", "--external", "--format", "json"]);
    assert_eq!(findings(&run), [f("warning", "external-link", "content/link.md", Some(8))]);
    let message = json(&run)["findings"][0]["message"].as_str().unwrap().to_owned();
    assert!(message.contains("answered 404 Not Found"), "{message}");
}

#[test]
fn marking_a_folder_page_by_its_file_beside_the_folder_names_the_right_file() {
    let site = Site::fixture("check-translations");
    std::fs::create_dir(site.path("content/reti/c40")).unwrap();
    for (from, to) in [("c40.md", "c40/index.md"), ("c40.en.md", "c40/index.en.md")] {
        std::fs::rename(site.path(&format!("content/reti/{from}")), site.path(&format!("content/reti/{to}"))).unwrap();
    }
    let run = site.sito(&["translations", "--mark", "content/reti/c40.en.md"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("content/reti/c40.en.md is not a page or section of this site"), "{}", run.stderr());
    assert!(run.stderr().contains("its file is content/reti/c40/index.en.md"), "{}", run.stderr());
    assert!(!run.stderr().contains(&site.root().display().to_string()), "{}", run.stderr());
}
