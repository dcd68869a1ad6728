//! Live reload: the script injected into served pages (only while serving), the server-sent
//! events hub that tells open tabs a new build is ready, and the error overlay shown over the
//! last good page while the site has errors.

use std::io::{self, Write};
use std::net::TcpStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::time::Duration;

pub const EVENTS_PATH: &str = "/__sito/live";
pub const SCRIPT_PATH: &str = "/__sito/live.js";

/// Reloads the page when the server says a new build is ready; EventSource reconnects by
/// itself when the server restarts.
pub const SCRIPT: &str = r#"(function () {
  if (!window.EventSource) return;
  var source = new EventSource("/__sito/live");
  source.addEventListener("reload", function () { window.location.reload(); });
})();
"#;

#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Hub {
    pub fn subscribe(&self) -> Receiver<u64> {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        rx
    }

    /// Tells every open tab that build `version` is ready; forgets tabs that went away.
    pub fn broadcast(&self, version: u64) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(version).is_ok());
        }
    }
}

/// Streams reload events to one tab until it goes away.
pub fn stream_events(stream: &mut TcpStream, events: Receiver<u64>) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    stream.flush()?;
    loop {
        match events.recv_timeout(Duration::from_secs(15)) {
            Ok(version) => stream.write_all(format!("event: reload\ndata: {version}\n\n").as_bytes())?,
            // A comment line keeps proxies from closing the stream and finds closed tabs.
            Err(RecvTimeoutError::Timeout) => stream.write_all(b": ping\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        stream.flush()?;
    }
}

/// Adds the reload script (and the error overlay, if any) just before `</body>`.
pub fn inject(html: &[u8], errors: Option<&str>) -> Vec<u8> {
    let mut extra = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    if let Some(text) = errors {
        extra.push_str(&overlay(text));
    }
    let html = String::from_utf8_lossy(html);
    let at = html.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(&extra);
    out.push_str(&html[at..]);
    out.into_bytes()
}

pub fn overlay(text: &str) -> String {
    format!(
        "<div id=\"sito-error-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:15px/1.5 ui-monospace,monospace\"><p style=\"margin:0 0 1rem;font-weight:bold;color:#ffd400\">sito: the site has errors. This is the last good build; fix the file and save to reload.</p><pre style=\"white-space:pre-wrap;margin:0\">{}</pre></div>",
        crate::load::templates::escape_html(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_body_end() {
        let out =
            String::from_utf8(inject(b"<html><body><p>x</p></body></html>", Some("error: <bad>"))).unwrap_or_default();
        assert!(out.starts_with(
            "<html><body><p>x</p><script src=\"/__sito/live.js\" defer></script><div id=\"sito-error-overlay\""
        ));
        assert!(out.contains("error: &lt;bad&gt;") && out.ends_with("</body></html>"));
    }
}
