// Quick exit (issue 3; the GOV.UK "Exit this page" pattern).
// The button (a link with rel=noreferrer, so it works without JavaScript) and pressing
// Shift three times within a few seconds both blank the page at once and then replace
// the current history entry with a neutral site, so Back does not return here.
// Shift used as a modifier (Shift+A) does not count. Nothing is stored.
(function () {
  "use strict";
  var WINDOW_MS = 5000;
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.href;
  var presses = [];
  var shiftDown = false;
  var modifierUse = false;

  function leave() {
    // Hide first: the page must vanish even if the next site is slow to answer.
    document.documentElement.classList.add("quick-exit--active");
    if (document.body) document.body.style.display = "none";
    document.title = "";
    window.location.replace(target);
  }

  link.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    leave();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftDown = true;
        modifierUse = false;
      }
      return;
    }
    // Any other key breaks the sequence, and marks a held Shift as a modifier.
    presses = [];
    if (shiftDown) modifierUse = true;
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var counts = shiftDown && !modifierUse;
    shiftDown = false;
    if (!counts) return;
    var now = Date.now();
    presses = presses.filter(function (t) {
      return now - t < WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  });

  // Coming back through the back/forward cache must not show a blanked page.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit--active");
    if (document.body) document.body.style.display = "";
  });
})();
