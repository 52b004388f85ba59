// The colour mode: the visitor's choice kept in this browser (localStorage), or the
// system's. Loaded in the head, before the page paints; the server's HTML is the same
// for everyone, so pages can be cached whatever the choice.
(function () {
  'use strict';

  var KEY = 'stepwise.theme';
  var CHOICES = ['light', 'dark', 'auto'];
  var root = document.documentElement;
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return CHOICES.indexOf(value) >= 0 ? value : 'auto';
    } catch (ignored) {
      // Storage blocked: follow the system.
      return 'auto';
    }
  }

  function store(choice) {
    try {
      if (choice === 'auto') {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, choice);
      }
    } catch (ignored) {
      // Storage blocked: the choice lasts for this page only.
    }
  }

  var choice = stored();

  function apply() {
    var dark = choice === 'dark' || (choice === 'auto' && systemDark !== null && systemDark.matches);
    var theme = dark ? 'dark' : 'light';
    if (root.getAttribute('data-bs-theme') === theme) {
      return;
    }
    // No transitions while the colours change (see stepwise.css): reading a size
    // lays the page out in the new mode at once, before the class goes again.
    root.classList.add('theme-changing');
    root.setAttribute('data-bs-theme', theme);
    void root.offsetHeight;
    window.setTimeout(function () {
      root.classList.remove('theme-changing');
    }, 0);
  }

  function showChoice() {
    var buttons = document.querySelectorAll('[data-theme-choice]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-theme-choice') === choice));
    }
  }

  apply();

  if (systemDark !== null) {
    var follow = function () {
      if (choice === 'auto') {
        apply();
      }
    };
    if (systemDark.addEventListener) {
      systemDark.addEventListener('change', follow);
    } else if (systemDark.addListener) {
      systemDark.addListener(follow);
    }
  }

  // A choice made in another tab counts here too.
  window.addEventListener('storage', function (event) {
    if (event.key === KEY || event.key === null) {
      choice = stored();
      apply();
      showChoice();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var control = document.getElementById('theme-switch');
    if (!control) {
      return;
    }
    control.addEventListener('click', function (event) {
      var button = event.target.closest('[data-theme-choice]');
      if (!button) {
        return;
      }
      choice = button.getAttribute('data-theme-choice');
      store(choice);
      apply();
      showChoice();
    });
    showChoice();
    control.hidden = false;
  });
})();
