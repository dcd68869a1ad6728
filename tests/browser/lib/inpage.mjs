// Functions evaluated inside the page (they must be self-contained).

/** Everything the crawler needs from a loaded page. */
export function collect() {
  const abs = (u) => {
    try {
      return new URL(u, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const srcset = (s) =>
    (s || '')
      .split(',')
      .map((part) => part.trim().split(/\s+/)[0])
      .filter(Boolean)
      .map(abs);
  const main = document.querySelector('main');
  const kind = ([...document.body.classList].find((c) => c.startsWith('kind-')) || 'kind-?').slice(5);
  const modifier = main && [...main.querySelectorAll(':scope > * , :scope > * > *')]
    .flatMap((el) => [...el.classList])
    .find((c) => /^doc--/.test(c));
  const resources = [];
  for (const el of document.querySelectorAll('script[src], img[src], source[src], video[src], audio[src], track[src], iframe[src], embed[src], input[type=image][src]')) {
    resources.push(abs(el.getAttribute('src')));
  }
  for (const el of document.querySelectorAll('object[data]')) resources.push(abs(el.getAttribute('data')));
  for (const el of document.querySelectorAll('video[poster]')) resources.push(abs(el.getAttribute('poster')));
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) resources.push(...srcset(el.getAttribute('srcset')));
  const metas = {};
  for (const m of document.querySelectorAll('meta[property], meta[name]')) {
    metas[m.getAttribute('property') || m.getAttribute('name')] = m.getAttribute('content');
  }
  for (const key of ['og:image', 'og:url', 'twitter:image']) {
    if (metas[key]) resources.push(abs(metas[key]));
  }
  return {
    url: location.href,
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    type: kind + (modifier ? ':' + modifier.slice(5) : ''),
    links: [...document.querySelectorAll('a[href], area[href]')].map((a) => ({
      href: a.getAttribute('href'),
      url: a.href,
      hreflang: a.getAttribute('hreflang'),
      lang: a.getAttribute('lang'),
      inMain: !!a.closest('main'),
      text: a.textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
    })),
    heads: [...document.querySelectorAll('link[href]')].map((l) => ({
      rel: (l.getAttribute('rel') || '').toLowerCase(),
      href: l.getAttribute('href'),
      url: l.href,
      hreflang: l.getAttribute('hreflang'),
      type: l.getAttribute('type'),
      title: l.getAttribute('title'),
    })),
    resources: resources.filter(Boolean),
    metas,
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id).concat([...document.querySelectorAll('a[name]')].map((a) => a.name)),
    jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    mainId: main ? main.id : null,
    mainCount: document.querySelectorAll('main').length,
  };
}

/** Start recording focus changes (element, its box and its focused style). */
export function recordFocus() {
  const sig = (el) => {
    const cs = getComputedStyle(el);
    return [
      cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.outlineOffset, cs.boxShadow, cs.backgroundColor,
      cs.color, cs.textDecorationLine, cs.textDecorationThickness, cs.borderTopColor, cs.borderBottomColor,
      cs.borderBottomWidth, cs.transform,
    ].join('|');
  };
  window.__sig = sig;
  window.__focusLog = [];
  document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target;
      const r = el.getBoundingClientRect();
      window.__focusLog.push({ el, style: sig(el), w: r.width, h: r.height });
    },
    true,
  );
}

/**
 * Installed in every document before its own scripts (context.addInitScript):
 * window.__sitoTest.describe(el), a short description of an element for reports.
 */
export function installHelpers() {
  Object.defineProperty(window, '__sitoTest', {
    enumerable: false,
    value: {
      describe(el) {
        if (!el || el === document) return '(none)';
        let s = el.tagName.toLowerCase();
        if (el.id) s += '#' + el.id;
        else if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
        const href = el.getAttribute && el.getAttribute('href');
        if (href) s += `[href="${href}"]`;
        const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
        if (text) s += ` "${text}"`;
        return s;
      },
    },
  });
}

/** The interactive elements a keyboard user must be able to reach, described. */
export function interactive() {
  const describe = window.__sitoTest.describe;
  // Native controls count even with tabindex="-1" (taking a visible link or button out
  // of the Tab order makes it unreachable); other elements count when tabindex >= 0.
  const native = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, [contenteditable=""], [contenteditable="true"]';
  const list = [...document.querySelectorAll(`${native}, [tabindex]`)].filter(
    (el) =>
      !el.disabled &&
      (el.matches(native) || el.tabIndex >= 0) &&
      !el.closest('[inert]') &&
      el.checkVisibility({ visibilityProperty: true, opacityProperty: false }),
  );
  window.__interactive = list;
  return list.map(describe);
}

/** How many of the interactive elements Tab has not reached yet. */
export function unreached() {
  const reached = new Set((window.__focusLog || []).map((f) => f.el));
  return (window.__interactive || []).filter((el) => !reached.has(el)).length;
}

/** Compare what Tab reached with the interactive elements; check focus visibility. */
export function focusReport() {
  const describe = window.__sitoTest.describe;
  const log = window.__focusLog || [];
  const reachedSet = new Set(log.map((f) => f.el));
  const expected = window.__interactive || [];
  const first = log.length ? log[0].el : null;
  const unreachable = expected.filter((el) => !reachedSet.has(el)).map(describe);
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const invisible = [];
  const noIndicator = [];
  const seen = new Set();
  for (const f of log) {
    if (seen.has(f.el) || f.el === document.body) continue;
    seen.add(f.el);
    if (f.w < 1 || f.h < 1) invisible.push(describe(f.el));
    if (window.__sig(f.el) === f.style) noIndicator.push(describe(f.el));
  }
  return {
    reached: seen.size,
    expected: expected.length,
    unreachable,
    invisible,
    noIndicator,
    first: first ? describe(first) : null,
    firstHref: first ? first.getAttribute('href') : null,
    firstVisible: first ? (() => {
      // Box at the moment it was focused, and inside the viewport.
      const f = log[0];
      return f.w >= 1 && f.h >= 1;
    })() : false,
  };
}

/** Focus the first element Tab reached (the skip link) again. */
export function refocusFirst() {
  const log = window.__focusLog || [];
  if (!log.length) return false;
  log[0].el.focus();
  const r = log[0].el.getBoundingClientRect();
  return r.width >= 1 && r.height >= 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
}

/** What has focus now. */
export function activeInfo() {
  const describe = window.__sitoTest.describe;
  const el = document.activeElement;
  return { tag: el ? el.tagName.toLowerCase() : null, id: el ? el.id : null, isMain: el === document.querySelector('main'), describe: describe(el), hash: location.hash };
}

/** Horizontal overflow at the current viewport width, with the elements that stick out. */
export function overflow() {
  const describe = window.__sitoTest.describe;
  const de = document.documentElement;
  const vw = de.clientWidth;
  const sw = Math.max(de.scrollWidth, document.body.scrollWidth);
  window.scrollTo(10000, window.scrollY);
  const scrolled = window.scrollX;
  window.scrollTo(0, window.scrollY);
  if (sw <= vw && scrolled === 0) return null;
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    let p = el.parentElement;
    let clipped = false;
    while (p && p !== document.body) {
      if (getComputedStyle(p).overflowX !== 'visible') {
        clipped = true;
        break;
      }
      p = p.parentElement;
    }
    if (!clipped) culprits.push(`${describe(el)} (right edge ${Math.round(r.right)} px)`);
    if (culprits.length >= 4) break;
  }
  return { viewport: vw, scrollWidth: sw, scrolled, culprits };
}

/**
 * The header's main menu: its disclosure button (shown or not, aria-expanded), how many of
 * its links are visible, and where the focus is.
 */
export function menuState() {
  const nav = document.querySelector('[data-menu]');
  if (!nav) return null;
  const button = nav.querySelector('button[aria-controls]');
  const list = button ? document.getElementById(button.getAttribute('aria-controls')) : nav.querySelector('ul');
  const links = list ? [...list.querySelectorAll('a')] : [];
  const shown = (el) => !!el && el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0;
  const active = document.activeElement;
  return {
    hasButton: !!button,
    buttonShown: shown(button),
    controlsList: !!list && !!button && list.contains(links[0] || null),
    expanded: button ? button.getAttribute('aria-expanded') : null,
    links: links.length,
    linksShown: links.filter(shown).length,
    activeIsButton: !!button && active === button,
    activeIsFirstLink: links.length > 0 && active === links[0],
    active: window.__sitoTest ? window.__sitoTest.describe(active) : String(active && active.tagName),
  };
}
