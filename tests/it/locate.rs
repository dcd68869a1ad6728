//! Where sito finds the site: from its folder, from any folder inside it, or named by a
//! relative or absolute `--root`; all must behave exactly alike (issue 12). Relative
//! `--output-dir` and file arguments are taken from the working directory.

use crate::support::{Run, Site};

fn without_marker(
    mut files: std::collections::BTreeMap<String, Vec<u8>>,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    files.remove(".sito-build");
    files
}

#[test]
fn build_is_the_same_from_the_site_a_sub_folder_and_any_root() {
    let site = Site::fixture("basic");
    site.sito(&["build"]).ok();
    let expected = without_marker(site.snapshot("public"));
    assert!(expected.contains_key("reti/c40/index.html"));
    let parent = site.root().parent().expect("parent");
    let name = site.root().file_name().expect("name");
    let command = |from: &std::path::Path, args: &[&std::ffi::OsStr]| {
        let mut command = site.command_in("");
        command.current_dir(from).arg("build").args(args);
        command
    };
    let runs = [
        ("sub-folder", command(&site.path("content/reti"), &[])),
        ("relative --root", command(&site.path("content"), &["--root".as_ref(), "..".as_ref()])),
        ("relative --root from outside", command(parent, &["--root".as_ref(), name])),
        ("absolute --root", command(parent, &["--root".as_ref(), site.root().as_os_str()])),
    ];
    for (how, mut run) in runs {
        std::fs::remove_dir_all(site.path("public")).expect("clear");
        Run(run.output().expect("run sito")).ok();
        assert_eq!(without_marker(site.snapshot("public")), expected, "{how}");
        assert!(!site.path("content/reti/public").exists() && !site.path("content/public").exists(), "{how}");
    }
}

#[test]
fn a_relative_output_dir_is_taken_from_the_working_directory() {
    let site = Site::fixture("basic");
    site.write("tools/README", "scripts");
    site.sito_in("tools", &["build", "--output-dir", "out"]).ok();
    assert!(site.path("tools/out/reti/c40/index.html").is_file());
    assert!(!site.path("out").exists() && !site.path("public").exists());
    // From a sub-folder of the sources, a relative output inside them is still refused.
    let run = site.sito_in("content", &["build", "--output-dir", "reti"]);
    assert_eq!(run.code(), 1, "{}", run.stderr());
    assert!(run.stderr().contains("it is inside the site's content"), "{}", run.stderr());
}

#[test]
fn check_and_translations_work_from_a_sub_folder() {
    let site = Site::fixture("check-translations");
    let from_root = site.sito(&["check", "--format", "json"]);
    let from_sub = site.sito_in("content", &["check", "--format", "json"]);
    assert_eq!(from_sub.code(), from_root.code(), "{}", from_sub.stderr());
    assert_eq!(from_sub.stdout(), from_root.stdout());
    assert!(from_root.stdout().contains("\"findings\""), "{}", from_root.stdout());
    let table = site.sito(&["translations"]);
    assert_eq!(site.sito_in("content", &["translations"]).stdout(), table.stdout());
}

#[test]
fn no_site_toml_is_a_clear_error_that_says_where_it_looked() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("a/b")).expect("mkdir");
    let shown = dir.path().join("a/b").canonicalize().expect("canon");
    for args in [&["build"][..], &["serve", "--port", "0"], &["check"], &["translations"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sito"))
            .args(args)
            .current_dir(dir.path().join("a/b"))
            .env("NO_COLOR", "1")
            .output()
            .expect("run");
        Run(out)
            .fails_with(&[&format!("site.toml not found in {} or in any folder above it", shown.display()), "--root"]);
    }
    assert!(!dir.path().join("a/b/public").exists());
    let site = Site::fixture("basic");
    site.sito(&["build", "--root", "nowhere"]).fails_with(&["cannot open the site folder", "nowhere"]);
}
