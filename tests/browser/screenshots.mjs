#!/usr/bin/env node
// Full-page screenshots of the built microsite with headless Chromium, for
// docs/screenshots/ (linked from the README). Run with `bash tests/browser/run.sh
// --screenshots`, or `node tests/browser/screenshots.mjs [--out DIR]` once sito is built.
//
// Pages: the home, a network page, the networks list (with its timeline) and the 100 Città
// page, in Italian and English, at 1280 px and 375 px wide (plus the site map: --all), and
// the top of the home at 375 px with the menu opened from the keyboard. When pngquant is installed
// (Debian: apt-get install pngquant) the PNGs are quantized, about a third of the size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { buildSite, REPO, CHROMIUM, LAUNCH_ARGS } from './lib/site.mjs';

const argv = process.argv.slice(2);
const outIndex = argv.indexOf('--out');
const OUT = path.resolve(outIndex >= 0 ? argv[outIndex + 1] : path.join(REPO, 'docs', 'screenshots'));
const ALL = argv.includes('--all');
const PNGQUANT = ['/usr/bin/pngquant', '/usr/local/bin/pngquant'].find((f) => fs.existsSync(f));

const PAGES = [
  { name: 'home', it: '', en: 'en/' },
  { name: 'network', it: 'reti/c40/', en: 'en/networks/c40/' },
  { name: 'networks', it: 'reti/', en: 'en/networks/' },
  { name: '100-citta', it: '100-citta/', en: 'en/100-cities/' },
  ...(ALL ? [{ name: 'site-map', it: 'mappa-del-sito/', en: 'en/site-map/' }] : []),
];
const WIDTHS = [1280, 375];

/** A screenshot into OUT (the whole page or the viewport), quantized when pngquant is there. */
async function shoot(page, name, fullPage) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  if (PNGQUANT) {
    try {
      execFileSync(PNGQUANT, ['--quality=70-95', '--speed=1', '--strip', '--force', '--skip-if-larger', '--output', file, file]);
    } catch {
      // 98/99: no smaller file at that quality; the original PNG stays
    }
  }
  console.log(`${path.relative(REPO, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-shots-'));
const outDir = path.join(tmp, 'site');
const server = await startServer({ root: outDir });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...LAUNCH_ARGS, '--hide-scrollbars'] });
try {
  console.log(await buildSite({ outDir, baseUrl: server.base }));
  fs.mkdirSync(OUT, { recursive: true });
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 900 : 812 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const p of PAGES) {
      for (const lang of ['it', 'en']) {
        const url = server.base + p[lang];
        const res = await page.goto(url, { waitUntil: 'load' });
        if (!res || res.status() !== 200) throw new Error(`${url}: HTTP ${res && res.status()}`);
        await page.evaluate(() => document.fonts.ready);
        await shoot(page, `${p.name}-${lang}-${width}.png`, true);
      }
    }
    if (width < 800) {
      for (const lang of ['it', 'en']) {
        await page.goto(server.base + PAGES[0][lang], { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        await page.focus('[data-menu] button');
        await page.keyboard.press('Enter');
        await shoot(page, `menu-${lang}-${width}.png`, false);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
