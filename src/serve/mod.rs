//! `sito serve`: builds the site into memory, serves it on a local address, watches the
//! sources, rebuilds on every change and tells open tabs to reload. A broken edit keeps the
//! last good build on screen with the error over it. It never writes to the output folder.

mod http;
mod live;
mod rebuild;

use crate::diag::{Diagnostic, Kind};
use crate::output::MemoryFile;
use live::Hub;
use notify::{EventKind, RecursiveMode, Watcher};
use rebuild::{Builder, Files, Outcome};
use std::io::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, RwLock};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    /// Ignored: links in served pages point at the local server.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub port: u16,
    pub interface: String,
}

/// What is being served: the last good build and, if the latest attempt failed, its errors.
#[derive(Default)]
struct Snapshot {
    files: Files,
    errors: Option<String>,
    version: u64,
    /// Output prefixes of the languages (`en/`), for picking the right 404 page.
    prefixes: Vec<String>,
}

struct State {
    snapshot: RwLock<Arc<Snapshot>>,
    hub: Hub,
    connections: AtomicUsize,
}

const MAX_CONNECTIONS: usize = 256;
const DEBOUNCE_MS: u64 = 30;

pub fn run(opts: &Options) -> Result<(), Vec<Diagnostic>> {
    let listener = TcpListener::bind((opts.interface.as_str(), opts.port)).map_err(|e| {
        vec![Diagnostic::error(Kind::ServeListen, format!("cannot listen on {}:{}: {e}", opts.interface, opts.port))
            .hint("choose another port with --port, or stop the program using this one")]
    })?;
    let addr = listener.local_addr().map_err(|e| vec![Diagnostic::error(Kind::ServeListen, e.to_string())])?;
    let base_url = format!("http://{addr}/");
    let state = Arc::new(State { snapshot: RwLock::default(), hub: Hub::default(), connections: AtomicUsize::new(0) });
    let mut builder = Builder::new(&opts.root, base_url.clone(), opts.drafts);
    let started = Instant::now();
    let first = builder.full();
    report(&first, started, &[]);
    state.install(first, &opts.root);
    let (tx, rx) = mpsc::channel::<PathBuf>();
    // Only changes count: the build itself reads every file, and access events would make
    // it rebuild forever.
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)) {
                for path in event.paths {
                    let _ = tx.send(path);
                }
            }
        }
    })
    .map_err(|e| vec![Diagnostic::error(Kind::ServeWatch, format!("cannot watch the site's files: {e}"))])?;
    for watched in ["content", "themes", "i18n", "static", "templates"] {
        let dir = opts.root.join(watched);
        if dir.is_dir() {
            let _ = watcher.watch(&dir, RecursiveMode::Recursive);
        }
    }
    let _ = watcher.watch(&opts.root, RecursiveMode::NonRecursive);
    let watcher_state = Arc::clone(&state);
    let root = opts.root.clone();
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            // Editors save in several steps (truncate, write, rename): wait until the
            // events stop for a moment, then rebuild once.
            let mut changed = vec![first];
            while let Ok(more) = rx.recv_timeout(Duration::from_millis(DEBOUNCE_MS)) {
                changed.push(more);
            }
            changed.retain(|p| relevant(&root, p));
            changed.sort();
            changed.dedup();
            if changed.is_empty() {
                continue;
            }
            if std::env::var_os("SITO_DEBUG").is_some() {
                eprintln!("changed: {changed:?}");
            }
            let started = Instant::now();
            let outcome = builder.rebuild(&changed);
            report(&outcome, started, &changed);
            watcher_state.install(outcome, &root);
        }
    });
    println!("Serving {} at {base_url} (Ctrl-C to stop)", opts.root.display());
    let _ = std::io::stdout().flush();
    for stream in listener.incoming().flatten() {
        if state.connections.load(Ordering::Relaxed) >= MAX_CONNECTIONS {
            http::refuse(&mut { stream }, &http::Refusal(503, "Service Unavailable"));
            continue;
        }
        let state = Arc::clone(&state);
        state.connections.fetch_add(1, Ordering::Relaxed);
        std::thread::spawn(move || {
            state.handle(stream);
            state.connections.fetch_sub(1, Ordering::Relaxed);
        });
    }
    drop(watcher);
    Ok(())
}

/// Changes worth a rebuild: the site's sources, not editor droppings or build output.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if name.ends_with('~')
        || name.starts_with(".#")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
    {
        return false;
    }
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    ["content", "themes", "i18n", "static", "templates", "site.toml"].contains(&first.as_str())
}

fn report(outcome: &Result<Outcome, Vec<Diagnostic>>, started: Instant, changed: &[PathBuf]) {
    let ms = started.elapsed().as_millis();
    match outcome {
        Ok(Outcome::Full(files)) => println!("built {} files in {ms} ms", files.len()),
        Ok(Outcome::Partial(files)) => {
            println!("rebuilt {} page{} in {ms} ms", files.len(), if files.len() == 1 { "" } else { "s" })
        }
        Err(diags) => {
            let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
            for d in diags {
                eprintln!("{}", d.render(color));
            }
            eprintln!("the site has errors ({} changed file(s)); still serving the last good build", changed.len());
        }
    }
    let _ = std::io::stdout().flush();
}

impl State {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot.read().map(|s| Arc::clone(&s)).unwrap_or_default()
    }

    /// Makes a build outcome the one served, and tells open tabs to reload.
    fn install(&self, outcome: Result<Outcome, Vec<Diagnostic>>, root: &Path) {
        let old = self.current();
        let mut next = Snapshot {
            files: old.files.clone(),
            errors: None,
            version: old.version + 1,
            prefixes: old.prefixes.clone(),
        };
        match outcome {
            Ok(Outcome::Full(files)) => {
                next.files = files;
                next.prefixes = language_prefixes(root);
            }
            Ok(Outcome::Partial(files)) => next.files.extend(files),
            Err(diags) => {
                let text: Vec<String> = diags.iter().map(|d| d.render(false)).collect();
                next.errors = Some(text.join("\n"));
            }
        }
        let version = next.version;
        if let Ok(mut s) = self.snapshot.write() {
            *s = Arc::new(next);
        }
        self.hub.broadcast(version);
    }

    fn handle(&self, mut stream: TcpStream) {
        let request = match http::read_request(&stream) {
            Ok(r) => r,
            Err(refusal) => return http::refuse(&mut stream, &refusal),
        };
        let head_only = request.method == "HEAD";
        if request.method != "GET" && !head_only {
            return http::refuse(&mut stream, &http::Refusal(405, "Method Not Allowed"));
        }
        if request.path == live::EVENTS_PATH {
            let events = self.hub.subscribe();
            let _ = live::stream_events(&mut stream, events);
            return;
        }
        if request.path == live::SCRIPT_PATH {
            let _ = http::respond(
                &mut stream,
                200,
                "OK",
                &[("Content-Type", http::content_type("x.js"))],
                live::SCRIPT.as_bytes(),
                head_only,
            );
            return;
        }
        let snap = self.current();
        let key = request.path.trim_start_matches('/');
        let key = if key.is_empty() || key.ends_with('/') { format!("{key}index.html") } else { key.to_owned() };
        if let Some(file) = snap.files.get(&key) {
            return self.send(&mut stream, &snap, &key, file, 200, head_only);
        }
        if snap.files.contains_key(&format!("{key}/index.html")) {
            let location = format!("{}/", request.path);
            let _ = http::respond(&mut stream, 301, "Moved Permanently", &[("Location", &location)], b"", head_only);
            return;
        }
        if snap.files.is_empty() {
            // The very first build failed: show the errors until a build succeeds.
            let page = live::inject(
                b"<!doctype html><html><head><meta charset=\"utf-8\"><title>sito</title></head><body></body></html>",
                snap.errors.as_deref(),
            );
            let _ = http::respond(
                &mut stream,
                500,
                "Internal Server Error",
                &[("Content-Type", http::content_type("x.html"))],
                &page,
                head_only,
            );
            return;
        }
        let prefix =
            snap.prefixes.iter().find(|p| !p.is_empty() && key.starts_with(p.as_str())).cloned().unwrap_or_default();
        let not_found = format!("{prefix}404.html");
        match snap.files.get(&not_found).or_else(|| snap.files.get("404.html")) {
            Some(file) => self.send(&mut stream, &snap, &not_found, file, 404, head_only),
            None => http::refuse(&mut stream, &http::Refusal(404, "Not Found")),
        }
    }

    fn send(
        &self,
        stream: &mut TcpStream,
        snap: &Snapshot,
        key: &str,
        file: &MemoryFile,
        status: u16,
        head_only: bool,
    ) {
        let bytes = match file {
            MemoryFile::Bytes(b) => b.as_slice().to_vec(),
            MemoryFile::Source(path) => match std::fs::read(path) {
                Ok(b) => b,
                Err(_) => return http::refuse(stream, &http::Refusal(404, "Not Found")),
            },
        };
        let ctype = http::content_type(key);
        let body = if ctype.starts_with("text/html") { live::inject(&bytes, snap.errors.as_deref()) } else { bytes };
        let reason = if status == 200 { "OK" } else { "Not Found" };
        let _ = http::respond(stream, status, reason, &[("Content-Type", ctype)], &body, head_only);
    }
}

/// The output prefixes of the site's languages, read from site.toml (best effort: a broken
/// site.toml keeps the previous ones).
fn language_prefixes(root: &Path) -> Vec<String> {
    crate::load::config::Config::load(root, None)
        .map(|c| c.languages.iter().map(|l| l.prefix.clone()).collect())
        .unwrap_or_default()
}
