/*
 * Networks table: progressive enhancement only. The table is complete without
 * this script; this adds sort buttons in the column headings (with aria-sort)
 * and a filter by theme, announcing the result in a polite live region.
 * Every string comes from data-* attributes written by the template (i18n).
 */
(function () {
  'use strict';

  var root = document.querySelector('[data-networks]');
  if (!root) { return; }
  var table = root.querySelector('[data-networks-table]');
  if (!table || !table.tBodies.length || !table.tHead) { return; }

  var data = root.dataset;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var total = rows.length;
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var statusEl = root.querySelector('[data-networks-status]');
  var emptyEl = root.querySelector('[data-networks-empty]');
  var lang = document.documentElement.lang || undefined;
  var compareText = (window.Intl && Intl.Collator)
    ? new Intl.Collator(lang, { numeric: true, sensitivity: 'base' }).compare
    : function (a, b) { return a < b ? -1 : (a > b ? 1 : 0); };
  var state = { column: -1, direction: 'none', theme: '' };

  function format(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  function themesOf(row) {
    return (row.getAttribute('data-themes') || '').split('|')
      .map(function (t) { return t.trim(); })
      .filter(function (t) { return t !== ''; });
  }

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    // An empty cell (a fact the page does not give) sorts last.
    if (!cell) { return null; }
    var raw = cell.getAttribute('data-sort-value');
    if (raw === null) { raw = cell.textContent; }
    raw = raw.replace(/\s+/g, ' ').trim();
    if (raw === '') { return null; }
    if (type === 'number') {
      // First number in the text: "1986", "2005-10-01", "1.000+", "97 cities".
      var match = raw.match(/\d+(?:[.,\u00a0\u202f ]\d{3})*/);
      return match ? parseInt(match[0].replace(/\D/g, ''), 10) : null;
    }
    return raw;
  }

  function announce(extra) {
    if (!statusEl) { return; }
    var shown = rows.filter(function (r) { return !r.hidden; }).length;
    var text = state.theme
      ? format(data.msgFiltered, { shown: shown, total: total })
      : format(data.msgCount, { total: total });
    statusEl.textContent = extra ? text + ' ' + extra : text;
  }

  /* ---- sorting ---- */

  function sortBy(index, direction) {
    var type = headers[index].getAttribute('data-sort');
    var keyed = rows.map(function (row, position) {
      return {
        row: row,
        position: position,
        value: cellValue(row, index, type)
      };
    });
    keyed.sort(function (a, b) {
      // Rows without a value always go last; ties keep the original order.
      if (a.value === null || b.value === null) {
        if (a.value === b.value) { return a.position - b.position; }
        return a.value === null ? 1 : -1;
      }
      var c = type === 'number' ? a.value - b.value : compareText(a.value, b.value);
      if (direction === 'descending') { c = -c; }
      return c || a.position - b.position;
    });
    keyed.forEach(function (k) { tbody.appendChild(k.row); });

    headers.forEach(function (th, i) {
      if (i === index) { th.setAttribute('aria-sort', direction); } else { th.removeAttribute('aria-sort'); }
    });
    state.column = index;
    state.direction = direction;
    var label = headers[index].querySelector('.sort-button__label');
    var message = direction === 'ascending' ? data.msgSortedAscending : data.msgSortedDescending;
    announce(format(message, { column: (label || headers[index]).textContent.trim() }));
  }

  headers.forEach(function (th, index) {
    if (!th.hasAttribute('data-sort')) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    var label = document.createElement('span');
    label.className = 'sort-button__label';
    while (th.firstChild) { label.appendChild(th.firstChild); }
    var icon = document.createElement('span');
    icon.className = 'sort-button__icon';
    icon.setAttribute('aria-hidden', 'true');
    button.appendChild(label);
    button.appendChild(icon);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var next = (state.column === index && state.direction === 'ascending') ? 'descending' : 'ascending';
      sortBy(index, next);
    });
  });

  // Tell screen reader users, in the caption, that the headings sort the table.
  var caption = table.caption;
  if (caption && data.msgSortHint) {
    var hint = document.createElement('span');
    hint.className = 'visually-hidden';
    hint.textContent = ' ' + data.msgSortHint;
    (caption.querySelector('.networks-table__caption') || caption).appendChild(hint);
  }

  /* ---- filter by theme ---- */

  var byKey = {};
  rows.forEach(function (row) {
    themesOf(row).forEach(function (t) {
      var key = t.toLocaleLowerCase();
      if (!byKey[key]) { byKey[key] = t; }
    });
  });
  var themes = Object.keys(byKey).map(function (k) { return byKey[k]; }).sort(compareText);
  var tools = root.querySelector('[data-networks-tools]');

  if (tools && themes.length > 1) {
    var id = 'networks-theme-filter';
    var wrapper = document.createElement('div');
    wrapper.className = 'filter';
    var labelEl = document.createElement('label');
    labelEl.setAttribute('for', id);
    labelEl.textContent = data.filterLabel;
    var select = document.createElement('select');
    select.id = id;
    var all = document.createElement('option');
    all.value = '';
    all.textContent = data.filterAll;
    select.appendChild(all);
    themes.forEach(function (t) {
      var option = document.createElement('option');
      option.value = t;
      option.textContent = t;
      select.appendChild(option);
    });
    wrapper.appendChild(labelEl);
    wrapper.appendChild(select);
    tools.appendChild(wrapper);

    select.addEventListener('change', function () {
      state.theme = select.value;
      var wanted = state.theme.toLocaleLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !wanted || themesOf(row).some(function (t) { return t.toLocaleLowerCase() === wanted; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (emptyEl) { emptyEl.hidden = shown !== 0; }
      announce('');
    });
  }

  root.classList.add('networks--enhanced');
}());
