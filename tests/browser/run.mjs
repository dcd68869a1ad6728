#!/usr/bin/env node
// Real-browser tests of the bundled microsite (issue 8). Run through run.sh, which
// builds sito and installs the npm packages first; see README.md ("Browser tests").
//
// For each run (root, sub-path, minified; then `fixture`, a small site on the same theme
// with every shortcode and paginated lists) it builds the site with the real sito binary
// for a base URL on a free 127.0.0.1 port, serves it with a plain static server
// (lib/server.mjs) and, in headless Chromium:
//   crawl     every page reachable from the home in every language (+ the 404 pages)
//   links     every internal link answers 200 (no redirect), its #fragment exists;
//             canonical, hreflang alternates, sitemap and robots.txt targets too
//   assets    every stylesheet, script, image, icon (and url() in CSS) answers 200,
//             no request fails, none leaves 127.0.0.1
//   console   no console error, no uncaught exception
//   axe       axe-core, WCAG 2.0/2.1 A and AA rules: zero violations
//   html      html-validate (htmlvalidate.json): zero errors on every HTML file
//   lang      <html lang>, hreflang alternates (self, x-default, reciprocal, right
//             language), the language switcher: clicked, lands on the translation
//   keyboard  Tab: the skip link is first and moves focus to <main>; every interactive
//             element is reachable; every focused element is visible and changes look;
//             at 375 px the main menu folds and opens/closes with the keyboard
//   375px     no page scrolls horizontally at 375 px
//   timeline  the networks timeline (SVG) is named by its title and description, which
//             give the same data as its table, and fits its column at 1280 and 375 px
//   search    keyboard only: Tab to the header's search box, type "C40", "cibo" (it) or
//             "food" (en), Enter; results only in that language, axe-clean, the index
//             not fetched before searching nor in another language; Tab to the first
//             result, Enter: it is the expected page, in that language
//   pager     (fixture) Tab to "next", Enter; the last pager, "previous"; aria-current,
//             the links' accessible names, rel="prev"/"next" in the pager and the head,
//             `…/pagina/1/` back to the list
// Prints a table and ends with "N passed, M failed"; exits 1 on any failure.
//
// Options: --runs=root,sub,minified,fixture  --verbose  --keep (keep the built sites)
// Environment: SITO (sito binary), CHROMIUM (browser, default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { startServer } from './lib/server.mjs';
import { buildSite, prepareFixture, siteLanguages, HERE, SITE_ROOT, CHROMIUM, LAUNCH_ARGS } from './lib/site.mjs';
import * as inpage from './lib/inpage.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1280, height: 900 };
const MOBILE = { width: 375, height: 812 };

const argv = process.argv.slice(2);
const opt = (name) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const VERBOSE = !!opt('verbose');
const KEEP = !!opt('keep');
// The microsite at the root, under a sub-path and minified; then `fixture`, a small site on
// the same theme (tests/fixtures/theme-shortcodes) with what the microsite has no real
// material for: every theme shortcode in both languages, a section in three pagers and a
// taxonomy in pagers, crawled with the same checks plus the pager's (PAGERS).
const ALL_RUNS = [
  { name: 'root', prefix: '/', minify: false, axeMobile: true, searches: true },
  { name: 'sub', prefix: '/sub/', minify: false, searches: true },
  { name: 'minified', prefix: '/', minify: true, searches: true },
  { name: 'fixture', prefix: '/', minify: false, axeMobile: true, fixture: 'theme-shortcodes', pagers: true },
];
const wanted = opt('runs')?.split('=')[1]?.split(',');
const RUNS = wanted ? ALL_RUNS.filter((r) => wanted.includes(r.name)) : ALL_RUNS;

// Check names, in table order; each (run, check) pair is one test.
const CHECKS = ['crawl', 'links', 'assets', 'console', 'axe', 'html', 'lang', 'keyboard', '375px', 'timeline', 'search', 'pager'];
// Searched in every run, with the keyboard only, from the header's search box: the first
// result must be this page (path under the site's prefix) in the language searched.
const SEARCHES = [
  { lang: 'it', query: 'C40', first: 'reti/c40/' },
  { lang: 'it', query: 'cibo', first: 'reti/milan-urban-food-policy-pact/' },
  { lang: 'en', query: 'food', first: 'en/networks/milan-urban-food-policy-pact/' },
];

// The paginated lists of the fixture run: the list (path under the prefix), its pagers'
// segment, how many pagers, and the pager's names in that language (i18n `pagination.*`).
const PAGERS = [
  { lang: 'it', list: 'notizie/', segment: 'pagina', count: 3, label: 'Paginazione', name: (n, t) => `Pagina ${n} di ${t}` },
  { lang: 'en', list: 'en/news/', segment: 'page', count: 3, label: 'Pagination', name: (n, t) => `Page ${n} of ${t}` },
  { lang: 'it', list: 'temi/clima/', segment: 'pagina', count: 2, label: 'Paginazione', name: (n, t) => `Pagina ${n} di ${t}` },
  { lang: 'en', list: 'en/topics/climate/', segment: 'page', count: 2, label: 'Pagination', name: (n, t) => `Page ${n} of ${t}` },
];

// The languages of the site under test (the report's columns); each run reads its own.
const LANGS = siteLanguages();
const validator = (file) => new HtmlValidate(new StaticConfigLoader(JSON.parse(fs.readFileSync(path.join(HERE, file), 'utf8'))));
const htmlValidate = validator('htmlvalidate.json');
// --minify writes what minify-html writes: unquoted attribute values, a lower-case
// doctype and `&` left bare where it cannot start a character reference. All three are
// valid HTML; only html-validate's style rules object, so the minified run turns those
// off (and only those): every validity rule stays on.
const htmlValidateMinified = validator('htmlvalidate-minified.json');

function log(...args) {
  if (VERBOSE) console.log(...args);
}

/** One run: build, serve, check. Returns { stats, failures }. */
async function runOne(browser, run, tmp) {
  const LANGS = run.langs;
  const failures = [];
  const fail = (check, where, message) => failures.push({ run: run.name, check, where, message });
  const stats = { pages: {}, links: 0, external: 0, axeIncomplete: 0, types: new Set(), notFound: 0, tabbed: 0, clicks: 0 };

  const outDir = path.join(tmp, run.name);
  const server = await startServer({ root: outDir, prefix: run.prefix });
  const base = server.base;
  const started = Date.now();
  try {
    const buildLog = await buildSite({ outDir, baseUrl: base, minify: run.minify, root: run.root });
    log(`[${run.name}] ${buildLog}`);
  } catch (e) {
    await server.close();
    fail('crawl', 'build', e.message);
    return { stats, failures, base, ms: Date.now() - started };
  }
  const short = (u) => (u && u.startsWith(server.origin) ? u.slice(server.origin.length) : u);
  const langOf = (u) => {
    const rest = new URL(u).pathname.slice(run.prefix.length);
    const first = rest.split('/')[0];
    return LANGS.codes.includes(first) && first !== LANGS.default ? first : LANGS.default;
  };
  const homeOf = (lang) => (lang === LANGS.default ? base : `${base}${lang}/`);
  const isLocal = (u) => u.startsWith(server.origin + '/');

  log(`[${run.name}] built in ${Date.now() - started} ms`);
  // ---- html-validate over every HTML file, exactly as written ----
  const htmlFiles = fs.readdirSync(outDir, { recursive: true }).filter((f) => f.endsWith('.html')).sort();
  for (const f of htmlFiles) {
    const report = await (run.minify ? htmlValidateMinified : htmlValidate).validateFile(path.join(outDir, f));
    for (const r of report.results) {
      for (const m of r.messages) {
        if (m.severity < 2) continue;
        fail('html', `${run.prefix}${f}:${m.line}:${m.column}`, `${m.ruleId}: ${m.message}`);
      }
    }
  }

  log(`[${run.name}] html-validate done at ${Date.now() - started} ms`);
  // ---- HTTP checks (cached per URL) ----
  const fetched = new Map();
  async function httpGet(u) {
    const key = u.split('#')[0];
    if (!fetched.has(key)) {
      fetched.set(
        key,
        (async () => {
          try {
            const res = await fetch(key, { redirect: 'manual' });
            const type = res.headers.get('content-type') || '';
            const body = type.startsWith('text/') || type.includes('xml') || type.includes('json') ? await res.text() : (await res.arrayBuffer(), '');
            return { status: res.status, type, location: res.headers.get('location'), body };
          } catch (e) {
            return { status: 0, type: '', error: String(e), body: '' };
          }
        })(),
      );
    }
    return fetched.get(key);
  }
  const describeStatus = (r) => (r.status === 0 ? r.error : `HTTP ${r.status}${r.location ? ' → ' + r.location : ''}`);

  // ---- the browser ----
  const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', reducedMotion: 'reduce' });
  await context.addInitScript(inpage.installHelpers);
  // axe-core in every document (V8 reuses the compiled script: cheaper than injecting it each time)
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const cdp = await context.newCDPSession(page);
  let current = null; // the page record events are attributed to
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location()?.url || '';
    // The 404 pages are loaded on purpose: their own 404 status is logged as an error.
    if (current?.expect404 && /status of 404/.test(msg.text()) && loc.split('#')[0] === current.url) return;
    // A redirect page (`…/pagina/1/`, sito's, not the theme's) names no icon: Chromium asks
    // for /favicon.ico while it leaves.
    if (current?.redirects && /status of 404/.test(msg.text()) && /\/favicon\.ico$/.test(loc.split('?')[0])) return;
    fail('console', short(current?.url), `console error: ${msg.text()}${loc ? ` (${short(loc)})` : ''}`);
  });
  page.on('pageerror', (err) => {
    fail('console', short(current?.url), `uncaught exception: ${err.message}`);
  });
  page.on('request', (req) => {
    const u = req.url();
    if (/^(data|blob|about|chrome|chrome-extension):/.test(u)) return;
    if (!isLocal(u)) {
      stats.external += 1;
      fail('assets', short(current?.url), `request to another origin: ${u}`);
    }
  });
  page.on('requestfailed', (req) => {
    const u = req.url();
    if (!isLocal(u)) return; // already reported as a request to another origin
    const err = req.failure()?.errorText || 'failed';
    // Cancelled because the page navigated on (a missing file shows as an HTTP error status).
    if (err === 'net::ERR_ABORTED') return;
    fail('assets', short(current?.url), `request failed: ${short(u)} (${err})`);
  });
  page.on('response', (res) => {
    const req = res.request();
    if (res.status() < 400) return;
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return; // checked by the crawler
    fail('assets', short(current?.url), `${short(res.url())}: HTTP ${res.status()}`);
  });

  const records = new Map(); // url → page record
  const queue = [];
  const enqueue = (u, extra = {}) => {
    const key = u.split('#')[0];
    if (!records.has(key)) {
      const rec = { url: key, ...extra };
      records.set(key, rec);
      queue.push(rec);
    }
  };
  enqueue(base);
  for (const code of LANGS.codes) {
    enqueue(`${homeOf(code)}this-page-does-not-exist/`, { expect404: true, lang: code });
  }
  const linkChecks = []; // { from, url, text }
  const representatives = new Set();
  const timing = {};
  let tMark = Date.now();
  const lap = (name) => {
    const now = Date.now();
    timing[name] = (timing[name] || 0) + now - tMark;
    tMark = now;
  };

  while (queue.length) {
    const rec = queue.shift();
    current = rec;
    let response;
    try {
      response = await page.goto(rec.url, { waitUntil: 'load' });
    } catch (e) {
      fail('crawl', short(rec.url), `could not load: ${e.message.split('\n')[0]}`);
      continue;
    }
    const status = response ? response.status() : 0;
    if (rec.expect404) {
      if (status !== 404) fail('links', short(rec.url), `a missing page answers HTTP ${status}, not 404`);
    } else if (status !== 200) {
      fail('links', short(rec.url), `HTTP ${status}`);
      continue;
    }
    if (page.url() !== rec.url) fail('links', short(rec.url), `redirected to ${short(page.url())}`);
    lap('load');
    const info = await page.evaluate(inpage.collect);
    rec.info = info;
    stats.types.add(info.type);
    const where = short(rec.url);
    log(`[${run.name}] ${status} ${where} (${info.lang}, ${info.type})`);

    // links and resources
    for (const l of info.links) {
      if (!l.url || /^(mailto|tel):/.test(l.url)) continue;
      if (/^javascript:/i.test(l.url)) {
        fail('links', where, `javascript: link "${l.text}"`);
        continue;
      }
      if (!isLocal(l.url)) continue;
      if (l.url.split('#')[0] === rec.url && l.href.startsWith('#')) {
        // same-document link: its target must exist here
        const id = decodeURIComponent(l.href.slice(1));
        if (id && !info.ids.includes(id)) {
          fail('links', short(rec.url), `"${l.text}" → ${l.href}: no element with id "${id}"`);
        }
        continue;
      }
      linkChecks.push({ from: rec.url, url: l.url, text: l.text, kind: 'link' });
    }
    for (const h of info.heads) {
      if (!h.url) continue;
      if (!isLocal(h.url)) {
        fail(h.rel.includes('stylesheet') || h.rel.includes('icon') ? 'assets' : 'links', where, `<link rel="${h.rel}"> points outside the site: ${h.href}`);
        continue;
      }
      linkChecks.push({ from: rec.url, url: h.url, text: `<link rel="${h.rel}">`, kind: /stylesheet|icon|preload|manifest|modulepreload/.test(h.rel) ? 'asset' : 'link' });
    }
    for (const u of info.resources) {
      if (!isLocal(u)) {
        fail('assets', where, `resource outside the site: ${u}`);
        continue;
      }
      linkChecks.push({ from: rec.url, url: u, text: 'resource', kind: 'asset' });
    }
    for (const j of info.jsonld) {
      try {
        JSON.parse(j);
      } catch (e) {
        fail('html', where, `invalid JSON-LD: ${e.message}`);
      }
    }
    if (info.mainCount !== 1) fail('html', where, `${info.mainCount} <main> elements`);

    // language: <html lang>, canonical, alternates, switcher links
    const expectedLang = rec.expect404 ? rec.lang : langOf(rec.url);
    if (info.lang !== expectedLang) {
      fail('lang', where, `<html lang="${info.lang}">, expected "${expectedLang}"`);
    }
    rec.lang = expectedLang;
    if (rec.expect404) stats.notFound += 1;
    else stats.pages[expectedLang] = (stats.pages[expectedLang] || 0) + 1;
    const alternates = {};
    for (const h of info.heads.filter((x) => x.rel.split(/\s+/).includes('alternate') && x.hreflang)) {
      if (alternates[h.hreflang]) fail('lang', where, `two alternates for hreflang="${h.hreflang}"`);
      alternates[h.hreflang] = h.url;
      if (h.hreflang !== 'x-default' && !LANGS.codes.includes(h.hreflang)) fail('lang', where, `alternate with unknown hreflang="${h.hreflang}"`);
    }
    rec.alternates = alternates;
    const canonical = info.heads.find((h) => h.rel.split(/\s+/).includes('canonical'));
    if (!rec.expect404) {
      if (!canonical) fail('links', where, 'no <link rel="canonical">');
      else if (canonical.url !== rec.url) fail('links', where, `canonical is ${short(canonical.url)}`);
      if (info.metas['og:url'] && info.metas['og:url'] !== rec.url) fail('links', where, `og:url is ${info.metas['og:url']}`);
      if (Object.keys(alternates).length) {
        if (alternates[expectedLang] !== rec.url) fail('lang', where, `the hreflang="${expectedLang}" alternate is not the page itself (${short(alternates[expectedLang])})`);
        if (!alternates['x-default']) fail('lang', where, 'hreflang alternates without x-default');
        else if (alternates['x-default'] !== alternates[LANGS.default]) fail('lang', where, `x-default (${short(alternates['x-default'])}) is not the ${LANGS.default} version`);
      }
    }
    const switchers = info.links.filter((l) => l.hreflang && !l.inMain);
    const otherLangs = LANGS.codes.filter((c) => c !== expectedLang);
    for (const code of otherLangs) {
      const s = switchers.find((l) => l.hreflang === code);
      if (!s) {
        fail('lang', where, `no language switcher link to "${code}"`);
        continue;
      }
      if (s.lang !== code) fail('lang', where, `switcher link to "${code}" has lang="${s.lang}" (its text is in ${code})`);
      const target = alternates[code] || homeOf(code);
      if (s.url !== target) fail('lang', where, `switcher link to "${code}" goes to ${short(s.url)}, expected ${short(target)}`);
    }
    for (const s of switchers) {
      if (!LANGS.codes.includes(s.hreflang) || s.hreflang === expectedLang) fail('lang', where, `switcher link with hreflang="${s.hreflang}"`);
    }

    lap('collect');
    // One page of each type in each language is the type's representative: there the
    // whole page is tabbed through and the language switcher is clicked.
    const repKey = `${info.type}|${expectedLang}`;
    const representative = !representatives.has(repKey);
    if (representative) representatives.add(repKey);
    const tabAll = representative || /networks/.test(info.type);

    // keyboard: Tab through the whole page (representatives), or to the skip link
    await page.evaluate(inpage.recordFocus);
    const expected = await page.evaluate(inpage.interactive);
    await pressTab(cdp, tabAll ? expected.length + 2 : 1);
    if (tabAll && (await page.evaluate(inpage.unreached)) > 0) {
      // Chromium may also stop on scrollable boxes: keep going a little (focus wraps around).
      await pressTab(cdp, 20);
    }
    const focus = await page.evaluate(inpage.focusReport);
    if (tabAll) stats.tabbed += 1;
    const kb = (msg) => {
      fail('keyboard', where, msg);
    };
    if (!focus.firstHref || focus.firstHref !== `#${info.mainId}`) kb(`the first focusable element is ${focus.first}, not a skip link to #${info.mainId}`);
    else if (!focus.firstVisible) kb('the skip link is not visible when focused');
    if (tabAll) for (const u of focus.unreachable) kb(`not reachable with Tab: ${u}`);
    for (const u of focus.invisible) kb(`focused but not visible: ${u}`);
    for (const u of focus.noIndicator) kb(`no visible focus indicator: ${u}`);
    if (focus.firstHref && (await page.evaluate(inpage.refocusFirst))) {
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement === document.querySelector('main'), null, { timeout: 1000 }).catch(() => {});
      const active = await page.evaluate(inpage.activeInfo);
      if (!active.isMain) kb(`the skip link moves focus to ${active.describe}, not to <main>`);
    } else if (focus.firstHref) {
      kb('the skip link is not visible in the viewport when focused');
    }

    lap('keyboard');
    // the networks table script: sorting with the keyboard and filtering work
    if (info.type === 'section:networks') await checkNetworksScript(page, where, kb);
    if (info.type === 'section:networks') await checkTimeline(page, where, (m) => fail('timeline', where, m));

    lap('networks');
    // axe-core at 1280 px, then the 375 px checks: no horizontal scrolling and, where the
    // run asks for it, axe-core again on the small-screen layout
    const runAxe = async (label) => {
      const axe = await axeRun(page);
      for (const v of axe.violations) {
        for (const n of v.nodes) {
          const summary = n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 200) : '';
          fail('axe', where, `${label}${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}${summary}`);
        }
      }
      stats.axeIncomplete += axe.incomplete.length;
      if (VERBOSE) for (const i of axe.incomplete) for (const n of i.nodes) log(`  axe needs review ${label}${where}: ${i.id} ${n.target.join(' ')} — ${(n.any[0]?.message || '').slice(0, 160)}`);
    };
    await runAxe('');
    lap('axe');
    await page.setViewportSize(MOBILE);
    const over = await page.evaluate(inpage.overflow);
    if (over) {
      fail('375px', where, `scrolls horizontally (content ${over.scrollWidth} px wide in ${over.viewport} px): ${over.culprits.join('; ') || 'no single culprit found'}`);
    }
    if (run.axeMobile) await runAxe('at 375 px: ');
    // the main menu at 375 px: folded behind its button, opened and closed with the keyboard
    if (representative && !rec.expect404) {
      if (await checkMenu(page, cdp, rec.url, where, kb) && run.axeMobile) await runAxe('at 375 px, menu open: ');
      await page.goto(rec.url, { waitUntil: 'load' }); // as loaded again: menu closed
    }
    await page.setViewportSize(DESKTOP);

    lap('375');
    // the language switcher, clicked (on representatives; every page's links were checked above)
    let clicked = 0;
    for (const code of representative ? otherLangs : []) {
      if (clicked++ > 0) await page.goto(rec.url, { waitUntil: 'load' }); // back, for the next language
      const target = rec.expect404 ? homeOf(code) : alternates[code] || homeOf(code);
      const link = page.locator(`a[hreflang="${code}"]:not(main a)`).first();
      if (!(await link.count())) continue;
      try {
        await Promise.all([page.waitForEvent('load'), link.click()]);
      } catch (e) {
        fail('lang', where, `clicking the switcher to "${code}": ${e.message.split('\n')[0]}`);
        continue;
      }
      stats.clicks += 1;
      const landed = page.url();
      const landedLang = await page.evaluate(() => document.documentElement.lang);
      if (landed !== target) fail('lang', where, `the switcher to "${code}" lands on ${short(landed)}, expected ${short(target)}`);
      if (landedLang !== code) fail('lang', where, `the switcher to "${code}" lands on a page with lang="${landedLang}"`);
      if (!rec.expect404 && alternates[code]) {
        const back = await page.evaluate(
          (lang) => document.querySelector(`link[rel~="alternate"][hreflang="${lang}"]`)?.href,
          expectedLang,
        );
        if (back !== rec.url) fail('lang', where, `its "${code}" translation does not point back to it (hreflang="${expectedLang}" → ${short(back)})`);
      }
      // the translation is itself a page to crawl (normally it already is)
      enqueue(landed);
    }

    lap('langclick');
    // follow internal links to more pages (after the HTTP check says it is HTML)
    for (const l of info.links) {
      if (!l.url || !isLocal(l.url)) continue;
      const r = await httpGet(l.url);
      if (r.status === 200 && r.type.startsWith('text/html')) enqueue(l.url);
    }
  }
  lap('follow');
  current = null;
  // ---- search: from the header's box to the first result, with the keyboard only ----
  current = { url: `${base}search/` };
  for (const s of run.searches ? SEARCHES : []) {
    await checkSearch(page, cdp, { ...s, home: homeOf(s.lang), base, short, langOf }, (m) => fail('search', `${s.lang} "${s.query}"`, m));
  }

  // ---- the pagers: followed, named, marked, reached with the keyboard ----
  for (const p of run.pagers ? PAGERS : []) {
    current = { url: `${base}${p.list}`, redirects: true };
    await checkPager(page, cdp, { ...p, base }, (m) => fail('pager', p.list, m));
  }

  await context.close();
  for (const code of LANGS.codes) {
    await checkMenuWithoutScript(browser, homeOf(code), (m) => fail('keyboard', short(homeOf(code)), m));
  }
  log(`[${run.name}] time per step (ms): ${JSON.stringify(timing)}`);

  log(`[${run.name}] browser done at ${Date.now() - started} ms`);
  // ---- every link and asset answers 200; fragments exist ----
  const idsOf = new Map([...records.values()].filter((r) => r.info).map((r) => [r.url, new Set(r.info.ids)]));
  const cssUrls = new Set();
  const reported = new Set();
  for (const c of linkChecks) {
    stats.links += 1;
    const r = await httpGet(c.url);
    const where = short(c.from);
    const key = `${where}|${c.url}`;
    if (reported.has(key)) continue;
    if (r.status !== 200) {
      reported.add(key);
      fail(c.kind === 'asset' ? 'assets' : 'links', where, `${c.text} → ${short(c.url)}: ${describeStatus(r)}`);
      continue;
    }
    const hash = new URL(c.url).hash;
    if (hash && hash.length > 1) {
      const ids = idsOf.get(c.url.split('#')[0]);
      const id = decodeURIComponent(hash.slice(1));
      if (ids && !ids.has(id)) {
        reported.add(key);
        fail('links', where, `${c.text} → ${short(c.url)}: no element with id "${id}"`);
      }
    }
    if (r.type.startsWith('text/css')) cssUrls.add(c.url.split('#')[0]);
  }
  // url(...) inside stylesheets
  for (const css of cssUrls) {
    const { body } = await httpGet(css);
    for (const m of body.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      if (/^(data|#)/.test(m[2])) continue;
      const u = new URL(m[2], css).href;
      stats.links += 1;
      if (!isLocal(u)) {
        stats.external += 1;
        fail('assets', short(css), `url() outside the site: ${u}`);
        continue;
      }
      const r = await httpGet(u);
      if (r.status !== 200) {
        fail('assets', short(css), `url(${m[2]}): ${describeStatus(r)}`);
      }
    }
  }
  // sitemap and robots.txt: every URL answers and was reached by the crawl
  const robots = await httpGet(`${base}robots.txt`);
  const sitemapUrls = [];
  for (const m of robots.body.matchAll(/^sitemap:\s*(\S+)/gim)) sitemapUrls.push(m[1]);
  if (!sitemapUrls.length) sitemapUrls.push(`${base}sitemap.xml`);
  for (const sm of sitemapUrls) {
    const r = await httpGet(sm);
    stats.links += 1;
    if (r.status !== 200) {
      fail('links', 'robots.txt', `sitemap ${short(sm)}: ${describeStatus(r)}`);
      continue;
    }
    for (const m of r.body.matchAll(/(?:<loc>\s*([^<\s]+)\s*<\/loc>|href="([^"]+)")/g)) {
      const u = (m[1] || m[2]).replace(/&amp;/g, '&');
      stats.links += 1;
      if (!isLocal(u)) {
        fail('links', short(sm), `URL outside the site: ${u}`);
        continue;
      }
      const t = await httpGet(u);
      if (t.status !== 200) {
        fail('links', short(sm), `${short(u)}: ${describeStatus(t)}`);
      } else if (!records.has(u.split('#')[0])) {
        fail('crawl', short(sm), `${short(u)} is in the sitemap but no link leads to it`);
      }
    }
  }

  // ---- feeds: announced in the head, linked in the page, Atom ----
  for (const rec of records.values()) {
    if (!rec.info) continue;
    for (const h of rec.info.heads.filter((x) => x.rel.split(/\s+/).includes('alternate') && x.type === 'application/atom+xml')) {
      const where = short(rec.url);
      if (!h.title) fail('links', where, `<link rel="alternate" type="application/atom+xml"> ${short(h.url)} has no title`);
      if (!rec.info.links.some((l) => l.inMain && l.url === h.url)) fail('links', where, `the feed ${short(h.url)} has no visible link in <main>`);
      const r = await httpGet(h.url);
      if (r.status === 200 && !/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(r.body)) {
        fail('links', where, `the feed ${short(h.url)} is not an Atom document`);
      } else if (r.status === 200 && !r.body.includes(`xml:lang="${rec.lang}"`)) {
        fail('links', where, `the feed ${short(h.url)} is not in the page's language (${rec.lang})`);
      }
    }
  }

  // ---- the site map page (one per language) links every page of its language ----
  for (const code of LANGS.codes) {
    const maps = [...records.values()].filter((r) => r.info && !r.expect404 && r.lang === code && r.info.type === 'page:sitemap');
    if (maps.length !== 1) {
      fail('crawl', homeOf(code), `${maps.length} site map pages in "${code}" (a page of type page:sitemap)`);
      continue;
    }
    const listed = new Set(maps[0].info.links.filter((l) => l.inMain).map((l) => l.url.split('#')[0]));
    for (const r of records.values()) {
      if (!r.info || r.expect404 || r.lang !== code) continue;
      // Pager 2 and on (a `<link rel="prev">`) continue a list the site map links.
      if (r.info.heads.some((h) => h.rel.split(/\s+/).includes('prev'))) continue;
      if (!listed.has(r.url)) fail('crawl', short(maps[0].url), `the site map does not list ${short(r.url)}`);
    }
    for (const u of listed) {
      const r = records.get(u);
      if (r?.info && r.lang !== code) fail('crawl', short(maps[0].url), `the site map links ${short(u)}, a page in "${r.lang}"`);
    }
  }

  // ---- hreflang targets: reciprocal and in the right language ----
  for (const rec of records.values()) {
    if (!rec.info || rec.expect404) continue;
    for (const [code, u] of Object.entries(rec.alternates)) {
      if (code === 'x-default') continue;
      const other = records.get(u);
      if (!other || !other.info) {
        fail('lang', short(rec.url), `hreflang="${code}" target ${short(u)} was not reached by the crawl`);
        continue;
      }
      if (other.info.lang !== code) fail('lang', short(rec.url), `hreflang="${code}" target ${short(u)} has lang="${other.info.lang}"`);
      const same = JSON.stringify(Object.entries(other.alternates).sort()) === JSON.stringify(Object.entries(rec.alternates).sort());
      if (!same) fail('lang', short(rec.url), `its alternates differ from those of ${short(u)}`);
    }
  }
  for (const code of LANGS.codes) {
    if (!stats.pages[code]) fail('crawl', base, `no page in "${code}" reached from the home`);
  }

  await server.close();
  return { stats, failures, base, ms: Date.now() - started };
}

/** axe-core's WCAG 2.1 AA results for the page as it is now. */
async function axeRun(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
}

/** Presses Tab until `ok(document.activeElement)` holds (at most `max` times). */
async function tabTo(page, cdp, ok, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(ok)) return true;
    await pressTab(cdp, 1);
  }
  return page.evaluate(ok);
}

/**
 * Searches `query` as a keyboard user would: Tab to the header's search box on the home of
 * `lang`, type, Enter; on the search page, Tab to the first result and Enter. The page
 * must not fetch the index before the search; the results page must pass axe-core; the
 * first result must be `first`, in `lang`, and open there.
 */
async function checkSearch(page, cdp, { lang, query, first, home, base, short, langOf }, fail) {
  const fetchedIndex = [];
  const onRequest = (req) => {
    if (new URL(req.url()).pathname.includes('/pagefind/')) fetchedIndex.push(req.url());
  };
  page.on('request', onRequest);
  try {
    await page.goto(home, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    if (fetchedIndex.length) fail(`the home fetches the search index before anyone searches: ${short(fetchedIndex[0])}`);
    if (!(await tabTo(page, cdp, () => document.activeElement?.id === 'site-search-q'))) {
      fail('Tab never reaches the search box in the header');
      return;
    }
    await page.keyboard.type(query);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    if (!page.url().startsWith(`${home}search/`)) fail(`Enter in the search box went to ${short(page.url())}`);
    const results = await page
      .waitForFunction(() => document.querySelectorAll('#search-results li a').length > 0, null, { timeout: 10000 })
      .then(() => true, () => false);
    if (!results) {
      fail(`no results (status: "${await page.textContent('#search-status')}")`);
      return;
    }
    const status = await page.textContent('#search-status');
    if (!status.includes(query)) fail(`the status line does not name the query: "${status}"`);
    const links = await page.$$eval('#search-results li a', (as) => as.map((a) => a.href));
    for (const u of links) if (langOf(u) !== lang) fail(`a result in another language: ${short(u)}`);
    // Pagefind fetches the wasm and index of the page's language only.
    for (const u of fetchedIndex) {
      const other = ['it', 'en'].filter((c) => c !== lang).find((c) => u.includes(`wasm.${c}.`) || u.includes(`pagefind.${c}_`));
      if (other) fail(`fetched the ${other} index: ${short(u)}`);
    }
    const axe = await axeRun(page);
    for (const v of axe.violations) for (const n of v.nodes) fail(`axe on the results: ${v.id}: ${v.help} — ${n.target.join(' ')}`);
    if (!(await tabTo(page, cdp, () => document.activeElement === document.querySelector('#search-results li a')))) {
      fail('Tab never reaches the first result');
      return;
    }
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    const opened = page.url();
    if (opened !== `${base}${first}`) fail(`the first result opened ${short(opened)}, expected ${short(base + first)}`);
    const htmlLang = await page.getAttribute('html', 'lang');
    if (htmlLang !== lang) fail(`the first result is a page in "${htmlLang}"`);
  } finally {
    page.off('request', onRequest);
  }
}

/**
 * A paginated list, as a reader goes through it: on the first pager, Tab to "next" and
 * Enter; then the last pager's number, then "previous". On each pager: one number marked
 * aria-current="page" and named "Pagina 2 di 3" (the browser's accessible name), the
 * navigation named, `<link rel="prev"/"next">` in the head matching the pager's links and
 * absent at the ends. `…/pagina/1/` must lead back to the list.
 */
async function checkPager(page, cdp, spec, fail) {
  const { list, segment, count, label, name, base } = spec;
  const url = (n) => (n === 1 ? `${base}${list}` : `${base}${list}${segment}/${n}/`);
  const here = (n) => checkPagerState(page, n, { ...spec, url }, fail);
  const follow = async (locator, what) => {
    if ((await locator.count()) !== 1) {
      fail(`no ${what} link`);
      return false;
    }
    await Promise.all([page.waitForEvent('load'), locator.click()]);
    return true;
  };
  await page.goto(url(1), { waitUntil: 'load' });
  if (!(await here(1))) return;
  // Keyboard: Tab from the top of the page reaches "next"; Enter follows it.
  if (!(await tabTo(page, cdp, () => document.activeElement?.matches('nav.pager a[rel~="next"]'), 150))) {
    return fail('Tab never reaches the pager\'s "next" link');
  }
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  if (!(await here(2))) return;
  const nav = page.getByRole('navigation', { name: label, exact: true });
  if (!(await follow(nav.getByRole('link', { name: name(count, count), exact: true }), 'last pager'))) return;
  if (!(await here(count))) return;
  if (!(await follow(nav.locator('a[rel~="prev"]'), '"previous"'))) return;
  if (!(await here(count - 1))) return;
  // The first pager's other address leads back to the list (a meta refresh: no server rule).
  await page.goto(`${base}${list}${segment}/1/`, { waitUntil: 'load' });
  await page.waitForURL(url(1), { timeout: 5000 }).catch(() => {});
  if (page.url() !== url(1)) fail(`${list}${segment}/1/ does not lead to ${url(1)} (at ${page.url()})`);
}

/**
 * Pager `n` of a list, as loaded: its address, the navigation's name, its language, one
 * aria-current link (its own), the "prev"/"next" links in the pager and the head, and a
 * link to every pager under its accessible name. False if there is no pager to check.
 */
async function checkPagerState(page, n, { lang, count, label, name, url }, fail) {
  if (page.url() !== url(n)) {
    fail(`expected pager ${n} (${url(n)}), at ${page.url()}`);
    return false;
  }
  const nav = page.getByRole('navigation', { name: label, exact: true });
  if ((await nav.count()) !== 1) {
    fail(`pager ${n}: no navigation named "${label}"`);
    return false;
  }
  const state = await nav.evaluate((el) => ({
    current: [...el.querySelectorAll('[aria-current]')].map((a) => [a.getAttribute('aria-current'), a.href]),
    prev: el.querySelector('a[rel~="prev"]')?.href ?? null,
    next: el.querySelector('a[rel~="next"]')?.href ?? null,
    headPrev: document.querySelector('link[rel~="prev"]')?.href ?? null,
    headNext: document.querySelector('link[rel~="next"]')?.href ?? null,
    lang: document.documentElement.lang,
  }));
  if (state.lang !== lang) fail(`pager ${n} has lang="${state.lang}"`);
  if (JSON.stringify(state.current) !== JSON.stringify([['page', url(n)]])) {
    fail(`pager ${n}: aria-current should mark its own link once, found ${JSON.stringify(state.current)}`);
  }
  const want = { prev: n > 1 ? url(n - 1) : null, next: n < count ? url(n + 1) : null };
  for (const [rel, inHead] of [['prev', state.headPrev], ['next', state.headNext]]) {
    if (state[rel] !== want[rel]) fail(`pager ${n}: the "${rel}" link goes to ${state[rel]}, expected ${want[rel]}`);
    if (inHead !== want[rel]) fail(`pager ${n}: <link rel="${rel}"> is ${inHead}, expected ${want[rel]}`);
  }
  for (let k = 1; k <= count; k++) {
    const link = nav.getByRole('link', { name: name(k, count), exact: true });
    if ((await link.count()) !== 1) fail(`pager ${n}: no link named "${name(k, count)}"`);
    else if ((await link.evaluate((a) => a.href)) !== url(k)) fail(`pager ${n}: "${name(k, count)}" does not lead to ${url(k)}`);
  }
  return true;
}

/**
 * Press Tab `n` times: real key events sent through the DevTools protocol, pipelined
 * (the browser handles them in order; one round trip per press would be much slower).
 */
async function pressTab(cdp, n) {
  const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
  const sent = [];
  for (let i = 0; i < n; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  }
  await Promise.all(sent);
}

/**
 * The header's menu at 375 px (menu.js): folded, its "Menu" button reached with Tab,
 * Enter opens it (aria-expanded, every link shown, Tab goes on into the list), Escape
 * closes it and gives the focus back to the button. Leaves the menu open (for axe) and
 * returns whether it got that far.
 */
async function checkMenu(page, cdp, url, where, kb) {
  await page.goto(url, { waitUntil: 'load' }); // Tab starts from the top again
  const state = () => page.evaluate(inpage.menuState);
  const bad = (message) => {
    kb(`375 px: ${message}`);
    return false;
  };
  const closed = await state();
  if (!closed) return false;
  if (!closed.hasButton || !closed.buttonShown) return bad('the main menu has no visible "Menu" button');
  if (!closed.controlsList) bad('the "Menu" button\'s aria-controls does not name the menu list');
  if (closed.expanded !== 'false' || closed.linksShown !== 0) {
    return bad(`the menu is not folded on load (aria-expanded=${closed.expanded}, ${closed.linksShown}/${closed.links} links shown)`);
  }
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await pressTab(cdp, 1);
    reached = (await state()).activeIsButton;
  }
  if (!reached) return bad('Tab does not reach the "Menu" button');
  await page.keyboard.press('Enter');
  const open = await state();
  if (open.expanded !== 'true' || open.linksShown !== open.links) {
    return bad(`Enter on "Menu" gives aria-expanded=${open.expanded}, ${open.linksShown}/${open.links} links shown`);
  }
  await pressTab(cdp, 1);
  const next = await state();
  if (!next.activeIsFirstLink) bad(`Tab after opening the menu goes to ${next.active}, not its first link`);
  await page.keyboard.press('Escape');
  const escaped = await state();
  if (escaped.expanded !== 'false' || escaped.linksShown !== 0 || !escaped.activeIsButton) {
    bad(`Escape in the open menu gives aria-expanded=${escaped.expanded}, ${escaped.linksShown} links shown, focus on ${escaped.active}`);
  }
  await page.keyboard.press('Space');
  const again = await state();
  if (again.expanded !== 'true') return bad('Space on "Menu" does not open it');
  return true;
}

/** Without JavaScript the menu is a plain list: every link shown, no dead button. */
async function checkMenuWithoutScript(browser, url, fail) {
  const context = await browser.newContext({ viewport: MOBILE, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const s = await page.evaluate(inpage.menuState).catch((e) => ({ error: e.message.split('\n')[0] }));
    if (!s || s.error) {
      fail(`375 px without JavaScript: no main menu to check${s ? ` (${s.error})` : ''}`);
    } else if (s.buttonShown || s.linksShown !== s.links || !s.links) {
      fail(`375 px without JavaScript: the "Menu" button is ${s.buttonShown ? 'shown' : 'hidden'}, ${s.linksShown}/${s.links} menu links shown`);
    }
  } finally {
    await context.close();
  }
}

/**
 * The networks timeline: an image whose accessible name (as the browser computes it) is its
 * <title> and <desc>, the description and the table beside it giving the same years and
 * networks, and the drawing inside its column at 1280 and 375 px.
 */
async function checkTimeline(page, where, fail) {
  const img = page.locator('svg.joined__chart');
  if ((await img.count()) !== 1) return fail('timeline: no svg.joined__chart on the networks page');
  const data = await img.evaluate((svg) => ({
    role: svg.getAttribute('role'),
    title: svg.querySelector('title')?.textContent.trim() || '',
    desc: svg.querySelector('desc')?.textContent.trim() || '',
    rows: [...document.querySelectorAll('.joined__table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent.trim())),
    caption: document.querySelector('.joined__table caption')?.textContent.trim() || '',
  }));
  const named = page.getByRole('img', { name: `${data.title} ${data.desc}`, exact: true });
  if (data.role !== 'img' || !data.title || (await named.count()) !== 1) {
    fail(`timeline: the image's accessible name is not its title and description (role=${data.role}, title "${data.title}")`);
  }
  if (!data.caption || data.rows.length === 0) fail('timeline: its data table has no caption or no rows');
  const described = data.desc.replace(/\.$/, '').split('; ');
  const tabled = data.rows.map(([year, name]) => `${year}: ${name}`);
  if (JSON.stringify(described) !== JSON.stringify(tabled)) {
    fail(`timeline: the description (${described.join(' | ')}) and the table (${tabled.join(' | ')}) differ`);
  }
  for (const size of [DESKTOP, MOBILE]) {
    await page.setViewportSize(size);
    const fits = await img.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const parent = svg.parentElement.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
      return box.width > 0 && box.right <= parent.right + 0.5 && texts.every((t) => t.right <= box.right + 0.5 && t.left >= box.left - 0.5);
    });
    if (!fits) fail(`timeline: at ${size.width} px the drawing or one of its labels sticks out of its column`);
  }
  await page.setViewportSize(DESKTOP);
}

/** networks.js: the sort buttons sort (aria-sort), the theme filter filters and announces. */
async function checkNetworksScript(page, where, kb) {
  const res = await page.evaluate(() => {
    const table = document.querySelector('[data-networks-table]');
    const button = table && table.querySelector('thead button');
    const select = document.querySelector('[data-networks] select');
    return { buttons: table ? table.querySelectorAll('thead button').length : 0, hasSelect: !!select, hasButton: !!button };
  });
  if (!res.hasButton) return kb('networks table: no sort buttons (did networks.js run?)');
  // Keyboard: focus the first sort button and press Enter twice.
  await page.locator('[data-networks-table] thead button').first().focus();
  await page.keyboard.press('Enter');
  const first = await page.evaluate(() => document.querySelector('[data-networks-table] thead th[aria-sort]')?.getAttribute('aria-sort'));
  await page.keyboard.press('Enter');
  const second = await page.evaluate(() => document.querySelector('[data-networks-table] thead th[aria-sort]')?.getAttribute('aria-sort'));
  if (first !== 'ascending' || second !== 'descending') kb(`networks table: Enter on a sort button gives aria-sort ${first}, then ${second}`);
  if (res.hasSelect) {
    const select = page.locator('[data-networks] select');
    const before = await page.locator('[data-networks-status]').textContent();
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await select.selectOption(values[0]);
    const shown = await page.locator('[data-networks-table] tbody tr:not([hidden])').count();
    const after = await page.locator('[data-networks-status]').textContent();
    if (!(shown > 0) || after === before) kb(`networks table: filtering by "${values[0]}" shows ${shown} rows, status "${after}"`);
    await select.selectOption('');
  }
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sito-browser-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const results = [];
  try {
    for (const run of RUNS) {
      run.root = run.fixture ? prepareFixture(run.fixture, path.join(tmp, `${run.name}-site`)) : SITE_ROOT;
      run.langs = siteLanguages(run.root);
      results.push({ run, ...(await runOne(browser, run, tmp)) });
    }
  } finally {
    await browser.close();
    if (!KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`built sites kept in ${tmp}`);
  }

  // ---- report ----
  // Problem counts: one per failure found (axe: per element; html: per message).
  const headers = ['run', 'base URL', ...LANGS.codes.map((c) => `pages ${c}`), '404', 'links', 'broken', 'assets', 'external', 'console', 'axe', 'html', 'lang', 'keyboard', '375px', 'timeline', 'search', 'pager', 'time'];
  const rows = results.map(({ run, stats, failures, base, ms }) => {
    const n = (check) => failures.filter((f) => f.check === check).length;
    return [
      run.name + (run.minify ? ' (--minify)' : ''),
      base,
      ...LANGS.codes.map((c) => stats.pages[c] || 0),
      stats.notFound,
      stats.links,
      n('links') + n('crawl'),
      n('assets') - stats.external,
      stats.external,
      n('console'),
      n('axe'),
      n('html'),
      n('lang'),
      n('keyboard'),
      n('375px'),
      n('timeline'),
      n('search'),
      n('pager'),
      `${(ms / 1000).toFixed(1)}s`,
    ];
  });
  console.log('');
  console.log(table(rows, headers));
  const types = [...new Set(results.flatMap((r) => [...r.stats.types]))].sort();
  const first = results[0]?.stats;
  console.log(`\npage types: ${types.join(', ')}.`);
  if (first) {
    console.log(`Each run: skip link and 375 px on every page; Tab through every element and a click on the language`);
    console.log(`switcher on one page of each type per language (${first.tabbed} pages, ${first.clicks} clicks; the networks list in each language).`);
  }
  const review = results.reduce((n, r) => n + r.stats.axeIncomplete, 0);
  if (review) console.log(`axe-core left ${review} result(s) for manual review (not failures; --verbose lists them).`);
  console.log('links = links and asset URLs checked; the other columns count problems: broken links (or unreachable pages),');
  console.log('missing assets / failed requests, requests leaving 127.0.0.1, console errors, axe-core violations');
  console.log(`(${AXE_TAGS.join(', ')}; one per element), html-validate errors, and lang / keyboard / 375 px failures.`);

  let passed = 0;
  let failed = 0;
  const allFailures = results.flatMap((r) => r.failures);
  console.log('');
  for (const { run } of results) {
    for (const check of CHECKS) {
      const f = allFailures.filter((x) => x.run === run.name && x.check === check);
      if (f.length) {
        failed += 1;
        console.log(`FAIL ${run.name} ${check} (${f.length})`);
        for (const x of f.slice(0, 25)) console.log(`     ${x.where}: ${x.message}`);
        if (f.length > 25) console.log(`     … and ${f.length - 25} more`);
      } else {
        passed += 1;
        if (VERBOSE) console.log(`ok   ${run.name} ${check}`);
      }
    }
  }
  console.log(`\nbrowser tests: ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
