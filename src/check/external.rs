//! External links (`check --external`, off by default: it needs the network). Each distinct
//! URL is asked for once — `HEAD`, then `GET` for servers that refuse `HEAD` — with a short
//! timeout, at most two requests at a time per host and a few hosts at a time, so the check
//! is quick without hammering anyone's server.

use super::at_body;
use crate::build::links::{classify, Dest};
use crate::diag::{Diagnostic, Kind};
use crate::render::Scan;
use crate::resolve::Site;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Requests in flight to one host.
pub const PER_HOST: usize = 2;
/// Requests in flight overall.
pub const TOTAL: usize = 8;
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Checks the `http(s)` links of every entry; one warning per link that does not answer.
pub fn check(site: &Site, scans: &[Scan]) -> Vec<Diagnostic> {
    let mut uses: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (id, scan) in scans.iter().enumerate() {
        for (li, link) in scan.links.iter().enumerate() {
            if classify(&link.dest) == Dest::External {
                uses.entry(request_url(&link.dest)).or_default().push((id, li));
            }
        }
    }
    let results = probe_all(uses.keys().cloned().collect(), TIMEOUT);
    let mut diags = Vec::new();
    for (url, result) in results {
        let Err(why) = result else { continue };
        for &(id, li) in uses.get(&url).map(Vec::as_slice).unwrap_or_default() {
            let (e, link) = (&site.entries[id], &scans[id].links[li]);
            let d = Diagnostic::warning(
                Kind::ExternalLink,
                crate::msg!(ExternalLink, why = why.as_str(), dest = link.dest.as_str()),
            );
            let body = e.src.body();
            let text = body.get(link.range.clone()).unwrap_or("");
            let offset = text.find(link.dest.as_str()).map_or(link.range.start, |i| link.range.start + i);
            diags.push(at_body(d, e, offset, link.dest.len()).hint(crate::msg!(ExternalLinkHint)));
        }
    }
    diags
}

/// The URL to request: no fragment, and a scheme for `//host/…`.
fn request_url(dest: &str) -> String {
    let url = dest.split('#').next().unwrap_or(dest);
    if url.starts_with("//") {
        format!("https:{url}")
    } else {
        url.to_owned()
    }
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// A counting semaphore: at most `n` holders at once.
struct Permits {
    free: Mutex<usize>,
    freed: Condvar,
}

impl Permits {
    fn acquire(&self) -> Permit<'_> {
        let mut free = self.free.lock().unwrap_or_else(|e| e.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|e| e.into_inner());
        }
        *free -= 1;
        Permit(self)
    }
}

struct Permit<'a>(&'a Permits);

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.0.free.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

/// Asks for every URL; `Err` says what went wrong ("answered 404 Not Found", a timeout…).
pub fn probe_all(urls: Vec<String>, timeout: Duration) -> BTreeMap<String, Result<u16, String>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("sito-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut by_host: BTreeMap<String, VecDeque<String>> = BTreeMap::new();
    for url in urls {
        by_host.entry(host(&url).to_ascii_lowercase()).or_default().push_back(url);
    }
    let queues: Vec<Mutex<VecDeque<String>>> = by_host.into_values().map(Mutex::new).collect();
    let permits = Permits { free: Mutex::new(TOTAL), freed: Condvar::new() };
    let results = Mutex::new(BTreeMap::new());
    std::thread::scope(|s| {
        for queue in &queues {
            let workers = queue.lock().map_or(1, |q| q.len()).min(PER_HOST);
            for _ in 0..workers {
                s.spawn(|| loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop_front();
                    let Some(url) = next else { break };
                    let result = {
                        let _permit = permits.acquire();
                        probe(&agent, &url)
                    };
                    results.lock().unwrap_or_else(|e| e.into_inner()).insert(url, result);
                });
            }
        }
    });
    results.into_inner().unwrap_or_else(|e| e.into_inner())
}

fn probe(agent: &ureq::Agent, url: &str) -> Result<u16, String> {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(resp) => Ok(resp.status()),
        Err(e) => Err(crate::msg!(ExternalUnreachable, error = e.to_string())),
    };
    let head = status(agent.head(url).call())?;
    if head.as_u16() < 400 {
        return Ok(head.as_u16());
    }
    // Some servers refuse HEAD (405, 403, 404…) but serve the page.
    let get = status(agent.get(url).call())?;
    if get.as_u16() < 400 {
        Ok(get.as_u16())
    } else {
        Err(crate::msg!(ExternalAnswered, status = get.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_request_urls() {
        assert_eq!(host("https://www.c40.org/about?x=1"), "www.c40.org");
        assert_eq!(host("http://127.0.0.1:8080"), "127.0.0.1:8080");
        assert_eq!(request_url("//x.org/a#b"), "https://x.org/a");
    }
}
