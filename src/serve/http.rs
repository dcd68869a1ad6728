//! Just enough HTTP/1.1 for a local preview: GET and HEAD, one request per connection, hard
//! limits on what a client may send, and request paths decoded and checked so that nothing
//! like `..` survives. Paths are then only ever looked up in the built site's file map, never
//! joined onto the disk, so no request can read outside the site.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const MAX_LINE: usize = 8 * 1024;
const MAX_HEADERS: usize = 100;

pub struct Request {
    pub method: String,
    /// Decoded, starts with `/`, without query or fragment, with no `.` or `..` segment.
    pub path: String,
}

/// What went wrong reading a request, as the status to answer with.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal(pub u16, pub &'static str);

pub fn read_request(stream: &TcpStream) -> Result<Request, Refusal> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.take((MAX_LINE * (MAX_HEADERS + 1)) as u64));
    let line = read_line(&mut reader).map_err(|_| Refusal(400, "Bad Request"))?.ok_or(Refusal(400, "Bad Request"))?;
    if line.len() > MAX_LINE {
        return Err(Refusal(414, "URI Too Long"));
    }
    let mut parts = line.split(' ');
    let (method, target, version) =
        (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if parts.next().is_some() || !version.starts_with("HTTP/1.") || method.is_empty() {
        return Err(Refusal(400, "Bad Request"));
    }
    // Headers are read (so the client is not cut off mid-send) and ignored.
    for n in 0.. {
        let header = read_line(&mut reader).map_err(|_| Refusal(400, "Bad Request"))?;
        match header {
            None => return Err(Refusal(400, "Bad Request")),
            Some(h) if h.is_empty() => break,
            Some(h) if h.len() > MAX_LINE || n >= MAX_HEADERS => {
                return Err(Refusal(431, "Request Header Fields Too Large"))
            }
            Some(_) => {}
        }
    }
    let path = decode_path(target).ok_or(Refusal(400, "Bad Request"))?;
    Ok(Request { method: method.to_owned(), path })
}

/// One line without its CRLF; `None` at end of stream. Lines over the limit are cut (and
/// then refused by the caller) instead of being buffered whole.
fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    let n = reader.by_ref().take(MAX_LINE as u64 + 2).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') && buf.len() > MAX_LINE {
        return Ok(Some("x".repeat(MAX_LINE + 1)));
    }
    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        buf.pop();
    }
    String::from_utf8(buf).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
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

/// Writes a whole response and closes the exchange.
pub fn respond(
    stream: &mut TcpStream,
    status: u16,
    reason: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n", body.len());
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

pub fn refuse(stream: &mut TcpStream, r: &Refusal) {
    let _ = respond(
        stream,
        r.0,
        r.1,
        &[("Content-Type", "text/plain; charset=utf-8")],
        format!("{} {}\n", r.0, r.1).as_bytes(),
        false,
    );
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
