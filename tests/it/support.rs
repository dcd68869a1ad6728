//! Test support: a fixture site copied into a temporary folder, the real `sito` binary run
//! over it, and small helpers to read what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Site {
    pub dir: tempfile::TempDir,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

impl Site {
    /// A fresh copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&fixtures().join(name), dir.path());
        Site { dir }
    }

    /// A copy of the bundled microsite (the repository's own content and theme).
    pub fn microsite() -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["content", "themes", "i18n", "static", "site.toml"] {
            let from = repo.join(part);
            if from.is_dir() {
                copy_dir(&from, &dir.path().join(part));
            } else if from.is_file() {
                std::fs::copy(&from, dir.path().join(part)).expect("copy");
            }
        }
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    /// Adds `text` at the end of a file.
    pub fn append(&self, rel: &str, text: &str) {
        let mut file = std::fs::File::options().append(true).open(self.path(rel)).expect("open");
        std::io::Write::write_all(&mut file, text.as_bytes()).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).expect("remove");
    }

    /// Replaces `from` with `to` in a file, failing if `from` is absent (so a test cannot
    /// silently stop testing anything).
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(rel)).expect("read");
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Runs `sito ARGS` the way the README says: from the site's folder, no `--root`.
    pub fn sito(&self, args: &[&str]) -> Run {
        self.sito_in("", args)
    }

    /// Runs `sito ARGS` from the site's sub-folder `rel` (`""` for the site's folder).
    pub fn sito_in(&self, rel: &str, args: &[&str]) -> Run {
        Run(self.command_in(rel).args(args).output().expect("run sito"))
    }

    /// `sito` ready to run from the sub-folder `rel`, without colours, speaking English
    /// whatever the locale of the machine running the tests.
    pub fn command_in(&self, rel: &str) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sito"));
        command.current_dir(self.path(rel)).env("NO_COLOR", "1");
        for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            command.env_remove(var);
        }
        command
    }

    /// `sito ARGS` from the site's folder, as someone whose system speaks Italian runs it.
    pub fn sito_italian(&self, args: &[&str]) -> Run {
        Run(self.command_in("").env("LANG", "it_IT.UTF-8").args(args).output().expect("run sito"))
    }

    /// `sito ARGS` from the site's folder as a user who is not root, who may not write where
    /// a folder's permissions say so (root may write anywhere). Run as root, as CI is, the
    /// site and a copy of `sito` are handed to `nobody` (65534) and run through `setpriv`.
    #[cfg(unix)]
    pub fn sito_unprivileged(&self, args: &[&str]) -> Run {
        use std::os::unix::fs::MetadataExt;
        let root_runs = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
        if !root_runs {
            return self.sito(args);
        }
        const NOBODY: u32 = 65_534;
        // The test binary's folder may be closed to other users (a clone under /root): a
        // link to it (a copy across file systems) inside the site, left root's.
        let bin = self.path(".sito-under-test");
        let sito = env!("CARGO_BIN_EXE_sito");
        std::fs::hard_link(sito, &bin).or_else(|_| std::fs::copy(sito, &bin).map(drop)).expect("link sito");
        for entry in
            walkdir::WalkDir::new(self.root()).into_iter().filter(|e| e.as_ref().map_or(true, |e| e.path() != bin))
        {
            let entry = entry.expect("walk");
            std::os::unix::fs::lchown(entry.path(), Some(NOBODY), Some(NOBODY)).expect("chown");
        }
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&bin).args(args);
        command.current_dir(self.root()).env("NO_COLOR", "1");
        for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
            command.env_remove(var);
        }
        let run = Run(command.output().expect("run setpriv"));
        std::fs::remove_file(&bin).expect("remove the copy");
        run
    }

    pub fn build(&self) -> Run {
        self.sito(&["build"])
    }

    /// A file of the default output folder.
    pub fn output(&self, rel: &str) -> String {
        let p = self.path("public").join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    pub fn snapshot(&self, dir: &str) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.path(dir))
    }
}

/// Every file under `dir`, by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix").to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Where two versions of a file first differ: its path, the line, and each version's line
/// after its name (`("served", …)`, `("expected", …)`).
pub fn first_difference(rel: &str, (a_name, a): (&str, &str), (b_name, b): (&str, &str)) -> String {
    let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
    let width = a_name.len().max(b_name.len()) + 1;
    format!(
        "{rel}: differs from line {}:\n{:width$} {:?}\n{:width$} {:?}",
        line + 1,
        format!("{a_name}:"),
        a.lines().nth(line),
        format!("{b_name}:"),
        b.lines().nth(line)
    )
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }

    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code(), 0, "expected success\nstdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
        self
    }

    /// Asserts exit code 1 and that stderr says each of `needles`.
    #[track_caller]
    pub fn fails_with(self, needles: &[&str]) -> Self {
        let err = self.stderr();
        assert_eq!(self.code(), 1, "expected failure\nstdout:\n{}\nstderr:\n{err}", self.stdout());
        for n in needles {
            assert!(err.contains(n), "stderr lacks {n:?}:\n{err}");
        }
        assert!(!err.contains("panicked"), "sito panicked:\n{err}");
        self
    }
}

/// Follows every `href`/`src` from `start` (a file under `out`) through the HTML files it
/// reaches, as a browser would on a server that serves `out` under `base_path`. Returns the
/// pages visited and every link that does not resolve to a file (or leaves `base_path`).
/// With `relative`, links are resolved from the linking file's folder (browsing from disk).
pub fn crawl(out: &Path, start: &str, base_path: &str, relative: bool) -> (usize, Vec<String>) {
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec![start.to_owned()];
    let mut broken = Vec::new();
    while let Some(file) = queue.pop() {
        if !seen.insert(file.clone()) {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(out.join(&file)) else {
            broken.push(format!("{file}: cannot read"));
            continue;
        };
        for link in links(&html) {
            if link.contains("://")
                || link.starts_with("//")
                || link.starts_with('#')
                || link.starts_with("mailto:")
                || link.starts_with("data:")
                || link.starts_with("tel:")
            {
                continue;
            }
            let path = link.split(['#', '?']).next().unwrap_or("");
            let target = if let Some(inside) = path.strip_prefix(base_path) {
                if relative {
                    broken.push(format!("{file}: {link} is root-relative in a relative build"));
                    continue;
                }
                inside.to_owned()
            } else if path.starts_with('/') {
                broken.push(format!("{file}: {link} leaves {base_path}"));
                continue;
            } else {
                let dir = file.rsplit_once('/').map_or("", |(d, _)| d);
                normalize(&format!("{dir}/{path}"))
            };
            let target =
                if target.is_empty() || target.ends_with('/') { format!("{target}index.html") } else { target };
            let on_disk = out.join(&target);
            if on_disk.is_dir() {
                broken.push(format!("{file}: {link} is a folder (no index.html)"));
            } else if !on_disk.is_file() {
                broken.push(format!("{file}: {link} → {target} does not exist"));
            } else if target.ends_with(".html") {
                queue.push(target);
            }
        }
    }
    (seen.len(), broken)
}

/// Every `href` and `src` of a page, and where a refresh sends the browser (an alias page),
/// read by an HTML parser (so unquoted and single-quoted values, as a minifier writes
/// them, count too).
pub fn links(html: &str) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::element!("*", |el| {
        for name in ["href", "src"] {
            if let Some(v) = el.get_attribute(name) {
                found.borrow_mut().push(v.replace("&amp;", "&"));
            }
        }
        if el.get_attribute("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh")) {
            let content = el.get_attribute("content").unwrap_or_default();
            let url = content.split_once("url=").map_or("", |(_, url)| url.trim_matches(['\'', '"', ' ']));
            found.borrow_mut().push(url.replace("&amp;", "&"));
        }
        Ok(())
    }));
    lol_html::rewrite_str(html, settings).unwrap();
    found.into_inner()
}

/// The words of a page's text (outside tags), as a reader sees them.
pub fn text_words(html: &str) -> Vec<String> {
    let words = std::cell::RefCell::new(String::new());
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(lol_html::text!("*", |t| {
        let mut w = words.borrow_mut();
        w.push_str(t.as_str());
        if t.last_in_text_node() {
            w.push(' ');
        }
        Ok(())
    }));
    lol_html::rewrite_str(html, settings).unwrap();
    words.into_inner().split_whitespace().map(str::to_owned).collect()
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        format!("{joined}/")
    } else {
        joined
    }
}

/// The `<main>` element of a page with the layout noise taken out, for structural
/// comparisons: whitespace between tags dropped, runs of whitespace made one space, each tag
/// on its own line.
pub fn main_of(html: &str) -> String {
    let start = html.find("<main").unwrap_or_else(|| panic!("no <main> in {html}"));
    let end = html[start..].find("</main>").map_or(html.len(), |i| start + i + "</main>".len());
    tags_per_line(&html[start..end])
}

/// A whole document with the same normalization as `main_of`: for pages whose `<head>`
/// matters (hreflang pairs, `rel="prev"`/`"next"`).
pub fn tags_per_line(html: &str) -> String {
    let collapsed = html.split_whitespace().collect::<Vec<_>>().join(" ");
    let tight = collapsed.replace("> <", "><");
    // Each opening tag starts a line; closing tags stay where they are.
    let mut out = String::with_capacity(tight.len() + tight.len() / 8);
    for (i, piece) in tight.split('<').enumerate() {
        if i > 0 {
            out.push_str(if piece.starts_with('/') { "<" } else { "\n<" });
        }
        out.push_str(piece);
    }
    out.trim_start().to_owned()
}

/// Compares `actual` with the file `tests/fixtures/<rel>`; `SITO_BLESS=1` rewrites the file.
#[track_caller]
pub fn expect_file(rel: &str, actual: &str) {
    let path = fixtures().join(rel);
    if std::env::var_os("SITO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, actual).expect("write");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs (SITO_BLESS=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}
