// Building the bundled site with the real `sito` binary, and what the tests need
// to know about it (its languages), read from site.toml.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO = path.resolve(HERE, '..', '..');
/** The site to test: $SITE_ROOT (a folder with site.toml), else the bundled microsite. */
export const SITE_ROOT = process.env.SITE_ROOT ? path.resolve(process.env.SITE_ROOT) : REPO;

/** The browser: Debian's Chromium, or $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/**
 * Its command line: headless, nothing fetched in the background and, belt and braces,
 * nothing but 127.0.0.1 can even be resolved (the crawler reports requests to other
 * origins as failures anyway).
 */
export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** The sito binary: $SITO, else the release build in $CARGO_TARGET_DIR or target/. */
export function sitoBinary() {
  if (process.env.SITO) return path.resolve(process.env.SITO);
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(REPO, process.env.CARGO_TARGET_DIR) : path.join(REPO, 'target');
  return path.join(target, 'release', 'sito');
}

/**
 * A fixture site (tests/fixtures/NAME) ready to build in `dir`: its own site.toml and
 * content, with the theme and the i18n files of the site under test copied in, so the run
 * checks the theme as it is now.
 */
export function prepareFixture(name, dir) {
  fs.cpSync(path.join(REPO, 'tests', 'fixtures', name), dir, { recursive: true });
  for (const shared of ['themes', 'i18n']) {
    fs.cpSync(path.join(SITE_ROOT, shared), path.join(dir, shared), { recursive: true });
  }
  return dir;
}

/** Run `sito build` into `outDir` (which must not exist) for `baseUrl`. */
export function buildSite({ outDir, baseUrl, minify = false, root = SITE_ROOT }) {
  const args = ['build', '--root', root, '--output-dir', outDir, '--base-url', baseUrl];
  if (minify) args.push('--minify');
  return new Promise((resolve, reject) => {
    execFile(sitoBinary(), args, { cwd: root, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`sito ${args.join(' ')} failed:\n${stdout}${stderr}`));
      } else {
        resolve((stdout + stderr).trim());
      }
    });
  });
}

/**
 * Languages of the site, from site.toml: { default: "it", codes: ["it", "en"] }, default first.
 * (A deliberately small reader: `default_language = "…"` and `[languages.<code>]` headers.)
 */
export function siteLanguages(root = SITE_ROOT) {
  const toml = fs.readFileSync(path.join(root, 'site.toml'), 'utf8');
  const def = /^\s*default_language\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? 'en';
  const codes = [def];
  for (const m of toml.matchAll(/^\s*\[\[?languages\.([A-Za-z0-9_-]+)[\].]/gm)) {
    if (!codes.includes(m[1])) codes.push(m[1]);
  }
  return { default: def, codes };
}
