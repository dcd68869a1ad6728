//! `sito serve` over the basic fixture, driven over real HTTP: both languages, pretty URLs,
//! 404 pages, live reload after an edit, the error overlay, and refused traversal.

use crate::support::Site;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Server {
    child: Child,
    pub addr: String,
    /// Everything serve printed, line by line.
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Server {
    /// `sito serve` as the README runs it: from the site's folder, no `--root`.
    pub fn start(site: &Site, extra: &[&str]) -> Server {
        Server::start_in(site, "", extra)
    }

    /// `sito serve` run from the site's sub-folder `rel`.
    pub fn start_in(site: &Site, rel: &str, extra: &[&str]) -> Server {
        let mut command = site.command_in(rel);
        command.args(["serve", "--port", "0"]).args(extra);
        Server::spawn(command)
    }

    /// `sito serve` from the site's folder on a system whose language is Italian.
    pub fn start_italian(site: &Site) -> Server {
        let mut command = site.command_in("");
        command.env("LANG", "it_IT.UTF-8").args(["serve", "--port", "0"]);
        Server::spawn(command)
    }

    fn spawn(mut command: std::process::Command) -> Server {
        let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start sito serve");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = std::sync::mpsc::channel();
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let lines = std::sync::Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.split(" http://").nth(1) {
                    let _ = tx.send(url.split('/').next().unwrap_or("").to_owned());
                }
                lines.lock().unwrap().push(line);
            }
        });
        let addr = rx.recv_timeout(Duration::from_secs(30)).expect("serve printed its address");
        Server { child, addr, log }
    }

    /// Sends `request` as written and returns (status, head, body). Reads one response (the
    /// server keeps the connection open), by its Content-Length, or to the end.
    pub fn raw(&self, request: &str) -> (u16, String, String) {
        let (status, head, body) = self.raw_bytes(request);
        (status, head, String::from_utf8_lossy(&body).into_owned())
    }

    /// [`Server::raw`], with the body as sent.
    pub fn raw_bytes(&self, request: &str) -> (u16, String, Vec<u8>) {
        let mut s = TcpStream::connect(&self.addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut reader = BufReader::new(s);
        let mut head = String::new();
        while !head.ends_with("\r\n\r\n") {
            if reader.read_line(&mut head).unwrap_or(0) == 0 {
                break;
            }
        }
        // Header names are case-insensitive: compare them in lower case.
        let head: Vec<String> = head
            .trim_end()
            .lines()
            .enumerate()
            .map(|(i, l)| match l.split_once(':') {
                Some((name, value)) if i > 0 => format!("{}:{value}", name.to_ascii_lowercase()),
                _ => l.to_owned(),
            })
            .collect();
        let head = head.join("\r\n");
        let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().to_owned()))
            .and_then(|v| v.parse::<usize>().ok());
        let mut body = Vec::new();
        match length {
            _ if request.starts_with("HEAD ") => {}
            Some(n) => {
                body.resize(n, 0);
                reader.read_exact(&mut body).unwrap();
            }
            None => {
                let _ = reader.read_to_end(&mut body);
            }
        }
        (status, head, body)
    }

    pub fn get(&self, path: &str) -> (u16, String, String) {
        self.raw(&format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr))
    }

    /// Polls `path` until its body satisfies `ok`, or panics after 15 s.
    pub fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (_, _, body) = self.get(path);
            if ok(&body) {
                return body;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "{path} never showed {what}:\n{body}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Server {
    fn builds(&self) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with("built") || l.starts_with("rebuilt"))
            .cloned()
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_both_languages_pretty_urls_and_404s() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let (status, head, body) = server.get("/");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/html; charset=utf-8"));
    assert!(body.contains("<h1>Benvenuti</h1>") && body.contains("/__sito/live.js"), "{body}");
    let (status, _, body) = server.get("/en/networks/c40/");
    assert_eq!(status, 200);
    assert!(
        body.contains("See also <a href=\"/en/networks/eurocities-network/#history\">"),
        "links point at the local server: {body}"
    );
    let (status, head, _) = server.get("/reti");
    assert_eq!(status, 301);
    assert!(head.contains("location: /reti/"), "{head}");
    let (status, _, body) = server.get("/en/nowhere/");
    assert_eq!(status, 404);
    assert!(body.contains("404 en"), "English 404 page: {body}");
    let (status, _, body) = server.get("/nowhere");
    assert_eq!(status, 404);
    assert!(body.contains("404 it"));
    let (status, head, _) = server.get("/reti/c40/logo.svg");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: image/svg+xml"), "{head}");
    let (_, head, body) = server.get("/css/site.css");
    assert!(head.contains("content-type: text/css"), "{head}");
    assert_eq!(body, "body { color: #222; }\n");
    let (status, head, body) = server.raw(&format!("HEAD / HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr));
    assert_eq!((status, body.as_str()), (200, ""), "{head}");
    assert!(!site.path("public").exists(), "serve never writes the output folder");
}

#[test]
fn edits_show_up_and_tabs_are_told_to_reload() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let mut events = Events::open(&server);
    server.wait_for("/reti/eurocities/", "the page", |b| b.contains("Rete europea."));
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea aggiornata.");
    server.wait_for("/reti/eurocities/", "the edit", |b| b.contains("Rete europea aggiornata."));
    assert_eq!(events.next().0, "reload", "the event stream announced a reload");
    // A front-matter change (title) is picked up too, everywhere it shows.
    site.edit("content/reti/eurocities.md", "title = \"Eurocities\"", "title = \"Eurocities 2\"");
    server.wait_for("/reti/", "the new title in the section list", |b| b.contains("Eurocities 2"));
}

#[test]
fn a_broken_edit_keeps_the_last_good_page_and_shows_the_error() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = \"uno\"");
    let body = server.wait_for("/reti/eurocities/", "the overlay", |b| b.contains("sito-error-overlay"));
    assert!(body.contains("Rete europea."), "still the last good page");
    assert!(body.contains("content/reti/eurocities.md:3:10"), "file and line in the overlay: {body}");
    // A dialog that names itself to assistive technology, closed by its button or Escape.
    for part in [
        "role=\"alertdialog\"",
        "aria-labelledby=\"sito-error-title\"",
        "aria-describedby=\"sito-error-text\"",
        "<button type=\"button\" id=\"sito-error-overlay-close\"",
    ] {
        assert!(body.contains(part), "{part}: {body}");
    }
    let (_, _, script) = server.get("/__sito/live.js");
    for part in ["\"Escape\"", "sito-error-overlay-close", ".hidden = true", ".focus()"] {
        assert!(script.contains(part), "the live script handles {part}");
    }
    site.edit("content/reti/eurocities.md", "weight = \"uno\"", "weight = 1");
    server.wait_for("/reti/eurocities/", "the overlay cleared", |b| {
        !b.contains("sito-error-overlay") && b.contains("Rete europea.")
    });
    // A broken @/ link and a template error are shown the same way.
    site.edit("content/reti/eurocities.md", "(@/_index.md)", "(@/nessuna.md)");
    server.wait_for("/", "the broken link", |b| {
        b.contains("broken internal link") && b.contains("content/reti/eurocities.md:8:33")
    });
    site.edit("content/reti/eurocities.md", "(@/nessuna.md)", "(@/_index.md)");
    server.wait_for("/", "the overlay cleared", |b| !b.contains("sito-error-overlay"));
    site.edit("themes/plain/templates/page.html", "{{ page.title }}</h1>", "{{ page.title </h1>");
    server.wait_for("/solo-italiano/", "the template error", |b| {
        b.contains("sito-error-overlay") && b.contains("page.html")
    });
}

/// Started on a site that already has an error, serve has no last good build to show, and
/// does not say it has; the first good build replaces the errors.
#[test]
fn started_on_a_broken_site_it_shows_the_errors_until_a_build_succeeds() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = \"uno\"");
    let server = Server::start(&site, &[]);
    let (status, _, body) = server.get("/reti/eurocities/");
    assert_eq!(status, 500, "{body}");
    assert!(
        body.contains(
            ">sito: the site has errors, and no build has succeeded yet; fix the file and save to reload.</p>"
        ),
        "{body}"
    );
    assert!(!body.contains("last good build") && body.contains("content/reti/eurocities.md:3:10"), "{body}");
    site.edit("content/reti/eurocities.md", "weight = \"uno\"", "weight = 1");
    server.wait_for("/reti/eurocities/", "the page", |b| {
        !b.contains("sito-error-overlay") && b.contains("Rete europea.")
    });
}

/// The overlay's own words follow the language sito speaks, and its `lang` says which.
#[test]
fn the_overlay_speaks_italian_on_an_italian_system() {
    let site = Site::fixture("basic");
    let server = Server::start_italian(&site);
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = \"uno\"");
    let body = server.wait_for("/reti/eurocities/", "the overlay", |b| b.contains("sito-error-overlay"));
    for part in [
        "aria-describedby=\"sito-error-text\" lang=\"it\"",
        ">Chiudi (Esc)</button>",
        ">sito: il sito contiene errori. Questa è l&#39;ultima versione riuscita; correggete il file e salvatelo per ricaricare.</p>",
        "errore[E0102]: intestazione: ",
        "= cosa fare: scrivete un numero intero senza virgolette, per esempio `weight = 3`",
    ] {
        assert!(body.contains(part), "{part}: {body}");
    }
    assert!(server.log.lock().unwrap().iter().any(|l| l.starts_with("Anteprima di ")), "{:?}", server.log);
}

#[test]
fn traversal_and_malformed_requests_are_refused() {
    let site = Site::fixture("basic");
    site.write("../outside-secret.txt", "secret");
    let server = Server::start(&site, &[]);
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/reti/..%2f..%2fsite.toml",
        "//etc/passwd",
        "/..\\site.toml",
        "/%2e%2e/outside-secret.txt",
        "/content/reti/eurocities.md",
        "/site.toml",
        "/reti/%2e%2e/%2e%2e/site.toml",
        "/.%2e/site.toml",
        "/%2e./site.toml",
        "/%252e%252e/site.toml",
        "/%c0%ae%c0%ae/site.toml",
        "/reti/%5c..%5csite.toml",
        "/%00/site.toml",
    ] {
        let (status, _, body) = server.get(path);
        assert!((400..500).contains(&status), "{path}: {status}");
        assert!(
            !body.contains("base_url") && !body.contains("secret") && !body.contains("+++"),
            "{path} leaked a file: {body}"
        );
    }
    let (status, _, _) = server.raw("GET http://evil/../site.toml HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400);
    let (status, _, _) = server.raw(&format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(20_000)));
    assert_eq!(status, 414);
    let (status, _, _) = server.raw("NONSENSE\r\n\r\n");
    assert_eq!(status, 400);
    let many: String = (0..500).map(|i| format!("X-{i}: y\r\n")).collect();
    let (status, _, _) = server.raw(&format!("GET / HTTP/1.1\r\n{many}\r\n"));
    assert_eq!(status, 431);
    let (status, _, _) = server.raw("POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(status, 405);
    // Still serving afterwards.
    assert_eq!(server.get("/").0, 200);
}

#[test]
fn drafts_only_with_the_flag() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    assert_eq!(server.get("/reti/bozza/").0, 404);
    drop(server);
    let server = Server::start(&site, &["--drafts"]);
    assert_eq!(server.get("/reti/bozza/").0, 200);
}

#[test]
fn ctrl_c_stops_it() {
    let site = Site::fixture("basic");
    let mut server = Server::start(&site, &[]);
    let pid = server.child.id().to_string();
    Command::new("kill").args(["-INT", &pid]).status().expect("kill");
    let start = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            // Ended by the signal itself: no panic, no error exit.
            assert_eq!(std::os::unix::process::ExitStatusExt::signal(&status), Some(2), "{status:?}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!site.path("public").exists());
}

#[test]
fn an_idle_server_does_not_rebuild_and_an_edit_rebuilds_once() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    // Serving pages reads files; reading must never count as a change.
    for _ in 0..5 {
        server.get("/");
        server.get("/css/site.css");
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(server.builds().len(), 1, "{:?}", server.builds());
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea, ora aggiornata.");
    server.wait_for("/reti/eurocities/", "the edit", |b| b.contains("ora aggiornata"));
    std::thread::sleep(Duration::from_millis(500));
    let builds = server.builds();
    assert_eq!(builds.len(), 2, "one save, one rebuild: {builds:?}");
}

#[test]
fn started_from_a_sub_folder_it_serves_and_sees_edits() {
    let site = Site::fixture("basic");
    let server = Server::start_in(&site, "content/reti", &[]);
    server.wait_for("/reti/eurocities/", "the page", |b| b.contains("Rete europea."));
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea, vista da una sottocartella.");
    server.wait_for("/reti/eurocities/", "the edit", |b| b.contains("vista da una sottocartella"));
    site.edit("themes/plain/templates/network.html", "{{ page.title }}</h1>", "{{ page.title }} (modello)</h1>");
    server.wait_for("/reti/eurocities/", "the template edit", |b| b.contains("Eurocities (modello)</h1>"));
}

/// One way an editor saves `text` over `path`.
pub type Save = fn(&Path, &str);

/// How editors save a file, step by step as they do it.
pub const SAVES: [(&str, Save); 7] = [
    ("in-place write", |path, text| {
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        f.write_all(text.as_bytes()).unwrap();
        f.set_len(text.len() as u64).unwrap();
    }),
    ("truncate, then write in two parts", |path, text| {
        let mut f = std::fs::File::create(path).unwrap();
        f.sync_all().unwrap();
        let (a, b) = text.as_bytes().split_at(text.len() / 2);
        f.write_all(a).unwrap();
        f.sync_all().unwrap();
        f.write_all(b).unwrap();
    }),
    ("write a temporary file, rename it over (VS Code, JetBrains)", |path, text| {
        let tmp = path.with_file_name(format!("{}___jb_tmp___", path.file_name().unwrap().to_string_lossy()));
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    }),
    ("sed -i", |path, text| {
        // Every line deleted, the new text read in after the last: sed writes a temporary
        // file beside the original and renames it over, as GNU sed -i does.
        let new = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(new.path(), text).unwrap();
        let status = Command::new("sed")
            .arg("-i")
            .arg("-e")
            .arg(format!("$r {}", new.path().display()))
            .arg("-e")
            .arg("d")
            .arg(path)
            .status()
            .expect("run sed");
        assert!(status.success());
        assert_eq!(std::fs::read_to_string(path).unwrap(), text, "sed made the same text");
    }),
    ("delete, then create", |path, text| {
        std::fs::remove_file(path).unwrap();
        std::fs::write(path, text).unwrap();
    }),
    ("vim: swap file, 4913 probe, backup by rename, write", |path, text| {
        let dir = path.parent().unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::write(dir.join(format!(".{name}.swp")), b"b0VIM 9.0\0\0\xff").unwrap();
        std::fs::write(dir.join("4913"), "").unwrap();
        std::fs::remove_file(dir.join("4913")).unwrap();
        std::fs::rename(path, dir.join(format!("{name}~"))).unwrap();
        std::fs::write(path, text).unwrap();
        std::fs::remove_file(dir.join(format!("{name}~"))).unwrap();
    }),
    ("emacs: lock link, autosave, backup, write; the swap and lock stay while editing", |path, text| {
        let dir = path.parent().unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let lock = dir.join(format!(".#{name}"));
        // The lock points nowhere, so `exists`, which follows it, is false after a save too.
        if std::fs::symlink_metadata(&lock).is_err() {
            std::os::unix::fs::symlink("redattrice@pc.1234:1700000000", &lock).unwrap();
        }
        std::fs::write(dir.join(format!("#{name}#")), text).unwrap();
        std::fs::copy(path, dir.join(format!("{name}~"))).unwrap();
        std::fs::write(path, text).unwrap();
        std::fs::remove_file(dir.join(format!("#{name}#"))).unwrap();
    }),
];

#[test]
fn every_way_editors_save_shows_up_and_their_droppings_never_break_the_site() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let page = site.path("content/reti/eurocities.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let template = site.path("themes/plain/templates/network.html");
    let network = std::fs::read_to_string(&template).unwrap();
    for (i, (how, save)) in SAVES.iter().enumerate() {
        let marker = format!("Salvataggio numero {i}.");
        save(&page, &format!("{original}\n{marker}\n"));
        server.wait_for("/reti/eurocities/", how, |b| b.contains(&marker) && !b.contains("sito-error-overlay"));
        // The same for a template and a stylesheet.
        let end = "</main>{% endblock content %}";
        save(&template, &network.replace(end, &format!("<!-- save {i} -->{end}")));
        server.wait_for("/reti/c40/", how, |b| b.contains(&format!("<!-- save {i} -->")));
        save(&site.path("static/robots-extra.txt"), &format!("# save {i}\n"));
        server.wait_for("/robots-extra.txt", how, |b| b == format!("# save {i}\n"));
    }
    // What the editors left behind (vim's swap file, emacs's lock link, backups) is not
    // part of the site and is not served.
    assert!(site.path("content/reti/.eurocities.md.swp").is_file());
    assert!(std::fs::symlink_metadata(site.path("content/reti/.#eurocities.md")).is_ok());
    for dropping in ["/reti/.eurocities.md.swp", "/reti/eurocities.md~", "/.robots-extra.txt.swp", "/robots-extra.txt~"]
    {
        assert_eq!(server.get(dropping).0, 404, "{dropping}");
    }
    let (_, _, body) = server.get("/");
    assert!(!body.contains("sito-error-overlay"), "{body}");
}

#[test]
fn folders_made_while_serving_are_watched() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    // A new section with a page, written the moment its folder exists.
    site.write("content/nuova/_index.md", "+++\ntitle = \"Nuova sezione\"\ntranslate = false\n+++\n");
    site.write("content/nuova/pagina.md", "+++\ntitle = \"Pagina nuova\"\ntranslate = false\n+++\nPrima versione.\n");
    server.wait_for("/nuova/pagina/", "the new page", |b| b.contains("Prima versione."));
    site.edit("content/nuova/pagina.md", "Prima versione.", "Seconda versione.");
    server.wait_for("/nuova/pagina/", "an edit in the new folder", |b| b.contains("Seconda versione."));
    // A new static sub-folder, and then a file added to it later.
    std::fs::create_dir_all(site.path("static/img")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    site.write("static/img/punto.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    server.wait_for("/img/punto.svg", "the new static file", |b| b.contains("<svg"));
    // A top-level templates/ folder (which overrides the theme), made empty first.
    std::fs::create_dir(site.path("templates")).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let page = std::fs::read_to_string(site.path("themes/plain/templates/page.html")).unwrap();
    site.write("templates/page.html", page.replace("<main>", "<main class=\"override\">"));
    server.wait_for("/solo-italiano/", "the site's own template", |b| b.contains("<main class=\"override\">"));
    site.edit("templates/page.html", "override", "override-2");
    server.wait_for("/solo-italiano/", "an edit of it", |b| b.contains("override-2"));
}

/// Open file descriptors this process may have (the soft limit).
fn open_files_limit() -> u64 {
    let limits = std::fs::read_to_string("/proc/self/limits").unwrap_or_default();
    let line = limits.lines().find(|l| l.starts_with("Max open files")).unwrap_or("");
    line.split_whitespace().nth(3).and_then(|n| n.parse().ok()).unwrap_or(u64::MAX)
}

#[test]
fn a_thousand_idle_or_half_sent_connections_do_not_keep_others_waiting() {
    assert!(open_files_limit() >= 2_500, "raise the open-files limit (ulimit -n 4096) to run this test");
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    // Like a browser with many tabs, a tool that opens and forgets, or a slowloris: some
    // connections send nothing, some half a request line, some half a request head.
    let idle: Vec<TcpStream> = (0..1000)
        .map(|i| {
            let mut s = TcpStream::connect(&server.addr).expect("connect");
            match i % 3 {
                1 => s.write_all(b"GET /reti/ HT").unwrap(),
                2 => s.write_all(b"GET /reti/ HTTP/1.1\r\nHost: x\r\nX-Slow: ").unwrap(),
                _ => {}
            }
            s
        })
        .collect();
    for path in ["/", "/reti/c40/", "/en/networks/", "/css/site.css"] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 200, "{path} answered while 1,000 connections idle: {head}");
    }
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea, con mille connessioni aperte.");
    server.wait_for("/reti/eurocities/", "the edit", |b| b.contains("mille connessioni"));
    drop(idle);
    assert_eq!(server.get("/").0, 200);
}

/// A tab's live-reload event stream.
struct Events(BufReader<TcpStream>);

impl Events {
    fn open(server: &Server) -> Events {
        let mut s = TcpStream::connect(&server.addr).unwrap();
        s.write_all(b"GET /__sito/live HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut reader = BufReader::new(s);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        Events(reader)
    }

    /// The next event's (name, data).
    fn next(&mut self) -> (String, String) {
        let (mut name, mut line) = (String::new(), String::new());
        loop {
            line.clear();
            assert!(self.0.read_line(&mut line).unwrap_or(0) > 0, "the event stream ended");
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.trim().to_owned();
            } else if let Some(data) = line.strip_prefix("data: ") {
                return (name, data.trim().to_owned());
            }
        }
    }
}

#[test]
fn a_stylesheet_edit_swaps_styles_without_a_reload() {
    let site = Site::fixture("basic");
    let server = Server::start(&site, &[]);
    let (_, _, page) = server.get("/reti/c40/");
    let old = page.split("href=\"/css/site.").nth(1).and_then(|r| r.split('"').next()).expect("a fingerprinted link");
    let old = format!("/css/site.{old}");
    let mut events = Events::open(&server);
    site.edit("themes/plain/static/css/site.css", "#222", "#0066cc");
    let (name, data) = events.next();
    assert_eq!(name, "styles", "a stylesheet edit is announced as such, not as a reload: {data}");
    let change: serde_json::Value = serde_json::from_str(&data).unwrap();
    let new = change["renamed"][&old].as_str().unwrap_or_else(|| panic!("{old} renamed: {data}")).to_owned();
    assert_ne!(new, old);
    assert!(change["changed"].as_array().unwrap().contains(&serde_json::json!("/css/site.css")), "{data}");
    assert_eq!(server.get(&new).2, "body { color: #0066cc; }\n");
    let (_, _, page) = server.get("/reti/c40/");
    assert!(page.contains(&format!("href=\"{new}\"")), "pages link the new stylesheet: {page}");
    // Anything else reloads the page.
    site.edit("content/reti/eurocities.md", "Rete europea.", "Rete europea, dopo lo stile.");
    assert_eq!(events.next().0, "reload");
    // A stylesheet edit while the site has errors reloads too (the overlay must go).
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = \"uno\"");
    assert_eq!(events.next().0, "reload");
    site.edit("themes/plain/static/css/site.css", "#0066cc", "#333");
    assert_eq!(events.next().0, "reload");
}

#[test]
fn serve_colours_errors_on_a_terminal_unless_no_color_is_set() {
    let site = Site::fixture("basic");
    site.edit("content/reti/eurocities.md", "weight = 1", "weight = \"uno\"");
    // `script` gives serve a terminal; it stops serve after the first build's report.
    let run = |no_color: Option<&str>| {
        let sito = env!("CARGO_BIN_EXE_sito");
        let mut command = Command::new("timeout");
        command.args(["5", "script", "-qefc", &format!("{sito} serve --port 0"), "/dev/null"]);
        command.current_dir(site.root()).env_remove("NO_COLOR");
        if let Some(v) = no_color {
            command.env("NO_COLOR", v);
        }
        String::from_utf8_lossy(&command.output().expect("run script").stdout).into_owned()
    };
    let coloured = run(None);
    assert!(coloured.contains("eurocities.md") && coloured.contains("\x1b["), "colours on a terminal: {coloured:?}");
    let plain = run(Some("1"));
    assert!(plain.contains("eurocities.md") && !plain.contains("\x1b["), "NO_COLOR: {plain:?}");
}
