// One history entry per visit. A quick exit replaces only the page it is pressed on
// (https://designsystem.gov.scot/components/hide-this-page/ says so of its own button);
// every earlier page of the visit would still be one Back press away. So, when the site
// settings ask for it (<meta name="site-history" content="replace">), moving between the
// site's own pages replaces the current history entry instead of adding one: after a
// quick exit, Back lands on whatever was open before the site. Pages offer their own way
// back (breadcrumbs), so nothing is stored. Downloads (contact cards, PDFs), other sites
// and links opened in a new tab keep the browser's normal behaviour.
// Loaded with `async` in <head>: the listeners sit on `document`, so they work from the
// first click, before the rest of the page has arrived.
(function () {
  "use strict";
  var setting = document.querySelector('meta[name="site-history"]');
  if (!setting || setting.content !== "replace") return;

  // A site page ends in "/" or ".html"; anything else (.vcf, .pdf, .png) is a file.
  function isSitePage(url) {
    if (url.origin !== window.location.origin) return false;
    var last = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
    return last === "" || /\.html?$/.test(last);
  }

  function plainClick(event) {
    return !(
      event.defaultPrevented ||
      event.button !== 0 ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey ||
      event.altKey
    );
  }

  document.addEventListener("click", function (event) {
    if (!plainClick(event) || !event.target.closest) return;
    var link = event.target.closest("a[href]");
    if (!link || link.hasAttribute("download")) return;
    if (link.target && link.target !== "_self") return;
    var url = new URL(link.href, window.location.href);
    if (!isSitePage(url)) return;
    event.preventDefault();
    // Also for same-page anchors (#jam): a fragment entry is a history entry too.
    window.location.replace(url.href);
  });

  // A GET form of the site (none today but a fork may add one) is a move between pages.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "get").toLowerCase() !== "get") return;
    var url = new URL(form.action, window.location.href);
    if (!isSitePage(url)) return;
    event.preventDefault();
    url.search = new URLSearchParams(new FormData(form)).toString();
    window.location.replace(url.href);
  });

  // Material's instant navigation (theme feature navigation.instant, with its bundle)
  // moves between pages with pushState: make each such move a replacement too.
  var replace = window.history.replaceState.bind(window.history);
  window.history.pushState = function (state, title, url) {
    replace(state, title, url);
  };
})();
