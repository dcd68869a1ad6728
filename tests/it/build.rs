//! `sito build` over the `basic` fixture: URLs, translations, links, templates, output
//! safety and the errors people meet most.

use crate::support::{snapshot, Site};

#[test]
fn builds_both_languages_with_localized_paths() {
    let site = Site::fixture("basic");
    let run = site.build().ok();
    assert!(run.stdout().contains("built 9 pages (5 it, 4 en)"), "{}", run.stdout());
    for file in [
        "index.html",
        "en/index.html",
        "reti/index.html",
        "en/networks/index.html",
        "reti/c40/index.html",
        "en/networks/c40/index.html",
        "reti/eurocities/index.html",
        "en/networks/eurocities-network/index.html",
        "solo-italiano/index.html",
        "404.html",
        "en/404.html",
    ] {
        assert!(site.path("public").join(file).is_file(), "{file} missing");
    }
}

#[test]
fn translations_link_both_ways() {
    let site = Site::fixture("basic");
    site.build().ok();
    for file in ["reti/c40/index.html", "en/networks/c40/index.html"] {
        let html = site.output(file);
        assert!(html.contains(r#"hreflang="it" href="/reti/c40/""#), "{file}: {html}");
        assert!(html.contains(r#"hreflang="en" href="/en/networks/c40/""#), "{file}: {html}");
    }
    let home = site.output("en/index.html");
    assert!(home.contains(r#"hreflang="it" href="/""#) && home.contains(r#"hreflang="en" href="/en/""#), "{home}");
}

#[test]
fn internal_links_resolve_in_the_linking_pages_language() {
    let site = Site::fixture("basic");
    site.build().ok();
    assert!(site.output("reti/c40/index.html").contains(r#"href="/reti/eurocities/#storia""#));
    assert!(site.output("en/networks/c40/index.html").contains(r#"href="/en/networks/eurocities-network/#history""#));
    assert!(site.output("en/index.html").contains(r#"href="/en/networks/""#));
    // A page that exists only in Italian links into the Italian site.
    assert!(site.output("solo-italiano/index.html").contains(r#"href="/reti/""#));
}

#[test]
fn template_functions_and_localized_dates() {
    let site = Site::fixture("basic");
    site.build().ok();
    let home = site.output("index.html");
    assert!(home.contains(r#"<p class="count">2</p>"#), "get_section lists the 2 published pages: {home}");
    assert!(home.contains(r#"<p class="c40">/reti/c40/</p>"#), "{home}");
    assert!(home.contains(r#"<p class="other">/en/networks/eurocities-network/</p>"#), "{home}");
    assert!(home.contains(r#"data-kind="home""#));
    assert!(site.output("reti/c40/index.html").contains("<p class=\"date\">1 maggio 2024</p>"));
    assert!(site.output("en/networks/c40/index.html").contains("1 May 2024"));
    let page = site.output("solo-italiano/index.html");
    assert!(page.contains("Aggiornato il domenica 15 gennaio 2023"), "{page}");
    assert!(page.contains(r#"<a class="crumb" href="/">Benvenuti</a>"#), "{page}");
}

#[test]
fn sections_sort_pages_and_pick_page_templates() {
    let site = Site::fixture("basic");
    site.build().ok();
    let list = site.output("reti/index.html");
    let (euro, c40) = (list.find("Eurocities").expect("eurocities listed"), list.find(">C40<").expect("c40 listed"));
    assert!(euro < c40, "weight 1 before weight 2: {list}");
    // `page_template` on the Italian section applies to the English pages too.
    assert!(site.output("en/networks/c40/index.html").contains("<title>NETWORK C40</title>"));
    assert!(site.output("reti/c40/index.html").contains(r#"<p class="founded">2005</p>"#));
    assert!(site.output("reti/c40/index.html").contains(r##"<a href="#chi-siamo">Chi siamo</a>"##));
}

#[test]
fn page_bundles_copy_assets_beside_each_language() {
    let site = Site::fixture("basic");
    site.build().ok();
    let svg = std::fs::read(site.path("content/reti/c40/logo.svg")).expect("fixture");
    for out in ["public/reti/c40/logo.svg", "public/en/networks/c40/logo.svg"] {
        assert_eq!(std::fs::read(site.path(out)).expect(out), svg);
    }
}

#[test]
fn static_files_are_copied_and_fingerprinted() {
    let site = Site::fixture("basic");
    site.build().ok();
    let html = site.output("index.html");
    let href =
        html.split("href=\"/css/site.").nth(1).and_then(|s| s.split('"').next()).expect("fingerprinted css link");
    assert_eq!(href.len(), "0123456789.css".len(), "{href}");
    assert_eq!(site.output(&format!("css/site.{href}")), "body { color: #222; }\n");
    assert!(site.path("public/robots-extra.txt").is_file());
}

#[test]
fn private_dot_files_in_static_are_not_published() {
    // From the hosts' trial: nginx served a `static/.git/config` and `.env` copied as they were.
    let site = Site::fixture("basic");
    for (rel, text) in [
        ("static/.git/config", "[core]"),
        ("static/.env", "SECRET=1"),
        ("static/.htpasswd", "admin:x"),
        ("static/img/.DS_Store", "x"),
        ("static/.well-known/security.txt", "Contact: mailto:x@example.org"),
        ("static/.htaccess", "Options -Indexes"),
        ("static/.nojekyll", ""),
    ] {
        site.write(rel, text);
    }
    site.build().ok();
    for private in [".git", ".env", ".htpasswd", "img/.DS_Store"] {
        assert!(!site.path("public").join(private).exists(), "{private} published");
    }
    for served in [".well-known/security.txt", ".htaccess", ".nojekyll"] {
        assert!(site.path("public").join(served).is_file(), "{served} not published");
    }
}

#[test]
fn drafts_only_with_the_flag() {
    let site = Site::fixture("basic");
    site.build().ok();
    assert!(!site.path("public/reti/bozza").exists());
    site.sito(&["build", "--drafts"]).ok();
    assert!(site.path("public/reti/bozza/index.html").is_file());
    // And they go away again on the next normal build.
    site.build().ok();
    assert!(!site.path("public/reti/bozza").exists());
}

#[test]
fn rebuild_rewrites_only_what_changed_and_removes_stale_files() {
    let site = Site::fixture("basic");
    site.build().ok();
    let run = site.build().ok();
    assert!(run.stdout().contains("0 files written"), "{}", run.stdout());
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea di città.");
    site.remove("content/solo-italiano.md");
    // A page deleted on purpose: its address may go (see editors.rs for the refusal).
    let run = site.sito(&["build", "--allow-removed"]).ok();
    // The changed page and the sitemap (which listed the removed page); nothing else.
    assert!(run.stdout().contains(": 2 files written"), "{}", run.stdout());
    assert!(run.stdout().contains("1 removed"), "{}", run.stdout());
    assert!(site.output("reti/eurocities/index.html").contains("Rete europea di città."));
    assert!(!site.path("public/solo-italiano").exists(), "stale page and its folder removed");
    // The result equals a clean build.
    site.sito(&["build", "--output-dir", "clean"]).ok();
    assert_eq!(site.snapshot("public"), site.snapshot("clean"));
}

#[test]
fn failed_build_leaves_previous_output_untouched() {
    let site = Site::fixture("basic");
    site.build().ok();
    let before = site.snapshot("public");
    site.edit("content/reti/eurocities.md", "title = \"Eurocities\"", "title = \"Eurocities\"\ncolour = \"red\"");
    site.write("content/nuova.md", "+++\ntitle = \"Nuova\"\n+++\nnew page\n");
    site.build().fails_with(&["the output folder was not changed"]);
    assert_eq!(site.snapshot("public"), before);
    assert!(!site.path(".public.sito-staging").exists(), "staging folder cleaned up");
}

#[test]
fn many_errors_are_reported_in_one_run() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "wieght = 1");
    site.edit("content/reti/c40/index.md", "weight = 2", "weight = \"2\"");
    site.edit("content/_index.md", "(@/reti/_index.md)", "(@/reti/missing.md)");
    let run = site.build().fails_with(&[
        "unknown key `wieght`",
        "--> content/reti/eurocities.md:3:1",
        "did you mean `weight`?",
        "content/reti/c40/index.md:3:10",
        "whole number",
        "broken internal link",
        "content/_index.md:4:",
        "3 errors",
    ]);
    assert!(!run.stderr().contains("panicked"));
}

#[test]
fn unknown_site_key_is_reported_with_suggestion() {
    let site = Site::fixture("basic");
    site.edit("site.toml", "theme = \"plain\"", "thme = \"plain\"");
    site.build().fails_with(&["unknown key `thme`", "site.toml:3:1", "did you mean `theme`?"]);
}

#[test]
fn duplicate_output_paths_name_both_files() {
    let site = Site::fixture("basic");
    site.write("content/reti/altra.md", "+++\ntitle = \"Altra\"\nslug = \"eurocities\"\n+++\n");
    site.build().fails_with(&[
        "content/reti/altra.md and content/reti/eurocities.md would both be published at /reti/eurocities/",
    ]);
}

#[test]
fn i18n_key_missing_in_one_language_is_an_error() {
    let site = Site::fixture("basic");
    site.edit("i18n/en.toml", "updated = \"Updated on\"", "");
    site.build().fails_with(&["`nav.updated` is missing (i18n/it.toml has it)", "--> i18n/en.toml"]);
}

#[test]
fn unknown_interface_string_in_a_template_is_an_error() {
    let site = Site::fixture("basic");
    site.edit("themes/plain/templates/404.html", "404 {{ lang }}", "{{ t(key=\"nav.nope\") }}");
    site.build().fails_with(&["unknown interface string `nav.nope`"]);
}

#[test]
fn unconfigured_language_suffix_is_an_error() {
    let site = Site::fixture("basic");
    site.write("content/reti/c40.fr.md", "+++\ntitle = \"C40\"\n+++\n");
    site.build().fails_with(&[
        "the language `fr` (from the file name) is not configured",
        "content/reti/c40.fr.md",
        "[languages.fr]",
    ]);
}

#[test]
fn translation_without_original_is_an_error() {
    let site = Site::fixture("basic");
    site.write("content/orfana.en.md", "+++\ntitle = \"Orphan\"\n+++\n");
    site.build().fails_with(&["its original content/orfana.md does not exist", "translate = false"]);
}

#[test]
fn missing_template_named_by_content() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = 1\ntemplate = \"netwrok.html\"");
    site.build().fails_with(&[
        "the template `netwrok.html` does not exist",
        "--> content/reti/eurocities.md:4:1",
        "did you mean `network.html`?",
    ]);
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_make() {
    let site = Site::fixture("basic");
    site.write("public/precious.txt", "keep me");
    site.build().fails_with(&["was not made by sito"]);
    assert_eq!(std::fs::read_to_string(site.path("public/precious.txt")).expect("kept"), "keep me");
    site.sito(&["build", "--force"]).ok();
    assert!(!site.path("public/precious.txt").exists(), "--force replaces it");
}

/// `.sito/` holds the committed snapshots of translated originals and `.git/` the history:
/// no output there, not even with `--force` (it deleted `.sito/originals/`).
#[test]
fn the_sites_own_records_are_never_an_output_folder() {
    let site = Site::fixture("basic");
    site.write(".sito/originals/0123456789ab.txt", "snapshot");
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    for out in [".sito", ".sito/cache", ".git"] {
        let run = site.sito(&["build", "--output-dir", out, "--force"]);
        assert_eq!(run.code(), 1, "{out}: {}", run.stderr());
        assert!(run.stderr().contains("it is inside the site's"), "{out}: {}", run.stderr());
    }
    assert_eq!(std::fs::read_to_string(site.path(".sito/originals/0123456789ab.txt")).expect("kept"), "snapshot");
    assert!(site.path(".git/HEAD").is_file());
}

/// A folder of `public/` the user may not write into: the build refuses before anything
/// moves and says the folder was not changed (it said it "may be incomplete").
#[cfg(unix)]
#[test]
fn a_folder_it_may_not_write_into_is_refused_before_anything_moves() {
    use std::os::unix::fs::PermissionsExt;
    let site = Site::fixture("basic");
    site.build().ok();
    site.append("content/reti/c40/index.md", "\nUn paragrafo in più.\n");
    let locked = site.path("public/reti/c40");
    let before = site.snapshot("public");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("lock");
    let run = site.sito_unprivileged(&["build"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("unlock");
    let run = run.fails_with(&["the site was not written into", "reti/c40", "the output folder was not changed"]);
    assert!(!run.stderr().contains("may be incomplete"), "{}", run.stderr());
    assert_eq!(site.snapshot("public"), before, "public/ changed");
    site.sito_unprivileged(&["build"]).ok();
    assert!(site.output("reti/c40/index.html").contains("Un paragrafo in più."));
}

#[test]
fn refuses_output_folders_that_hold_the_sources() {
    let site = Site::fixture("basic");
    for bad in [".", "content", "content/reti", ".."] {
        let run = site.sito(&["build", "--output-dir", bad]);
        assert_eq!(run.code(), 1, "{bad}: {}", run.stderr());
        assert!(run.stderr().contains("refusing to write the site"), "{bad}: {}", run.stderr());
    }
    assert!(site.path("content/reti/eurocities.md").is_file());
}

#[test]
fn base_url_override_changes_permalinks_and_paths() {
    let site = Site::fixture("basic");
    site.sito(&["build", "--base-url", "https://host.example/sub/"]).ok();
    let html = site.output("reti/c40/index.html");
    assert!(html.contains(r#"href="/sub/reti/eurocities/#storia""#), "{html}");
    assert!(html.contains(r#"href="/sub/css/site."#), "{html}");
    // A sub-path outside ASCII is escaped once, for the sitemap and every link alike.
    site.sito(&["build", "--base-url", "https://host.example/città/"]).ok();
    assert!(site.output("sitemap.xml").contains("<loc>https://host.example/citt%C3%A0/reti/c40/</loc>"));
    assert!(site.output("reti/c40/index.html").contains(r#"href="/citt%C3%A0/reti/eurocities/#storia""#));
}

#[test]
fn a_bad_base_url_option_is_named_as_the_option_not_as_site_toml() {
    let site = Site::fixture("basic");
    let run = site.sito(&["build", "--base-url", "127.0.0.1:8702/sub/"]).fails_with(&["E0104", "`--base-url`"]);
    assert!(!run.stderr().contains("site.toml:"), "{}", run.stderr());
    assert!(!site.path("public").exists());
    // The scheme is case-insensitive, and written in lowercase.
    site.sito(&["build", "--base-url", "HTTPS://host.example/sub/"]).ok();
    assert!(site.output("sitemap.xml").contains("<loc>https://host.example/sub/"));
}

#[test]
fn output_is_deterministic_wherever_the_site_lives() {
    // Two copies in different folders, built into differently named output folders: the
    // same bytes, file for file.
    let a = Site::fixture("basic");
    let b = Site::fixture("basic");
    a.build().ok();
    b.sito(&["build", "--output-dir", "elsewhere"]).ok();
    let one = snapshot(&a.path("public"));
    assert!(one.len() > 10);
    assert_eq!(one, snapshot(&b.path("elsewhere")));
}

/// Issue 13: a date written day first gets one error, naming the key and the fix, whether
/// it is quoted or not (unquoted, TOML used to call it a string without quotes first).
#[test]
fn a_day_first_date_gets_one_error_with_the_fix() {
    for written in ["updated = 22/11/2026", "updated = \"22/11/2026\""] {
        let site = Site::fixture("basic");
        site.edit("content/reti/eurocities.md", "date = 2023-01-15", written);
        let run = site.build().fails_with(&[
            "error[E0306]: `updated` is not a date: write it as `updated = 2026-11-22`",
            "--> content/reti/eurocities.md:4:11",
        ]);
        let err = run.stderr();
        assert_eq!(err.matches("error[").count(), 1, "{err}");
        assert!(!err.contains("quoted") && !err.contains("`date"), "{err}");
    }
}

/// Front-matter keys a Zola site brings get what sito does instead, not the nearest key by
/// spelling (`transparent` is not `translate`).
#[test]
fn zolas_keys_say_what_sito_does_instead() {
    let site = Site::fixture("basic");
    site.edit("content/reti/_index.md", "+++\n", "+++\ntransparent = true\nredirect_to = \"reti/c40/\"\n");
    let run = site.build().fails_with(&[
        "error[E0103]: unknown key `transparent`",
        "`transparent` is Zola's; sito has no such setting: a section lists its own pages",
        "`redirect_to` is Zola's; sito has no such setting: to send an address to a page, add it to that page's `aliases`",
    ]);
    assert!(!run.stderr().contains("did you mean `translate`"), "{}", run.stderr());
}

/// Zola's dated file names: the date is the page's unless its front matter gives one, and
/// the address leaves it out, so a Zola site keeps its addresses.
#[test]
fn a_date_starting_a_file_name_dates_the_page_and_leaves_its_address() {
    let site = Site::fixture("basic");
    site.write("content/reti/2024-06-01-incontro.md", "+++\ntitle = \"Incontro\"\ntranslate = false\n+++\nTesto.\n");
    site.write("content/reti/2024-13-01_mese.md", "+++\ntitle = \"Mese\"\ntranslate = false\n+++\nTesto.\n");
    site.build().ok();
    let html = site.output("reti/incontro/index.html");
    assert!(html.contains("<p class=\"date\">1 giugno 2024</p>"), "{html}");
    // Not a date (month 13): the name stays whole, and the page has no date.
    assert!(!site.output("reti/2024-13-01-mese/index.html").contains("class=\"date\""));
}

/// Zola's `page.lower` and `page.higher`: the neighbours in the section's order, lighter
/// and heavier by weight, earlier and later by date.
#[test]
fn pages_know_their_neighbours_as_in_zola() {
    let site = Site::fixture("basic");
    let nav = "{% if page.lower %}<a class=\"lower\" href=\"{{ page.lower.url }}\">{{ page.lower.title }}</a>{% endif %}{% if page.higher %}<a class=\"higher\" href=\"{{ page.higher.url }}\">{{ page.higher.title }}</a>{% endif %}</main>";
    site.edit("themes/plain/templates/network.html", "</main>", nav);
    site.build().ok();
    // By weight: Eurocities (1) is lighter than C40 (2).
    let c40 = site.output("reti/c40/index.html");
    assert!(c40.contains("<a class=\"lower\" href=\"/reti/eurocities/\">Eurocities</a>"), "{c40}");
    assert!(!c40.contains("class=\"higher\""), "{c40}");
    let euro = site.output("reti/eurocities/index.html");
    assert!(
        euro.contains("<a class=\"higher\" href=\"/reti/c40/\">C40</a>") && !euro.contains("class=\"lower\""),
        "{euro}"
    );
    // By date: C40 (2024) is later than Eurocities (2023).
    site.edit("content/reti/_index.md", "sort_by = \"weight\"", "sort_by = \"date\"");
    site.build().ok();
    let c40 = site.output("reti/c40/index.html");
    assert!(c40.contains("<a class=\"lower\" href=\"/reti/eurocities/\">Eurocities</a>"), "{c40}");
    let euro = site.output("reti/eurocities/index.html");
    assert!(euro.contains("<a class=\"higher\" href=\"/reti/c40/\">C40</a>"), "{euro}");
}

/// A site or template moved from Zola gets sito's name for what Zola called otherwise.
#[test]
fn zolas_names_for_settings_and_functions_point_to_sitos() {
    let site = Site::fixture("basic");
    site.edit(
        "themes/plain/templates/page.html",
        "<main>",
        "<main><a href=\"{{ get_url(path=\"@/reti/_index.md\") }}\">x</a>",
    );
    site.build().fails_with(&[
        "error[E0503]: Function 'get_url' not found",
        "themes/plain/templates/page.html:3:",
        "`get_url` is Zola's; sito's is `url`",
    ]);
    site.edit("themes/plain/templates/page.html", "{{ get_url(path=\"@/reti/_index.md\") }}", "{{ config.extra.org }}");
    site.build().fails_with(&["Variable `config.extra.org` not found", "Zola's `config` is `site` in sito"]);
    std::fs::rename(site.path("site.toml"), site.path("config.toml")).unwrap();
    site.build().fails_with(&["error[E0101]", "this folder has `config.toml`, Zola's settings file"]);
}

/// Several unknown keys of one file come in the file's order, not the keys' alphabetical one
/// (a Zola config.toml renamed site.toml has a few).
#[test]
fn unknown_keys_are_reported_in_the_files_order() {
    let site = Site::fixture("basic");
    site.edit("site.toml", "theme = \"plain\"", "theme = \"plain\"\ncompile_sass = true\nbuild_search_index = true");
    let err = site.build().fails_with(&["unknown key `compile_sass`", "unknown key `build_search_index`"]).stderr();
    assert!(err.find("compile_sass") < err.find("build_search_index"), "{err}");
}

/// Tera's `date` filter takes a time zone; sito's shows dates as written, so it refuses the
/// argument rather than show another time than the template asked for.
#[test]
fn the_date_filter_refuses_arguments_it_would_ignore() {
    let site = Site::fixture("basic");
    site.edit(
        "themes/plain/templates/network.html",
        "date(format=\"%e %B %Y\")",
        "date(format=\"%e %B %Y\", timezone=\"Europe/Rome\")",
    );
    site.build().fails_with(&["the `date` filter takes `format` and `lang`, not `timezone`"]);
}
