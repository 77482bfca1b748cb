// Quick exit, as GOV.UK's "Exit this page" component does it
// (https://design-system.service.gov.uk/components/exit-this-page/).
// The button (a link with rel=noreferrer, so it works without JavaScript) and pressing
// Shift three times, each press within 5 seconds of the last, both cover the page at
// once with a neutral "Memuat…" overlay (announced to screen readers) and then replace
// the current history entry with a neutral site, so Back does not return here.
// Three lights on the button show the Shift presses counted; a status region says the
// same to screen readers. Shift used as a modifier (Shift+A) does not count.
// Nothing is stored.
(function () {
  "use strict";
  var TIMEOUT_MS = 5000;
  var TEXT = {
    two: "Shift: tekan 2 kali lagi untuk keluar.",
    one: "Shift: tekan 1 kali lagi untuk keluar.",
    expired: "Keluar cepat dibatalkan.",
    leaving: "Memuat…",
  };
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  var target = link.href;
  var count = 0;
  var timer = null;
  var clearTimer = null;
  var shiftDown = false;
  var modifierUse = false;
  var lights = buildIndicator();
  var status = buildStatus();
  var overlay = null;

  function element(tag, className) {
    var node = document.createElement(tag);
    node.className = className;
    return node;
  }

  function buildIndicator() {
    var box = element("span", "quick-exit__indicator");
    box.setAttribute("aria-hidden", "true");
    for (var i = 0; i < 3; i++) box.appendChild(element("span", "quick-exit__light"));
    link.appendChild(box);
    return box;
  }

  // Outside the link: a live region inside a link would change the link's name.
  function buildStatus() {
    var span = element("span", "quick-exit__status");
    span.setAttribute("role", "status");
    link.insertAdjacentElement("afterend", span);
    return span;
  }

  function showCount() {
    lights.classList.toggle("quick-exit__indicator--on", count > 0);
    var each = lights.children;
    for (var i = 0; i < each.length; i++) {
      each[i].classList.toggle("quick-exit__light--on", i < count);
    }
  }

  function leave() {
    // Cover first: the page must vanish even if the next site is slow to answer.
    status.textContent = "";
    document.documentElement.classList.add("quick-exit--active");
    overlay = element("div", "quick-exit-overlay");
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    // Text set after insertion: screen readers announce the change more reliably.
    overlay.textContent = TEXT.leaving;
    document.title = "";
    window.location.replace(target);
  }

  function expire() {
    window.clearTimeout(timer);
    timer = null;
    count = 0;
    showCount();
    status.textContent = TEXT.expired;
    clearTimer = window.setTimeout(function () {
      status.textContent = "";
    }, TIMEOUT_MS);
  }

  function countShift() {
    count += 1;
    showCount();
    window.clearTimeout(clearTimer);
    window.clearTimeout(timer);
    if (count >= 3) {
      count = 0;
      timer = null;
      leave();
      return;
    }
    status.textContent = count === 1 ? TEXT.two : TEXT.one;
    timer = window.setTimeout(expire, TIMEOUT_MS);
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
    if (timer) expire();
    if (shiftDown) modifierUse = true;
  });

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var counts = shiftDown && !modifierUse;
    shiftDown = false;
    if (counts) countShift();
  });

  // Coming back through the back/forward cache must not show a covered page.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit--active");
    if (overlay) overlay.remove();
    overlay = null;
    window.clearTimeout(timer);
    window.clearTimeout(clearTimer);
    timer = null;
    count = 0;
    status.textContent = "";
    showCount();
  });
})();
