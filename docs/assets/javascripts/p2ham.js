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

  var pending = 0;
  function schedule() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(labelScrollingTables);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(schedule);
  } else {
    document.addEventListener("DOMContentLoaded", schedule);
  }
  window.addEventListener("resize", schedule);
})();
