//! The preview's HTTP server: hyper (HTTP/1.1, keep-alive) on a single-threaded tokio
//! runtime, so that idle or half-sent connections cost a few kilobytes each instead of a
//! thread, and a thousand of them do not keep a browser from being answered. Limits on what
//! a client may send come from hyper (header count, buffer size, time to send the headers);
//! request paths are decoded and checked here so that nothing like `..` survives, and are
//! then only ever looked up in the built site's file map, never joined onto the disk.

use http_body_util::{Either, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

/// The longest request target answered; longer ones get 414.
const MAX_TARGET: usize = 8 * 1024;
const MAX_HEADERS: usize = 100;
/// What one connection may buffer of a request head.
const MAX_HEAD: usize = 64 * 1024;
/// A client that has not sent its whole request head by then is dropped (slowloris).
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

pub type Body = Either<Full<Bytes>, super::live::Events>;

/// What answers a request: the preview's state.
pub trait Handler: Send + Sync + 'static {
    /// `path` is decoded and clean (see [`decode_path`]), `raw` the path and query as sent;
    /// the method is GET or HEAD.
    fn get(&self, path: &str, raw: &str) -> Response<Body>;
}

/// Serves `listener` until the process ends.
pub fn run(listener: TcpListener, handler: Arc<impl Handler>) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a moment and go on; the server must outlive any one client.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            };
            let handler = Arc::clone(&handler);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let response = answer(&*handler, &req);
                    async move { Ok::<_, Infallible>(response) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_headers(MAX_HEADERS)
                    .max_buf_size(MAX_HEAD)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

fn answer(handler: &impl Handler, req: &Request<Incoming>) -> Response<Body> {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r = text(StatusCode::METHOD_NOT_ALLOWED);
        r.headers_mut().insert(hyper::header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let target = req.uri().path_and_query().map_or("", |p| p.as_str());
    if target.len() > MAX_TARGET {
        return text(StatusCode::URI_TOO_LONG);
    }
    // An absolute-form target (`GET http://host/path`) is checked by its path alone.
    match decode_path(target) {
        Some(path) => handler.get(&path, target),
        None => text(StatusCode::BAD_REQUEST),
    }
}

/// A response with the headers every answer carries.
pub fn response(status: StatusCode, content_type: &'static str, body: impl Into<Bytes>) -> Response<Body> {
    let mut r = Response::new(Either::Left(Full::new(body.into())));
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    r
}

/// A plain-text answer saying the status, e.g. `404 Not Found`.
pub fn text(status: StatusCode) -> Response<Body> {
    let reason = status.canonical_reason().unwrap_or("");
    response(status, "text/plain; charset=utf-8", format!("{} {reason}\n", status.as_u16()))
}

/// `/a%20b/c?x` → `/a b/c`; `None` for anything that is not a clean absolute path.
pub fn decode_path(target: &str) -> Option<String> {
    let raw = target.split(['?', '#']).next()?;
    if !raw.starts_with('/') {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).ok()?;
    if path.contains(['\0', '\\']) || path.starts_with("//") || path.split('/').any(|s| s == ".." || s == ".") {
        return None;
    }
    Some(path)
}

pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::decode_path;

    #[test]
    fn decodes_clean_paths_and_refuses_traversal() {
        assert_eq!(decode_path("/reti/c40/?x=1").as_deref(), Some("/reti/c40/"));
        assert_eq!(decode_path("/100%20citt%C3%A0/").as_deref(), Some("/100 città/"));
        for bad in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/a/%2E%2E/%2E%2E/etc/passwd",
            "/..%2f..%2fetc",
            "//etc/passwd",
            "/a%00b",
            "/a%5c..%5cb",
            "http://x/",
            "/%zz",
            "/./x",
            "*",
        ] {
            assert_eq!(decode_path(bad), None, "{bad}");
        }
    }
}
