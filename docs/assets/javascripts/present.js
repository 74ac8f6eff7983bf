/* P2HAM presentation: the window the room sees (overrides/p2ham-presentation.html) and the speaker view
   (overrides/p2ham-speaker.html), one slide at a time.

   Keys, in both windows: Right, Page Down or Space for the next slide; Left, Page Up or Shift+Space for the
   previous one (presenter clickers send these); Home and End. In the projected window F (or its button) goes full
   screen and Escape leaves full screen, then goes back to the module's page; S (or its button) opens the speaker
   view in a second window. The speaker view shows the current and next slide, the section's trainer's notes, its
   planned minutes against the time it has taken, the time since the start and a clock; S (or its button) opens the
   presentation window from there. The address carries the slide (#slide-5, #slide-3b), so a slide can be linked to.

   The two windows stay on the same slide whichever is driven: each tells the other with postMessage, through the
   reference window.open gave or window.opener, which works from a folder (file://) too, where every page is an
   origin of its own. A message carries only the slide's label, never the notes. A window that was reloaded finds
   its partner again from the partner's heartbeat. No network, no storage. */
(function () {
  "use strict";

  var deck = document.querySelector("[data-p2ham-deck]");
  if (!deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".p2ham-slide"));
  if (!slides.length) return;
  var speaker = deck.getAttribute("data-p2ham-deck") === "speaker";
  var deckId = deck.getAttribute("data-p2ham-deck-id");
  var labels = slides.map(function (slide) { return slide.getAttribute("data-p2ham-slide"); });
  var position = document.querySelector("[data-p2ham-present-position]");
  var place = document.querySelector("[data-p2ham-present-place]"); // in the projected window's bar only
  var back = document.querySelector("[data-p2ham-present-back]");
  var bar = document.querySelector("[data-p2ham-present-bar]");
  var buttons = {};
  ["previous", "next", "fullscreen", "partner", "restart"].forEach(function (name) {
    buttons[name] = document.querySelector('[data-p2ham-present="' + name + '"]');
  });
  var current = -1;
  var partner = null;  // the other window: opened from here, or the one that opened this one
  var heard = 0;  // when a message from it last arrived (each window sends one every second)
  var synced = false;  // this window knows the slide the pair is on

  function clamp(index) {
    return Math.max(0, Math.min(slides.length - 1, index));
  }

  function fromAddress() {
    var match = /^#slide-([0-9]+[a-z]?)$/.exec(location.hash);
    if (match) {
      var found = labels.indexOf(match[1]);
      if (found < 0) found = labels.indexOf(match[1] + "a");  // #slide-3: the first slide of section 3
      if (found >= 0) return found;
    }
    if (location.hash.length > 1) {  // an anchor inside a slide (a section's heading)
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      for (var i = 0; target && i < slides.length; i++) if (slides[i].contains(target)) return i;
    }
    return 0;
  }

  function show(index, how) {
    index = clamp(index);
    if (index === current) return;
    current = index;
    for (var i = 0; i < slides.length; i++) slides[i].toggleAttribute("data-current", i === index);
    deck.setAttribute("data-ready", "");
    // The position only: in the projected window the focus moves to the slide's heading, which a screen reader
    // reads next (saying the title here too would announce it twice).
    position.textContent = deck.getAttribute("data-position-label") + " " + labels[index] + " " +
      deck.getAttribute("data-of") + " " + labels[labels.length - 1];
    if (place) place.textContent = labels[index] + " / " + labels[labels.length - 1];
    buttons.previous.disabled = index === 0;
    buttons.next.disabled = index === slides.length - 1;
    var hash = "#slide-" + labels[index];
    if (location.hash !== hash) history.replaceState(null, "", hash);
    if (speaker) {
      speakerShow();
    } else if (how.focus) {
      var heading = slides[index].querySelector("h1, h2");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    }
    if (!how.remote) tell("slide");
  }

  // --- the other window ------------------------------------------------------------------------------------------

  function tell(kind) {
    if (!partner || partner.closed) return;
    try {
      // "*": a page opened from a folder has no origin to name; the message is only a slide's label.
      partner.postMessage({ p2ham: kind, deck: deckId, slide: labels[current] }, "*");
    } catch (error) { /* the window went away */ }
  }

  function connected() {
    return partner !== null && !partner.closed && Date.now() - heard < 3000;
  }

  function status() {
    var node = document.querySelector('[data-p2ham-speaker="status"]');
    if (!node) return;
    var text = node.getAttribute(connected() ? "data-connected" : "data-alone");
    if (node.textContent !== text) node.textContent = text;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.deck !== deckId || !event.source || event.source === window) return;
    var fresh = partner !== event.source || !connected();
    partner = event.source;
    heard = Date.now();
    if (data.p2ham === "slide") {
      synced = true;
      var found = labels.indexOf(data.slide);
      if (found >= 0) show(found, { remote: true });
    } else if (data.p2ham === "hello") {  // the other window has just opened: it takes this one's slide
      synced = true;
      tell("slide");
    } else if (data.p2ham === "here" && fresh && !synced) {  // found again after this window was reloaded
      tell("hello");
    }
    status();
  });

  function openPartner() {
    if (connected()) {
      partner.focus();
      return;
    }
    var url = deck.getAttribute("data-p2ham-partner") + "#slide-" + labels[current];
    var name = ("p2ham-" + (speaker ? "presentation-" : "speaker-") + deckId).replace(/[^A-Za-z0-9-]/g, "-");
    var opened = window.open(url, name, speaker ? "popup" : "popup,width=1100,height=720");
    if (opened) partner = opened;
  }

  // --- full screen, and the controls that keep out of sight -----------------------------------------------------

  var root = document.documentElement;
  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (root.requestFullscreen) root.requestFullscreen().catch(function () { /* refused: stays windowed */ });
  }
  if (buttons.fullscreen) {
    if (!root.requestFullscreen) buttons.fullscreen.hidden = true;
    buttons.fullscreen.addEventListener("click", toggleFullscreen);
    document.addEventListener("fullscreenchange", function () {
      buttons.fullscreen.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false");
    });
  }
  var resting;
  function wake() {
    if (!bar) return;
    bar.setAttribute("data-active", "");
    clearTimeout(resting);
    resting = setTimeout(function () { bar.removeAttribute("data-active"); }, 2500);
  }
  document.addEventListener("pointermove", wake);
  document.addEventListener("pointerdown", wake);

  // --- the speaker view: current and next slide, notes, time ----------------------------------------------------

  var frames = {
    current: document.querySelector('[data-p2ham-frame="current"]'),
    next: document.querySelector('[data-p2ham-frame="next"]')
  };
  var notesPanel = document.querySelector("[data-p2ham-notes-panel]");
  var notes = Array.prototype.slice.call(deck.querySelectorAll("[data-p2ham-notes-for]"));
  var shown = {};
  ["label", "clock", "elapsed", "spent", "planned", "schedule"].forEach(function (name) {
    shown[name] = document.querySelector('[data-p2ham-speaker="' + name + '"]');
  });
  var groups = [];  // each section's planned minutes, in order; a slide belongs to one
  var groupOf = slides.map(function (slide) {
    var group = slide.getAttribute("data-p2ham-group");
    if (slide.hasAttribute("data-minutes")) groups.push({ id: group, minutes: +slide.getAttribute("data-minutes") });
    return group;
  });
  var started = Date.now();
  var spent = {};  // milliseconds spent in each group before it was last entered
  var group = null;
  var enteredAt = started;

  function copy(node) {  // a slide or notes shown in a frame: no id, so none is there twice; the text's language
    var clone = node.cloneNode(true);
    if (deck.hasAttribute("lang")) clone.setAttribute("lang", deck.getAttribute("lang"));
    [clone].concat(Array.prototype.slice.call(clone.querySelectorAll("[id]"))).forEach(function (element) {
      element.removeAttribute("id");
      element.removeAttribute("aria-labelledby");
    });
    return clone;
  }

  function paragraph(text) {
    var node = document.createElement("p");
    node.textContent = text;
    return node;
  }

  function clock(milliseconds, withHours) {
    var seconds = Math.max(0, Math.floor(milliseconds / 1000));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor(seconds / 60) % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var rest = pad(seconds % 60);
    return withHours ? hours + ":" + pad(minutes) + ":" + rest : (hours * 60 + minutes) + ":" + rest;
  }

  function plannedEnd(id) {  // minutes from the start by the end of a group
    var total = 0;
    for (var i = 0; i < groups.length; i++) {
      total += groups[i].minutes;
      if (groups[i].id === id) break;
    }
    return total;
  }

  function tick() {
    var now = Date.now();
    shown.clock.textContent = new Date(now).toLocaleTimeString(root.lang, { hour: "2-digit", minute: "2-digit" });
    shown.elapsed.textContent = clock(now - started, true);
    var here = group === null ? 0 : (spent[group] || 0) + now - enteredAt;
    var planned = 0;
    for (var i = 0; i < groups.length; i++) if (groups[i].id === group) planned = groups[i].minutes;
    shown.spent.textContent = clock(here, false);
    shown.planned.textContent = String(planned);
    shown.spent.classList.toggle("is-over", planned > 0 && here > planned * 60000);
    var end = plannedEnd(group);
    shown.schedule.textContent = Math.floor(end / 60) + ":" + (end % 60 < 10 ? "0" : "") + end % 60;
    shown.schedule.classList.toggle("is-over", now - started > end * 60000);
    status();
  }

  function speakerShow() {
    var now = Date.now();
    var next = groupOf[current];
    if (next !== group) {
      if (group !== null) spent[group] = (spent[group] || 0) + now - enteredAt;
      group = next;
      enteredAt = now;
    }
    shown.label.textContent = labels[current];
    frames.current.replaceChildren(copy(slides[current]));
    frames.next.replaceChildren(current + 1 < slides.length ? copy(slides[current + 1])
      : paragraph(frames.next.getAttribute("data-end")));
    var mine = notes.filter(function (note) { return note.getAttribute("data-p2ham-notes-for") === group; });
    notesPanel.replaceChildren.apply(notesPanel, mine.length ? mine.map(copy)
      : [paragraph(notesPanel.getAttribute("data-empty"))]);
    tick();
  }

  if (speaker) {
    buttons.restart.addEventListener("click", function () {
      started = enteredAt = Date.now();
      spent = {};
      tick();
    });
    setInterval(tick, 1000);
  }

  // --- keys and buttons ------------------------------------------------------------------------------------------

  buttons.previous.addEventListener("click", function () { show(current - 1, {}); });
  buttons.next.addEventListener("click", function () { show(current + 1, {}); });
  buttons.partner.addEventListener("click", openPartner);

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var onControl = tag === "BUTTON" || tag === "A" || tag === "SUMMARY";
    switch (event.key) {
      case "ArrowRight": case "PageDown": show(current + 1, { focus: true }); break;
      case "ArrowLeft": case "PageUp": show(current - 1, { focus: true }); break;
      case " ":
        if (onControl) return;
        show(current + (event.shiftKey ? -1 : 1), { focus: true });
        break;
      case "Home": show(0, { focus: true }); break;
      case "End": show(slides.length - 1, { focus: true }); break;
      case "s": case "S": openPartner(); break;
      case "f": case "F":
        if (speaker) return;
        toggleFullscreen();
        break;
      case "Escape":
        if (document.fullscreenElement) document.exitFullscreen();
        else if (!speaker) window.location.href = back.href;
        else return;
        break;
      default: return;
    }
    event.preventDefault();
  });
  window.addEventListener("hashchange", function () { show(fromAddress(), { focus: true }); });

  show(fromAddress(), { remote: true });
  if (window.opener && !window.opener.closed) {  // opened by the other window: take its slide
    partner = window.opener;
    tell("hello");
  }
  setInterval(function () { tell("here"); }, 1000);  // the heartbeat a reloaded partner finds this window by
  wake();
})();
