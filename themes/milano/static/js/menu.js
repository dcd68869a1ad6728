/*
 * Main menu on small screens: progressive enhancement of the header's <nav data-menu>.
 * Without this script the menu is a plain, always visible list. With it, the "Menu"
 * button appears (CSS shows it on narrow screens only) and folds the list away: a
 * disclosure button (aria-expanded, aria-controls); Escape closes it and returns focus.
 */
(function () {
  'use strict';

  var nav = document.querySelector('[data-menu]');
  var button = nav && nav.querySelector('button[aria-controls]');
  if (!button) { return; }

  function setOpen(open) {
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  button.addEventListener('click', function () {
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
  nav.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
  setOpen(false);
  button.hidden = false;
}());
