//! What the preview answers for a path: a file of the current snapshot (HTML with the live
//! script and, while the site has errors, the overlay), a redirect to the folder's URL, the
//! language's 404 page, the live-reload script and event stream.

use super::http::{self, Body, Handler};
use super::{live, Snapshot, State};
use crate::output::MemoryFile;
use http_body_util::Either;
use hyper::header::{HeaderValue, LOCATION};
use hyper::{Response, StatusCode};

impl Handler for State {
    fn get(&self, path: &str, raw: &str) -> Response<Body> {
        if path == live::EVENTS_PATH {
            let mut r = Response::new(Either::Right(self.hub.subscribe()));
            let h = r.headers_mut();
            h.insert(hyper::header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
            h.insert(hyper::header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            return r;
        }
        if path == live::SCRIPT_PATH {
            return http::response(StatusCode::OK, http::content_type("x.js"), live::SCRIPT);
        }
        let snap = self.current();
        let key = path.trim_start_matches('/');
        let key = if key.is_empty() || key.ends_with('/') { format!("{key}index.html") } else { key.to_owned() };
        if let Some(file) = snap.files.get(&key) {
            return send(&snap, &key, file, StatusCode::OK);
        }
        if snap.files.contains_key(&format!("{key}/index.html")) {
            let mut r = http::response(StatusCode::MOVED_PERMANENTLY, "text/plain; charset=utf-8", "");
            // The raw path is still percent-encoded, as a header needs it.
            let (raw_path, query) = raw.split_once('?').map_or((raw, ""), |(p, q)| (p, q));
            let query = if query.is_empty() { String::new() } else { format!("?{query}") };
            if let Ok(location) = HeaderValue::from_str(&format!("{raw_path}/{query}")) {
                r.headers_mut().insert(LOCATION, location);
            }
            return r;
        }
        if snap.files.is_empty() {
            // The very first build failed: show the errors until a build succeeds.
            let page = live::no_build_yet(snap.errors.as_deref());
            return http::response(StatusCode::INTERNAL_SERVER_ERROR, http::content_type("x.html"), page);
        }
        let prefix =
            snap.prefixes.iter().find(|p| !p.is_empty() && key.starts_with(p.as_str())).cloned().unwrap_or_default();
        let not_found = format!("{prefix}404.html");
        match snap.files.get(&not_found).or_else(|| snap.files.get("404.html")) {
            Some(file) => send(&snap, &not_found, file, StatusCode::NOT_FOUND),
            None => http::text(StatusCode::NOT_FOUND),
        }
    }
}

fn send(snap: &Snapshot, key: &str, file: &MemoryFile, status: StatusCode) -> Response<Body> {
    let bytes = match file {
        MemoryFile::Bytes(b) => b.as_slice().to_vec(),
        MemoryFile::Source(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => return http::text(StatusCode::NOT_FOUND),
        },
    };
    let ctype = http::content_type(key);
    let body = if ctype.starts_with("text/html") { live::inject(&bytes, snap.errors.as_deref()) } else { bytes };
    http::response(status, ctype, body)
}
