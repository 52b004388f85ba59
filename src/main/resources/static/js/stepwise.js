// Enhancements only: every page works without this script.
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the page's meta tags, like any other script.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // Preselect the browser's time zone on sign-up; the server falls back to UTC without it.
  document.addEventListener('DOMContentLoaded', function () {
    var select = document.querySelector('select[data-browser-zone]');
    if (!select || select.dataset.userChosen) {
      return;
    }
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var isSignup = window.location.pathname.endsWith('/signup');
      if (zone && isSignup && select.querySelector('option[value="' + CSS.escape(zone) + '"]')) {
        select.value = zone;
      }
    } catch (ignored) {
      // An old browser keeps the default.
    }
  });
})();
