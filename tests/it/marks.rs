//! `sito translations --mark` on the files people really have (issue 16): strings holding
//! `[` lines and `]`, old Mac line endings, marks written by hand, a save made while sito
//! ran. Each test failed on the line-scanning code that came before the parser's spans.

use crate::support::{snapshot, Run, Site};
use std::path::Path;

const C40: &str = "content/reti/c40.md";
const C40_EN: &str = "content/reti/c40.en.md";
const HOME_EN: &str = "content/_index.en.md";

fn stale(site: &Site) -> Vec<String> {
    let run = site.sito(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout()).expect("JSON");
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == "stale-translation")
        .map(|f| f["path"].as_str().unwrap_or("").to_owned())
        .collect()
}

fn read(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.path(rel)).expect("read")
}

fn mark(site: &Site, rel: &str) -> Run {
    site.sito(&["translations", "--mark", rel]).ok()
}

/// The hash a file is marked with.
fn mark_of(text: &str) -> String {
    let table: toml::Table = toml::from_str(text.split("+++").nth(1).expect("front matter")).expect("TOML");
    table["translated_from"].as_str().expect("a mark").to_owned()
}

#[test]
fn a_bracket_line_inside_a_string_does_not_make_a_second_key() {
    let site = Site::fixture("check-translations");
    let text = "+++\ntitle = \"C40\"\ndescription = \"\"\"\nThe C40 network\n[updated in 2024]\n\"\"\"\ntranslated_from = \"000000000000\" # by hand\n+++\nC40.\n";
    site.write(C40_EN, text);
    mark(&site, C40_EN);
    let after = read(&site, C40_EN);
    assert_eq!(after.matches("translated_from").count(), 1, "{after}");
    assert_eq!(after, text.replace("000000000000", &mark_of(&after)), "only the value changed");
    site.build().ok();
    assert!(stale(&site).is_empty());
}

#[test]
fn a_bracket_inside_an_alias_does_not_end_the_list() {
    let site = Site::fixture("check-translations");
    site.edit(C40, "weight = 1\n", "weight = 1\naliases = [\n  \"/vecchio]/\",\n  \"/c40-vecchio/\",\n]\n");
    mark(&site, C40_EN);
    // Aliases are not translated: changing one leaves the translation current.
    site.edit(C40, "\"/c40-vecchio/\"", "\"/c40-antico/\"");
    assert!(stale(&site).is_empty());
    site.edit(C40, "riunisce 97 città", "riunisce 100 città");
    assert_eq!(stale(&site), [C40_EN]);
}

#[test]
fn an_original_with_old_mac_line_endings_is_current_right_after_marking() {
    let site = Site::fixture("check-translations");
    let text = read(&site, C40).replace('\n', "\r");
    site.write(C40, &text);
    mark(&site, C40_EN);
    assert!(stale(&site).is_empty());
    let table = site.sito(&["translations"]).ok().stdout();
    assert!(table.contains("en: 1 up to date"), "{table}");
}

#[test]
fn a_translation_with_old_mac_line_endings_keeps_them_when_marked() {
    let site = Site::fixture("check-translations");
    let text = read(&site, C40_EN).replace('\n', "\r");
    site.write(C40_EN, &text);
    mark(&site, C40_EN);
    let after = std::fs::read(site.path(C40_EN)).expect("read");
    assert!(!after.contains(&b'\n'), "{}", String::from_utf8_lossy(&after));
    let hash = mark_of(&String::from_utf8_lossy(&after).replace('\r', "\n"));
    assert_eq!(after, format!("+++\rtranslated_from = \"{hash}\"\r{}", &text["+++\r".len()..]).into_bytes());
    assert!(stale(&site).is_empty());
}

/// Marks written where the old scanner did not look (after a string holding a `[` line,
/// with a comment, in a file with CR line endings) still keep their snapshots.
#[test]
fn pruning_keeps_every_snapshot_a_file_still_names() {
    let site = Site::fixture("check-translations");
    site.sito(&["translations", "--mark"]).ok();
    let home = read(&site, HOME_EN);
    let hash = mark_of(&home);
    let moved = home
        .replace(&format!("translated_from = \"{hash}\"\n"), "")
        .replace("description = \"The home.\"\n", "description = \"\"\"\n[the home]\n\"\"\"\n")
        .replace("+++\nSee", &format!("translated_from = \"{hash}\"  # marked\n+++\nSee"))
        .replace('\n', "\r");
    site.write(HOME_EN, moved);
    // Marking another translation prunes the snapshots no file names.
    site.edit(C40, "riunisce 97 città", "riunisce 100 città");
    mark(&site, C40_EN);
    let kept: Vec<String> = snapshot(&site.path(".sito/originals")).into_keys().collect();
    assert!(kept.contains(&format!("{hash}.txt")), "{kept:?}");
    assert_eq!(kept.len(), 2, "the old snapshot of c40.md is pruned: {kept:?}");
    assert!(stale(&site).is_empty());
}

/// A save between sito's read and its write: marking would replace the save with the file
/// as it was read plus the mark. The mark is refused and the save kept. (A subprocess cannot
/// be paused between the two, so this drives the library: load, then save, then mark.)
#[test]
fn a_file_saved_after_it_was_read_is_not_marked() {
    let site = Site::fixture("check-translations");
    let root = site.root();
    let config = sito::load::config::Config::load(root, None).expect("config");
    let (content, diags) = sito::load::content::load(root, &config, false);
    assert!(diags.is_empty(), "{diags:?}");
    let loaded = sito::resolve::resolve(config, content).expect("site");
    site.edit(C40_EN, "C40 brings together 97 cities.", "C40 brings together 97 cities, says the editor.");
    let saved = read(&site, C40_EN);
    let diags = sito::check::mark::mark(&loaded, root, &[Path::new(C40_EN).to_path_buf()]).expect_err("refused");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].kind, sito::diag::Kind::MarkChanged, "{diags:?}");
    assert_eq!(read(&site, C40_EN), saved, "the save is kept");
    // Run again, it reads the saved file and marks it.
    mark(&site, C40_EN);
    assert!(read(&site, C40_EN).contains("says the editor"));
}

#[cfg(unix)]
#[test]
fn marking_keeps_permissions_and_leaves_no_temp_file() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::fixture("check-translations");
    let path = site.path(C40_EN);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let before: Vec<String> = snapshot(&site.path("content")).into_keys().collect();
    mark(&site, C40_EN);
    assert_eq!(std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777, 0o640);
    let after: Vec<String> = snapshot(&site.path("content")).into_keys().collect();
    assert_eq!(before, after, "no file added or left behind");
}
