#!/usr/bin/env node
// Page weight: what headless Chromium downloads for a few typical pages of the built
// microsite (a cold cache for each page), by kind — HTML, CSS, JS, fonts, images — in
// bytes as served and gzipped (what a static host that compresses text would send;
// woff2 and images are already compressed, so they count as served).
// Run with `bash tests/browser/run.sh --weight` (numbers for docs/performance.md), or
// `node tests/browser/weight.mjs [--minify]` once sito is built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { buildSite, CHROMIUM, LAUNCH_ARGS } from './lib/site.mjs';

const MINIFY = process.argv.includes('--minify');
const PAGES = ['', 'reti/', 'reti/c40/', '100-citta/', 'search/', 'en/', 'en/networks/c40/'];
const KINDS = ['html', 'css', 'js', 'font', 'image'];

function kindOf(url, type) {
  if (/\.woff2?$/.test(url) || type.startsWith('font/')) return 'font';
  if (type.includes('css')) return 'css';
  if (type.includes('javascript')) return 'js';
  if (type.startsWith('image/')) return 'image';
  return 'html';
}

const kib = (n) => (n / 1024).toFixed(1);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-weight-'));
const outDir = path.join(tmp, 'site');
const server = await startServer({ root: outDir });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
try {
  await buildSite({ outDir, baseUrl: server.base, minify: MINIFY });
  console.log(`page weight${MINIFY ? ' (--minify)' : ''}: KiB as served / gzipped, cold cache, 1280 px`);
  console.log(['page', ...KINDS, 'CSS+JS+fonts', 'font and script files'].map((h) => h.padEnd(h === 'page' ? 20 : 14)).join(''));
  for (const p of PAGES) {
    // a fresh context per page: nothing cached from the page before
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const got = [];
    page.on('response', (res) => got.push(res));
    await page.goto(server.base + p, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const sum = Object.fromEntries(KINDS.map((k) => [k, { raw: 0, gz: 0 }]));
    const files = [];
    for (const res of got) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      const k = kindOf(res.url(), res.headers()['content-type'] || '');
      const text = k === 'html' || k === 'css' || k === 'js' || /svg/.test(res.headers()['content-type'] || '');
      sum[k].raw += body.length;
      sum[k].gz += text ? zlib.gzipSync(body, { level: 6 }).length : body.length;
      if (k === 'font' || k === 'js') files.push(path.basename(new URL(res.url()).pathname));
    }
    const budget = ['css', 'js', 'font'].reduce((a, k) => ({ raw: a.raw + sum[k].raw, gz: a.gz + sum[k].gz }), { raw: 0, gz: 0 });
    const cell = (s) => `${kib(s.raw)}/${kib(s.gz)}`.padEnd(14);
    console.log(`/${p}`.padEnd(20) + KINDS.map((k) => cell(sum[k])).join('') + cell(budget) + files.sort().join(' '));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
