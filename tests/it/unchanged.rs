//! A rebuild with nothing changed answers from a census of the files (issue 17,
//! `build/unchanged.rs`): the same summary, the same warnings, nothing written. Tested the
//! way a user builds — from the site's folder, no `--root` — over the bundled microsite. The
//! census is trusted only for files older than a few seconds, so the tests age the files
//! they want trusted; `SITO_TIMINGS` tells which path a build took.

use crate::support::{snapshot, Run, Site};
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Sets every file under `dir` an hour back, as files saved a while ago, then waits out the
/// change time that setting it gave them (the census does not trust a recent one either).
fn age(dir: &Path) {
    let then = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            let f = std::fs::File::options().write(true).open(entry.path()).expect("open");
            f.set_modified(then).expect("set time");
        }
    }
    std::thread::sleep(Duration::from_millis(3100));
}

fn build(site: &Site, args: &[&str]) -> (Run, bool) {
    let mut command = site.command_in("");
    let run = Run(command.env("SITO_TIMINGS", "1").arg("build").args(args).output().expect("run sito"));
    let fast = run.stderr().contains("unchanged:");
    (run.ok(), fast)
}

/// The summary without its timing, and the warnings without the phase timings.
fn said(run: &Run) -> (String, String) {
    let summary = run.stdout().lines().last().unwrap_or_default().to_owned();
    let (before, after) = summary.split_once(" in ").expect("summary");
    let after = after.split_once(" ms").map_or("", |(_, rest)| rest);
    let timing = |l: &str| l.ends_with(" ms") && l.trim_start().split_once(": ").is_some_and(|(p, _)| !p.contains(' '));
    let warnings = run.stderr().lines().filter(|l| !timing(l)).collect::<Vec<_>>().join("\n");
    (format!("{before}{after}"), warnings)
}

#[test]
fn a_rebuild_with_nothing_changed_says_what_the_last_build_said_and_writes_nothing() {
    let site = Site::microsite();
    // A term no taxonomy declares: a warning on every build, which the fast path must repeat.
    let page = "content/reti/world-cities-culture-forum.en.md";
    site.edit(page, "topics = [\"culture\"", "topics = [\"kites\", \"culture\"");
    age(site.root());
    let (first, fast) = build(&site, &[]);
    assert!(!fast, "the first build has nothing to repeat");
    assert!(first.stderr().contains("kites"), "the warning of the fixture is gone:\n{}", first.stderr());
    let before = site.snapshot("public");
    let (second, fast) = build(&site, &[]);
    assert!(fast, "nothing changed, yet the build did not take the fast path:\n{}", second.stderr());
    assert_eq!(before, site.snapshot("public"), "nothing written");
    // The same file saved again, unchanged: too recent to trust, so the normal build runs,
    // keeps every page, and says what the fast path said.
    let f = std::fs::File::options().write(true).open(site.path(page)).unwrap();
    f.set_modified(SystemTime::now()).unwrap();
    let (third, fast) = build(&site, &[]);
    assert!(!fast);
    assert_eq!(said(&second), said(&third));
    assert!(said(&second).0.contains("0 files written"), "{:?}", said(&second));
    assert_eq!(before, site.snapshot("public"));
    let (_, fast) = build(&site, &["--no-cache"]);
    assert!(!fast, "--no-cache builds in full");
}

#[test]
fn any_change_or_doubt_means_the_normal_build() {
    let site = Site::microsite();
    age(site.root());
    build(&site, &[]);
    // An edit saved just now: built, and not trusted for the next build either.
    site.edit("content/reti/c40.md", "C40", "C40 (rete)");
    let (_, fast) = build(&site, &[]);
    assert!(!fast, "an edit must be built");
    assert!(site.output("reti/c40/index.html").contains("C40 (rete)"));
    let (_, fast) = build(&site, &[]);
    assert!(!fast, "a file younger than the file system's clock can tell apart is not trusted");
    age(site.root());
    build(&site, &[]);
    let (_, fast) = build(&site, &[]);
    assert!(fast, "settled files are trusted again");
    // A published file removed or changed by hand comes back.
    let page = site.path("public/reti/c40/index.html");
    let original = std::fs::read(&page).unwrap();
    std::fs::remove_file(&page).unwrap();
    let (_, fast) = build(&site, &[]);
    assert!(!fast);
    assert_eq!(std::fs::read(&page).unwrap(), original);
    // A file put into public/ by hand is seen (the census file's stamp of the output comes
    // from what the build knows, the check lists the folder): it goes, as in a clean build.
    let extra = site.path("public/a-mano.txt");
    std::fs::write(&extra, "aggiunto a mano").unwrap();
    let (_, fast) = build(&site, &[]);
    assert!(!fast, "a file added to public/ by hand was not seen");
    assert!(!extra.exists());
    let (_, fast) = build(&site, &[]);
    assert!(fast, "the build after it is answered from the census again");
    // Other settings are another build.
    build(&site, &[]);
    for args in [&["--minify"][..], &["--relative"], &["--base-url", "https://example.org/sub/"]] {
        let (_, fast) = build(&site, args);
        assert!(!fast, "{args:?} was answered from a build without it");
    }
    // What a clean build of the same files writes.
    let clean = tempfile::tempdir().unwrap();
    for part in ["content", "themes", "i18n", "site.toml"] {
        let from = site.path(part);
        if from.is_dir() {
            crate::support::copy_dir(&from, &clean.path().join(part));
        } else {
            std::fs::copy(&from, clean.path().join(part)).unwrap();
        }
    }
    build(&site, &[]);
    let (_, fast) = build(&site, &[]);
    assert!(fast);
    let out = clean.path().join("public");
    let run = Run(site.command_in("").args(["build", "--root"]).arg(clean.path()).output().unwrap());
    run.ok();
    assert_eq!(site.snapshot("public"), snapshot(&out));
}

#[test]
fn a_file_added_or_changed_deep_in_public_is_seen_once_its_folders_are_settled() {
    let site = Site::microsite();
    age(site.root());
    build(&site, &[]);
    // The output's folders were just written: the next check lists them, and once they are
    // settled keeps their stamps instead; the one after it only stats.
    std::thread::sleep(Duration::from_millis(3100));
    for _ in 0..2 {
        let (_, fast) = build(&site, &[]);
        assert!(fast, "nothing changed");
    }
    let page = site.path("public/reti/c40/index.html");
    let original = std::fs::read(&page).unwrap();
    let extra = site.path("public/reti/c40/nota.txt");
    std::fs::write(&extra, "aggiunto a mano").unwrap();
    let (_, fast) = build(&site, &[]);
    assert!(!fast, "a file added to a page's folder was not seen");
    assert!(!extra.exists(), "a clean build would not have it");
    // Changed in place, same size: the folder's times do not move, the file's do.
    std::thread::sleep(Duration::from_millis(3100));
    build(&site, &[]);
    let mut changed = original.clone();
    changed[0] = if changed[0] == b'x' { b'y' } else { b'x' };
    std::fs::write(&page, &changed).unwrap();
    let (_, fast) = build(&site, &[]);
    assert!(!fast, "a published file changed in place was not seen");
    assert_eq!(std::fs::read(&page).unwrap(), original);
}
