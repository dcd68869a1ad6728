// A tiny static file server, standing in for "any static host".
//
// - serves `root` under the URL path `prefix` ("/" or "/sub/"), on 127.0.0.1 only;
// - a directory URL serves its index.html; a directory without its trailing slash
//   is redirected (301) to the slashed URL, as most static hosts do;
// - anything else that does not exist gets status 404 with the body of the site's
//   own 404 page: `<prefix><lang>/404.html` for URLs under a language prefix
//   (e.g. /sub/en/…: any first segment that holds a 404.html), else
//   `<prefix>404.html`; outside `prefix` a plain 404;
// - every request is recorded in `server.log` ({ method, path, status }).
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

async function statOrNull(file) {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/**
 * Start a server. Resolves to { port, origin, base, log, close() }.
 * @param {{ root: string, prefix?: string, port?: number }} options
 *   `root` may not exist yet (the site is built after the port is known).
 */
export async function startServer({ root, prefix = '/', port = 0 }) {
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) {
    throw new Error(`prefix must start and end with "/": ${prefix}`);
  }
  const rootDir = path.resolve(root);
  const log = [];

  async function notFound(res, urlPath, method) {
    let page = null;
    if (urlPath.startsWith(prefix)) {
      const first = urlPath.slice(prefix.length).split('/')[0];
      const candidates = /^[A-Za-z0-9_-]+$/.test(first) ? [path.join(first, '404.html'), '404.html'] : ['404.html'];
      for (const c of candidates) {
        const file = path.join(rootDir, c);
        if (await statOrNull(file)) {
          page = file;
          break;
        }
      }
    }
    if (page) {
      const body = await fs.readFile(page);
      res.writeHead(404, { 'content-type': TYPES['.html'], 'content-length': body.length });
      res.end(method === 'HEAD' ? undefined : body);
    } else {
      res.writeHead(404, { 'content-type': TYPES['.txt'] });
      res.end(method === 'HEAD' ? undefined : 'Not found\n');
    }
    return 404;
  }

  async function handle(req, res) {
    const method = req.method || 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return 405;
    }
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    let urlPath;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return 400;
    }
    if (urlPath.includes('\0') || !urlPath.startsWith(prefix)) {
      return notFound(res, urlPath, method);
    }
    const rel = urlPath.slice(prefix.length);
    let file = path.join(rootDir, rel);
    // No escaping the root (path.join has already resolved any "..").
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      return notFound(res, urlPath, method);
    }
    let st = await statOrNull(file);
    if (st && st.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        res.writeHead(301, { location: url.pathname + '/' + url.search });
        res.end();
        return 301;
      }
      file = path.join(file, 'index.html');
      st = await statOrNull(file);
    }
    if (!st || !st.isFile() || path.basename(file).startsWith('.')) {
      return notFound(res, urlPath, method);
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const body = await fs.readFile(file);
    res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(method === 'HEAD' ? undefined : body);
    return 200;
  }

  const server = http.createServer((req, res) => {
    handle(req, res).then(
      (status) => log.push({ method: req.method, path: req.url, status }),
      (err) => {
        log.push({ method: req.method, path: req.url, status: 500 });
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      },
    );
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    port: actualPort,
    origin,
    base: origin + prefix,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
