//! Live reload: the script injected into served pages (only while serving), the server-sent
//! events hub that tells open tabs a new build is ready, and the error overlay shown over the
//! last good page while the site has errors.

use hyper::body::{Bytes, Frame};
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

pub const EVENTS_PATH: &str = "/__sito/live";
pub const SCRIPT_PATH: &str = "/__sito/live.js";

/// Reloads the page when the server says a new build is ready, or — when only stylesheets
/// changed — points the page's stylesheet links at the new files, so the page keeps its
/// scroll position and state. Closes the error overlay on its button or Escape.
/// EventSource reconnects by itself when the server restarts.
pub const SCRIPT: &str = r#"(function () {
  var overlay = document.getElementById("sito-error-overlay");
  function dismiss() { if (overlay) overlay.hidden = true; }
  if (overlay) {
    document.getElementById("sito-error-overlay-close").addEventListener("click", dismiss);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") dismiss(); });
    document.getElementById("sito-error-overlay-close").focus();
  }
  if (!window.EventSource) return;
  var source = new EventSource("/__sito/live");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("styles", function (e) {
    var change = JSON.parse(e.data);
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, window.location.href);
      var to = change.renamed[url.pathname];
      if (to === undefined && change.changed.indexOf(url.pathname) < 0) continue;
      var next = new URL(to === undefined ? url.pathname : to, url);
      if (to === undefined) next.search = "?sito-live=" + change.version;
      links[i].href = next.href;
    }
  });
})();
"#;

/// What changed in a new build, as the open tabs need to know it.
pub enum Change {
    /// Anything: reload the page.
    Reload,
    /// Only stylesheets. `renamed`: old URL path → new (fingerprinted names follow their
    /// content); `changed`: paths whose name stays, to be fetched again.
    Styles { renamed: BTreeMap<String, String>, changed: Vec<String> },
}

/// The open tabs, each listening on its own event stream.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<UnboundedSender<Bytes>>>,
}

impl Hub {
    pub fn subscribe(&self) -> Events {
        let (tx, rx) = mpsc::unbounded_channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        let mut ping = tokio::time::interval(Duration::from_secs(15));
        ping.reset();
        Events { hello: Some(Bytes::from_static(b"retry: 500\n\n")), rx, ping }
    }

    /// Tells every open tab that build `version` is ready; forgets tabs that went away.
    pub fn broadcast(&self, version: u64, change: &Change) {
        let event = match change {
            Change::Reload => format!("event: reload\ndata: {version}\n\n"),
            Change::Styles { renamed, changed } => {
                let data = serde_json::json!({ "version": version, "renamed": renamed, "changed": changed });
                format!("event: styles\ndata: {data}\n\n")
            }
        };
        let event = Bytes::from(event);
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(event.clone()).is_ok());
        }
    }
}

/// One tab's server-sent event stream, as a response body that never ends by itself.
pub struct Events {
    hello: Option<Bytes>,
    rx: UnboundedReceiver<Bytes>,
    ping: tokio::time::Interval,
}

impl hyper::body::Body for Events {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if let Some(hello) = self.hello.take() {
            return Poll::Ready(Some(Ok(Frame::data(hello))));
        }
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(event)) => return Poll::Ready(Some(Ok(Frame::data(event)))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {}
        }
        // A comment line keeps proxies from closing the stream and finds closed tabs.
        match self.ping.poll_tick(cx) {
            Poll::Ready(_) => Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b": ping\n\n"))))),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Adds the reload script (and the error overlay, if any) just before `</body>`.
pub fn inject(html: &[u8], errors: Option<&str>) -> Vec<u8> {
    inject_titled(html, errors, crate::diag::Msg::OverlayTitle)
}

/// The page served while no build has succeeded yet: the errors alone, and a title that
/// does not promise a last good build.
pub fn no_build_yet(errors: Option<&str>) -> Vec<u8> {
    let page = b"<!doctype html><html><head><meta charset=\"utf-8\"><title>sito</title></head><body></body></html>";
    inject_titled(page, errors, crate::diag::Msg::OverlayTitleNoBuild)
}

fn inject_titled(html: &[u8], errors: Option<&str>, title: crate::diag::Msg) -> Vec<u8> {
    let mut extra = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    if let Some(text) = errors {
        extra.push_str(&overlay(text, title));
    }
    let html = String::from_utf8_lossy(html);
    let at = html.rfind("</body>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(&extra);
    out.push_str(&html[at..]);
    out.into_bytes()
}

/// The errors over the last good page: an alert dialog, closed by its button or Escape
/// until the next build (a new error shows it again).
fn overlay(text: &str, title: crate::diag::Msg) -> String {
    let escape = crate::load::templates::escape_html;
    format!(
        concat!(
            "<div id=\"sito-error-overlay\" role=\"alertdialog\" aria-modal=\"true\" ",
            "aria-labelledby=\"sito-error-title\" aria-describedby=\"sito-error-text\" lang=\"{lang}\" ",
            "style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.96);",
            "color:#fff;padding:2rem;font:15px/1.5 ui-monospace,monospace\">",
            "<button type=\"button\" id=\"sito-error-overlay-close\" ",
            "style=\"float:right;font:inherit;color:#141414;background:#ffd400;border:0;padding:.4rem .9rem;cursor:pointer\">",
            "{close}</button>",
            "<p id=\"sito-error-title\" style=\"margin:0 0 1rem;font-weight:bold;color:#ffd400\">",
            "{title}</p>",
            "<pre id=\"sito-error-text\" style=\"white-space:pre-wrap;margin:0\">{text}</pre></div>"
        ),
        // The overlay speaks sito's language, and says so to screen readers.
        lang = crate::diag::language().code(),
        close = escape(&crate::msg!(OverlayClose)),
        title = escape(&crate::diag::tr(title, &[])),
        text = escape(text)
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
        assert!(out.contains("role=\"alertdialog\"") && out.contains("<button type=\"button\""));
    }
}
