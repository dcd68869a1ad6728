//! `sito serve`: builds the site into memory, serves it on a local address, watches the
//! sources, rebuilds on every change and tells open tabs to reload. A broken edit keeps the
//! last good build on screen with the error over it. It never writes to the output folder.

mod http;
mod live;
mod rebuild;
mod respond;
mod watch;

use crate::diag::{Diagnostic, Kind};
use live::{Change, Hub};
use rebuild::{Builder, Built, Files, Style};
use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::TcpListener;
use std::path::PathBuf;
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
    styles: BTreeMap<PathBuf, Style>,
}

struct State {
    snapshot: RwLock<Arc<Snapshot>>,
    hub: Hub,
}

/// The system's reason in sito's words for the usual cases (it is English otherwise).
fn listen_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::AddrInUse => crate::msg!(PortInUse),
        std::io::ErrorKind::PermissionDenied => crate::msg!(PortNeedsRights),
        std::io::ErrorKind::AddrNotAvailable => crate::msg!(AddressNotHere),
        _ => e.to_string(),
    }
}

pub fn run(opts: &Options) -> Result<(), Vec<Diagnostic>> {
    let listener = TcpListener::bind((opts.interface.as_str(), opts.port)).map_err(|e| {
        vec![Diagnostic::error(
            Kind::ServeListen,
            crate::msg!(
                ServeCannotListen,
                address = format!("{}:{}", opts.interface, opts.port),
                error = listen_error(&e)
            ),
        )
        .hint(crate::msg!(ServeCannotListenHint))]
    })?;
    let addr = listener.local_addr().map_err(|e| vec![Diagnostic::error(Kind::ServeListen, e.to_string())])?;
    let base_url = format!("http://{addr}/");
    let state = Arc::new(State { snapshot: RwLock::default(), hub: Hub::default() });
    // Watch before the first build, so that no save made while it runs is missed.
    let mut watch = Watch::start(&opts.root).map_err(|d| vec![d])?;
    let mut builder = Builder::new(&opts.root, base_url.clone(), opts.drafts);
    let started = Instant::now();
    let first = builder.build();
    // Whether a build has succeeded: until one has, there is no last good build to show.
    let mut served = first.is_ok();
    report(&first, started, &[], served);
    state.install(first, None);
    let watcher_state = Arc::clone(&state);
    std::thread::spawn(move || {
        while let Some(changes) = watch.next() {
            for problem in &changes.problems {
                eprintln!("{}", crate::msg!(ServeWarning, problem = problem.as_str()));
            }
            if std::env::var_os("SITO_DEBUG").is_some() {
                eprintln!("changed: {:?}", changes.paths);
            }
            let started = Instant::now();
            let outcome = builder.build();
            served |= outcome.is_ok();
            report(&outcome, started, &changes.paths, served);
            let styles_only =
                changes.problems.is_empty() && changes.paths.iter().all(|p| p.extension() == Some("css".as_ref()));
            watcher_state.install(outcome, styles_only.then_some(changes.paths.as_slice()));
        }
        eprintln!("{}", crate::msg!(ServeWatchStopped));
    });
    println!("{}", crate::msg!(ServeServing, root = opts.root.display().to_string(), url = base_url.as_str()));
    let _ = std::io::stdout().flush();
    http::run(listener, state)
        .map_err(|e| vec![Diagnostic::error(Kind::ServeStopped, crate::msg!(ServeStopped, error = e.to_string()))])
}

fn report(outcome: &Result<Built, Vec<Diagnostic>>, started: Instant, changed: &[PathBuf], served: bool) {
    let ms = started.elapsed().as_millis();
    match outcome {
        Ok(built) => println!("{}", crate::msg!(ServeBuilt, files = built.files.len(), ms = ms.to_string())),
        Err(diags) => {
            let color = crate::diag::color(&std::io::stderr());
            for d in diags {
                eprintln!("{}", d.render(color));
            }
            match served {
                true => eprintln!("{}", crate::msg!(ServeHasErrors, changed = changed.len())),
                false => eprintln!("{}", crate::msg!(ServeHasErrorsNoBuild)),
            }
        }
    }
    let _ = std::io::stdout().flush();
}

impl State {
    fn current(&self) -> Arc<Snapshot> {
        self.snapshot.read().map(|s| Arc::clone(&s)).unwrap_or_default()
    }

    /// Makes a build outcome the one served, and tells open tabs what changed. `styles`: the
    /// change was to these stylesheets alone.
    fn install(&self, outcome: Result<Built, Vec<Diagnostic>>, styles: Option<&[PathBuf]>) {
        let old = self.current();
        let version = old.version + 1;
        let (next, change) = match outcome {
            Ok(built) => {
                let change = styles.and_then(|changed| styles_change(&old, &built, changed)).unwrap_or(Change::Reload);
                let next = Snapshot {
                    files: built.files,
                    errors: None,
                    version,
                    prefixes: built.prefixes,
                    styles: built.styles,
                };
                (next, change)
            }
            Err(diags) => {
                let text: Vec<String> = diags.iter().map(|d| d.render(false)).collect();
                let next = Snapshot {
                    files: old.files.clone(),
                    errors: Some(text.join("\n")),
                    version,
                    prefixes: old.prefixes.clone(),
                    styles: old.styles.clone(),
                };
                (next, Change::Reload)
            }
        };
        if let Ok(mut s) = self.snapshot.write() {
            *s = Arc::new(next);
        }
        self.hub.broadcast(version, &change);
    }
}

/// The stylesheet swap that turns what tabs show of `old` into `new`, when only the
/// stylesheets `changed` did: pages differ only in the names of fingerprinted stylesheets
/// (no template reads a stylesheet's content). `None` when a reload is needed: errors shown
/// or cleared, or a changed file that is not a static stylesheet of both builds.
fn styles_change(old: &Snapshot, new: &Built, changed: &[PathBuf]) -> Option<Change> {
    if old.errors.is_some() || old.files.is_empty() || old.styles.len() != new.styles.len() {
        return None;
    }
    let mut renamed = BTreeMap::new();
    let mut plain = Vec::new();
    for path in changed {
        let (before, after) = (old.styles.get(path)?, new.styles.get(path)?);
        if before.fingerprinted != after.fingerprinted {
            renamed.insert(format!("/{}", before.fingerprinted), format!("/{}", after.fingerprinted));
        }
        plain.push(format!("/{}", after.plain));
    }
    Some(Change::Styles { renamed, changed: plain })
}
