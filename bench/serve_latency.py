#!/usr/bin/env python3
"""Edit-to-served latency of `sito serve`, the way a reviewer uses it.

Usage: bench/serve_latency.py SITE_DIR [EDITS]

Starts `target/release/sito serve --port 0` with SITE_DIR as the working directory and no
--root (as the README says), subscribes to the live-reload event stream like an open tab,
then, EDITS times each (default 20), saves the way editors do (a temporary file renamed over
the original) and measures

  save -> reload event      (what the open tab waits for)
  save -> new text served   (polling the page over HTTP)

for three kinds of edit:

  body      a sentence added to one page's text      (checked on the page)
  title     that page's title changed                (checked on its section's listing)
  template  a comment added to the theme's base.html (checked on the page)

Prints every run, then p50 and p95 per kind. Every file is restored at the end. Talks only
to 127.0.0.1.
"""
import os, re, socket, statistics, subprocess, sys, time


def main():
    site = os.path.abspath(sys.argv[1])
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    sito = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "sito")
    page, page_url, list_url = pick_page(site)
    base = os.path.join(site, "themes", theme(site), "templates", "base.html")
    proc = subprocess.Popen([sito, "serve", "--port", "0"], cwd=site, stdout=subprocess.PIPE, text=True)
    originals = {p: open(p, encoding="utf-8").read() for p in (page, base)}
    try:
        started = time.monotonic()
        addr = None
        for line in proc.stdout:
            m = re.search(r"at http://([^/]+)/", line)
            if m:
                addr = m.group(1)
                break
        print(f"initial build and start: {time.monotonic() - started:.2f} s")
        host, port = addr.rsplit(":", 1)
        port = int(port)
        events = open_events(host, port)
        kinds = {
            "body": (page, page_url, lambda t, i: t + f"\nFrase di prova numero {i}.\n", lambda i: f"Frase di prova numero {i}."),
            "title": (page, list_url, lambda t, i: re.sub(r'(?m)^title = ".*"$', f'title = "Titolo bench {i}"', t, count=1),
                      lambda i: f"Titolo bench {i}"),
            "template": (base, page_url, lambda t, i: t.replace("</body>", f"<!-- bench {i} --></body>", 1), lambda i: f"<!-- bench {i} -->"),
        }
        results = {}
        for kind, (path, url, change, marker) in kinds.items():
            to_event, to_page = [], []
            for i in range(edits):
                text = change(originals[path], i)
                assert marker(i) in text or kind == "title", f"{kind}: the edit changed nothing in {path}"
                saved = save(path, text)
                wait_event(events)
                to_event.append((time.monotonic() - saved) * 1000)
                while marker(i) not in get(host, port, url):
                    if time.monotonic() - saved > 60:
                        sys.exit(f"{kind} edit {i}: {url} never showed {marker(i)!r}")
                    time.sleep(0.002)
                to_page.append((time.monotonic() - saved) * 1000)
                print(f"{kind} {i + 1}: reload event {to_event[-1]:.0f} ms, served {to_page[-1]:.0f} ms")
                time.sleep(0.3)
            save(path, originals[path])
            wait_event(events)
            time.sleep(0.5)
            results[kind] = (to_event, to_page)
        print(f"\n{site}: {edits} edits per kind (ms; p50 / p95)")
        print(f"{'edit':<10} {'reload event':>16} {'served':>16}")
        for kind, (to_event, to_page) in results.items():
            print(f"{kind:<10} {pct(to_event, 50):>7.0f} / {pct(to_event, 95):<6.0f} {pct(to_page, 50):>7.0f} / {pct(to_page, 95):<6.0f}")
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        proc.terminate()
        proc.wait()


def pick_page(site):
    """A default-language page without a slug in the first section, its URL, its section's URL."""
    content = os.path.join(site, "content")
    for section in sorted(os.listdir(content)):
        folder = os.path.join(content, section)
        if not os.path.isfile(os.path.join(folder, "_index.md")):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if name.endswith(".md") and name.count(".") == 1 and not name.startswith("_"):
                if "\nslug =" not in open(path, encoding="utf-8").read():
                    return path, f"/{section}/{name[:-3]}/", f"/{section}/"
    sys.exit(f"no section page to edit in {content}")


def theme(site):
    m = re.search(r'(?m)^theme = "([^"]+)"', open(os.path.join(site, "site.toml"), encoding="utf-8").read())
    return m.group(1)


def save(path, text):
    """Writes a temporary file beside `path` and renames it over (VS Code, JetBrains, vim)."""
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".bench-tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return time.monotonic()


def open_events(host, port):
    events = socket.create_connection((host, port))
    events.sendall(b"GET /__sito/live HTTP/1.1\r\nHost: x\r\n\r\n")
    events.settimeout(60)
    reader = events.makefile("rb")
    while reader.readline() not in (b"\r\n", b"\n"):
        pass
    return reader


def wait_event(reader):
    while not reader.readline().startswith(b"event: "):
        pass


def pct(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]


def get(host, port, path):
    with socket.create_connection((host, port)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    return b"".join(chunks).decode("utf-8", "replace")


if __name__ == "__main__":
    main()
