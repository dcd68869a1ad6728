// The search page: Pagefind in the browser, over the index of the page's language (Pagefind
// picks it from <html lang>, so results are never in another language). Nothing is fetched
// until the reader searches (submits the form, or arrives with ?q=…), and only from this
// site. Results are a plain list of links; the status line is announced by screen readers.
// A classic script, not a module: browsers refuse modules from files opened on the computer,
// and this script must still run there to say that search needs the published site.
(() => {
  const form = document.querySelector("form[data-search]");
  const input = form && form.querySelector("input[name=q]");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  let engine = null;
  // This file lives in the site's js/ folder: its parent is the site's root wherever the site
  // is served, at a sub-path too, or as a `--relative` build copied under any folder.
  const root = new URL("../", document.currentScript.src);

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
        // The index holds each page's full path (base path included), so Pagefind must not
        // prepend the bundle's parent folder again (it would, under a sub-path: /sub/sub/…).
        await pagefind.options({ baseUrl: "/" });
        await pagefind.init();
        return pagefind;
      });
    }
    return engine;
  }

  function result(data) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    // The index holds paths under the base path the site was built for: taken from the root
    // this page was served from instead, so that a `--relative` build's results work anywhere.
    const base = form.dataset.base;
    link.href = data.url.startsWith(base) ? new URL(data.url.slice(base.length), root).href : data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.append(link);
    const excerpt = document.createElement("p");
    // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
    excerpt.innerHTML = data.excerpt;
    item.append(heading, excerpt);
    return item;
  }

  async function run(query) {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    if (location.protocol === "file:") {
      // Browsers do not load the search's code from files opened on the computer.
      status.textContent = form.dataset.offline;
      return;
    }
    status.textContent = form.dataset.searching;
    try {
      const pagefind = await load();
      const found = await pagefind.search(query);
      const data = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
      list.replaceChildren(...data.map(result));
      const n = found.results.length;
      const label = n === 0 ? form.dataset.none : n === 1 ? form.dataset.one : `${n} ${form.dataset.many}`;
      status.textContent = `${label} «${query}»`;
    } catch (error) {
      status.textContent = form.dataset.failed;
      console.warn(error);
    }
  }

  if (form) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const url = new URL(location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      run(input.value);
    });
    const initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }
})();
