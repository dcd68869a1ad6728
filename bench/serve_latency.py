#!/usr/bin/env python3
"""Edit-to-reload latency of `sito serve` on a generated corpus.

Usage: bench/serve_latency.py SITE_DIR [EDITS]

Starts `target/release/sito serve --port 0 --root SITE_DIR`, subscribes to the live-reload
event stream, then EDITS times (default 20) appends a sentence to one page's text and
measures (a) save → reload event and (b) save → the new text served. Prints each run and
the median. The page is restored at the end. Only talks to 127.0.0.1.
"""
import os, re, socket, statistics, subprocess, sys, time

def main():
    site = sys.argv[1]
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    sito = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "sito")
    proc = subprocess.Popen([sito, "serve", "--port", "0", "--root", site], stdout=subprocess.PIPE, text=True)
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
        events = socket.create_connection((host, int(port)))
        events.sendall(b"GET /__sito/live HTTP/1.1\r\n\r\n")
        events.settimeout(30)
        reader = events.makefile("rb")
        while reader.readline() not in (b"\r\n", b"\n"):
            pass
        page = next(p for p in sorted(os.listdir(os.path.join(site, "content", "s0001"))) if p.startswith("p") and p.endswith(".md") and ".en." not in p)
        path = os.path.join(site, "content", "s0001", page)
        url = "/s0001/" + page[:-3] + "/"
        original = open(path, encoding="utf-8").read()
        to_event, to_page = [], []
        try:
            for i in range(edits):
                marker = f"Modifica numero {i} {time.time_ns()}."
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original + "\n" + marker + "\n")
                saved = time.monotonic()
                while True:
                    line = reader.readline()
                    if line.startswith(b"event: reload"):
                        break
                to_event.append((time.monotonic() - saved) * 1000)
                while marker not in get(host, int(port), url):
                    time.sleep(0.002)
                to_page.append((time.monotonic() - saved) * 1000)
                print(f"edit {i + 1}: reload event after {to_event[-1]:.0f} ms, new page served after {to_page[-1]:.0f} ms")
                time.sleep(0.3)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        print(f"median: reload event {statistics.median(to_event):.0f} ms, new page {statistics.median(to_page):.0f} ms "
              f"(includes the watcher's 30 ms debounce)")
    finally:
        proc.terminate()
        proc.wait()

def get(host, port, path):
    with socket.create_connection((host, port)) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        chunks = []
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    return b"".join(chunks).decode("utf-8", "replace")

if __name__ == "__main__":
    main()
