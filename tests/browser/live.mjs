// The preview in a real browser (issue 12): `sito serve` started from a copy of the bundled
// site's folder, no --root, and an open tab that must follow every save:
//   styles    a stylesheet edit swaps the styles without reloading the page
//   reload    a text edit reloads the page and shows the new text
//   overlay   a broken edit shows the error overlay over the last good page; its Close
//             button has the focus, Escape and the button hide it, the next build shows it
//             again, axe-core (WCAG 2.1 A/AA) finds nothing wrong with it, and a fix clears it
// Ends with "N passed, M failed"; exits 1 on any failure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, LAUNCH_ARGS, REPO, sitoBinary } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAGE = '/reti/c40/';

function copySite(to) {
  for (const part of ['content', 'themes', 'i18n', 'static', 'site.toml']) {
    const from = path.join(REPO, part);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(to, part), { recursive: true });
  }
}

/** Starts `sito serve --port 0` in `dir`; resolves with its address once it listens. */
function serve(dir) {
  const child = spawn(sitoBinary(), ['serve', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // The errors it reports for the broken edits are expected: shown only if a check fails.
  child.errors = '';
  child.stderr.on('data', (chunk) => { child.errors += chunk; });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = / at (http:\/\/[^/]+\/)/.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`sito serve exited (${code}):\n${out}`)));
  });
}

function edit(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} lacks ${from}`);
  // Saved the way most editors do: a temporary file renamed over the original.
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  fs.writeFileSync(tmp, text.replace(from, to));
  fs.renameSync(tmp, file);
}

const overlayShown = () => {
  const o = document.getElementById('sito-error-overlay');
  return !!o && !o.hidden && o.getBoundingClientRect().height > 0;
};

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-live-'));
  copySite(dir);
  const { child, base } = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const results = [];
  const check = async (name, fn) => {
    try {
      await fn();
      results.push([name, 'ok']);
    } catch (e) {
      results.push([name, `FAILED: ${e.message.split('\n')[0]}`]);
    }
  };
  try {
    const page = await browser.newPage();
    await page.goto(base + PAGE.slice(1));
    await page.waitForFunction(() => window.EventSource !== undefined);
    await page.evaluate(() => { window.sitoStillHere = true; });
    const css = path.join(dir, 'themes/milano/static/css/site.css');
    await check('styles', async () => {
      fs.appendFileSync(css, '\nbody { border-top: 7px solid rgb(1, 2, 3) !important; }\n');
      await page.waitForFunction(() => getComputedStyle(document.body).borderTopWidth === '7px', null, { timeout: 15000 });
      if (!(await page.evaluate(() => window.sitoStillHere === true))) throw new Error('the page was reloaded');
    });
    const md = path.join(dir, 'content/reti/c40.md');
    await check('reload', async () => {
      edit(md, '## Che cos\'è', '## Che cos\'è davvero');
      await page.waitForFunction(() => document.body.textContent.includes('davvero'), null, { timeout: 15000 });
      if (await page.evaluate(() => window.sitoStillHere === true)) throw new Error('the page was not reloaded');
    });
    await check('overlay', async () => {
      edit(md, 'title = "', 'title = ');
      await page.waitForFunction(overlayShown, null, { timeout: 15000 });
      const focused = await page.evaluate(() => document.activeElement?.id);
      if (focused !== 'sito-error-overlay-close') throw new Error(`focus is on ${focused}, not the Close button`);
      await page.evaluate(AXE_SOURCE);
      const axe = await page.evaluate(() => window.axe.run('#sito-error-overlay', {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'],
      }));
      if (axe.violations.length) throw new Error(`axe: ${axe.violations.map((v) => v.id).join(', ')}`);
      await page.keyboard.press('Escape');
      if (await page.evaluate(overlayShown)) throw new Error('Escape did not hide the overlay');
      // Still broken, differently: the next build shows the overlay again.
      edit(md, 'description = "', 'description = ');
      await page.waitForFunction(overlayShown, null, { timeout: 15000 });
      await page.click('#sito-error-overlay-close');
      if (await page.evaluate(overlayShown)) throw new Error('the Close button did not hide the overlay');
      edit(md, 'title = ', 'title = "');
      edit(md, 'description = ', 'description = "');
      await page.waitForFunction(() => !document.getElementById('sito-error-overlay') && document.body.textContent.includes('davvero'),
        null, { timeout: 15000 });
    });
  } finally {
    await browser.close();
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const [name, result] of results) console.log(`${name.padEnd(8)} ${result}`);
  const failed = results.filter(([, r]) => r !== 'ok').length;
  if (failed) console.log(`sito serve said:\n${child.errors}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
