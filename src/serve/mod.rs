//! `sito serve`: builds the site into memory, serves it on a local address, watches the
//! sources, rebuilds on every change and tells open tabs to reload. A broken edit keeps the
//! last good build on screen with the error over it. It never writes to the output folder.

mod http;
mod live;
mod rebuild;
mod watch;

use crate::diag::{Diagnostic, Kind};
use crate::output::MemoryFile;
use live::Hub;
use rebuild::{Builder, Built, Files};
use std::io::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Instant;
use watch::Watch;

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

pub fn run(opts: &Options) -> Result<(), Vec<Diagnostic>> {
    let listener = TcpListener::bind((opts.interface.as_str(), opts.port)).map_err(|e| {
        vec![Diagnostic::error(Kind::ServeListen, format!("cannot listen on {}:{}: {e}", opts.interface, opts.port))
            .hint("choose another port with --port, or stop the program using this one")]
    })?;
    let addr = listener.local_addr().map_err(|e| vec![Diagnostic::error(Kind::ServeListen, e.to_string())])?;
    let base_url = format!("http://{addr}/");
    let state = Arc::new(State { snapshot: RwLock::default(), hub: Hub::default(), connections: AtomicUsize::new(0) });
    // Watch before the first build, so that no save made while it runs is missed.
    let mut watch = Watch::start(&opts.root).map_err(|d| vec![d])?;
    let builder = Builder::new(&opts.root, base_url.clone(), opts.drafts);
    let started = Instant::now();
    let first = builder.build();
    report(&first, started, &[]);
    state.install(first);
    let watcher_state = Arc::clone(&state);
    std::thread::spawn(move || {
        while let Some(changes) = watch.next() {
            for problem in &changes.problems {
                eprintln!("warning: {problem}");
            }
            if std::env::var_os("SITO_DEBUG").is_some() {
                eprintln!("changed: {:?}", changes.paths);
            }
            let started = Instant::now();
            let outcome = builder.build();
            report(&outcome, started, &changes.paths);
            watcher_state.install(outcome);
        }
        eprintln!("error: the file watcher stopped; edits will no longer show (restart sito serve)");
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
    Ok(())
}

fn report(outcome: &Result<Built, Vec<Diagnostic>>, started: Instant, changed: &[PathBuf]) {
    let ms = started.elapsed().as_millis();
    match outcome {
        Ok(built) => println!("built {} files in {ms} ms", built.files.len()),
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
    fn install(&self, outcome: Result<Built, Vec<Diagnostic>>) {
        let old = self.current();
        let next = match outcome {
            Ok(built) => {
                Snapshot { files: built.files, errors: None, version: old.version + 1, prefixes: built.prefixes }
            }
            Err(diags) => {
                let text: Vec<String> = diags.iter().map(|d| d.render(false)).collect();
                Snapshot {
                    files: old.files.clone(),
                    errors: Some(text.join("\n")),
                    version: old.version + 1,
                    prefixes: old.prefixes.clone(),
                }
            }
        };
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
