/* P2HAM presentation view: one slide (a module's ## section) at a time. Keys: Right, Page Down or Space for
   the next slide; Left, Page Up or Shift+Space for the previous one (presenter clickers send these); Home and
   End; N shows or hides the trainer's notes; Escape goes back to the module's page. The address carries the
   slide (#slide-5), so a slide can be linked to directly. No network, no storage. */
(function () {
  "use strict";

  var deck = document.querySelector("[data-p2ham-presentation]");
  var bar = document.querySelector("[data-p2ham-present-bar]");
  if (!deck || !bar) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".p2ham-slide"));
  if (!slides.length) return;

  var position = bar.querySelector("[data-p2ham-present-position]");
  var back = bar.querySelector("[data-p2ham-present-back]");
  var buttons = {
    previous: bar.querySelector('[data-p2ham-present="previous"]'),
    next: bar.querySelector('[data-p2ham-present="next"]'),
    notes: bar.querySelector('[data-p2ham-present="notes"]')
  };
  var current = -1;

  document.documentElement.classList.add("p2ham-presenting");
  deck.setAttribute("data-notes", "hidden");
  for (var name in buttons) buttons[name].hidden = false;
  bar.querySelector("[data-p2ham-present-keys]").hidden = false;

  function headingOf(slide) {
    return slide.querySelector("h1, h2");
  }

  function show(index, moveFocus) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) return;
    current = index;
    for (var i = 0; i < slides.length; i++) slides[i].hidden = i !== index;
    var heading = headingOf(slides[index]);
    // The position only: focus moves to the slide's heading, which a screen reader reads next (saying the
    // title here too would announce it twice).
    position.textContent = bar.getAttribute("data-position-label") + " " + (index + 1) + " " +
      bar.getAttribute("data-of") + " " + slides.length;
    buttons.previous.disabled = index === 0;
    buttons.next.disabled = index === slides.length - 1;
    var hash = "#slide-" + (index + 1);
    if (location.hash !== hash) history.replaceState(null, "", hash);
    window.scrollTo(0, 0);
    if (moveFocus && heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }

  function fromAddress() {
    var match = /^#slide-(\d+)$/.exec(location.hash);
    if (match) return parseInt(match[1], 10) - 1;
    if (location.hash.length > 1) {  // an anchor inside a slide (a heading's permalink)
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      for (var i = 0; target && i < slides.length; i++) if (slides[i].contains(target)) return i;
    }
    return 0;
  }

  function toggleNotes() {
    var shown = deck.getAttribute("data-notes") !== "shown";
    deck.setAttribute("data-notes", shown ? "shown" : "hidden");
    buttons.notes.setAttribute("aria-pressed", shown ? "true" : "false");
  }

  buttons.previous.addEventListener("click", function () { show(current - 1, false); });
  buttons.next.addEventListener("click", function () { show(current + 1, false); });
  buttons.notes.addEventListener("click", toggleNotes);

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    if (document.documentElement.querySelector("[data-md-toggle=search]:checked")) return;  // search is open
    var onControl = tag === "BUTTON" || tag === "A" || tag === "SUMMARY";
    switch (event.key) {
      case "ArrowRight": case "PageDown": show(current + 1, true); break;
      case "ArrowLeft": case "PageUp": show(current - 1, true); break;
      case " ":
        if (onControl) return;
        show(current + (event.shiftKey ? -1 : 1), true);
        break;
      case "Home": show(0, true); break;
      case "End": show(slides.length - 1, true); break;
      case "n": case "N": toggleNotes(); break;
      case "Escape": window.location.href = back.href; break;
      default: return;
    }
    event.preventDefault();
  });
  window.addEventListener("hashchange", function () { show(fromAddress(), true); });

  show(fromAddress(), false);
})();
