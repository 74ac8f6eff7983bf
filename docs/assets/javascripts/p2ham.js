/* P2HAM site script: small progressive enhancements on top of Material. No network, no storage. */
(function () {
  "use strict";

  // A wide table scrolls sideways on a phone. When it does, make its scroll box reachable by keyboard and
  // give it a name (WCAG 2.1.1; axe: scrollable-region-focusable). Label text comes from a meta tag that the
  // template fills in the page's language.
  function labelScrollingTables() {
    var meta = document.querySelector('meta[name="p2ham:scroll-table-label"]');
    var label = meta ? meta.getAttribute("content") : "";
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label);
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  // "Share this page": show the copy button (without JavaScript the address can still be selected) and copy the
  // address, saying in the status line whether it worked.
  function enableShareCopy() {
    var buttons = document.querySelectorAll("[data-p2ham-share-copy]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      if (!button.hidden) continue;
      button.hidden = false;
      button.addEventListener("click", copyAddress);
    }
  }

  function copyAddress(event) {
    var button = event.currentTarget;
    var box = button.parentNode;
    var input = box.querySelector("[data-p2ham-share-address]");
    var status = box.querySelector("[data-p2ham-share-status]");
    function say(text) { status.textContent = text; }
    function fallback() {
      input.focus();
      input.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      say(button.getAttribute(done ? "data-copied" : "data-failed"));
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () {
        say(button.getAttribute("data-copied"));
      }, fallback);
    } else {
      fallback();
    }
  }

  // Printing: each link's public address is printed after it (p2ham.css), resolved against the page's canonical
  // address so that a printed sheet names the public page, not a file on this device.
  function markPrintAddresses() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : location.href;
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (!href || href.charAt(0) === "#" || /^(mailto|tel|javascript):/i.test(href)) continue;
      try {
        links[i].setAttribute("data-p2ham-print-href", new URL(href, base).href);
      } catch (e) { /* leave it: CSS prints the raw address of external links */ }
    }
  }
  window.addEventListener("beforeprint", markPrintAddresses);

  var pending = 0;
  function schedule() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(labelScrollingTables);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(schedule);
    window.document$.subscribe(enableShareCopy);
  } else {
    document.addEventListener("DOMContentLoaded", schedule);
    document.addEventListener("DOMContentLoaded", enableShareCopy);
  }
  window.addEventListener("resize", schedule);
})();
