/* P2HAM class sessions, with no server (hooks/sessions.py makes the pages; session-code.js holds the codes).
   - The trainer's session page starts a session: a random session code, its QR code and address.
   - The participants' page: join by the code in the address (#CODE) or typed, take the pre-test and the post-test,
     hand each in as a QR code and a short code made on the phone; the score and explanations after the post-test.
   - The trainer's collection page: hand-in codes typed or scanned with the camera (jsQR), refused with the reason
     when mistyped, from another session or corrupted, counted once each; the class results, a CSV file, a print.
   Everything stays in this browser's storage (localStorage), keyed by session; nothing is sent anywhere. */
(function () {
  "use strict";
  var Code = window.P2hamCode;
  var TRAINER_KEY = "p2ham-session-trainer-v1";
  var JOIN_KEY = "p2ham-session-join-v1";

  // This browser's storage, or none (then everything is kept for this page only, and the page says so): a
  // browser that refuses it throws on reading it, or on the first write.
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(TRAINER_KEY);
  } catch (e) {
    store = null;
  }
  var memory = {};
  function load(key) {
    var empty = { current: "", sessions: {} };
    if (!store) return memory[key] ? JSON.parse(memory[key]) : empty;
    try {
      var data = JSON.parse(store.getItem(key) || "null");
      if (data && typeof data === "object" && data.sessions && typeof data.sessions === "object") return data;
    } catch (e) { /* corrupted: start again */ }
    return empty;
  }
  function save(key, data) {
    if (store) {
      try {
        store.setItem(key, JSON.stringify(data));
        return;
      } catch (e) {
        store = null;
        var notice = document.querySelector('[data-p2ham-session] [data-p2ham="storage"]');
        if (notice) notice.hidden = false;
      }
    }
    memory[key] = JSON.stringify(data);
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function part(root, name) { return root.querySelector('[data-p2ham="' + name + '"]'); }
  function onSubmit(form, handler) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      handler();
    });
  }
  function hashCode() { return decodeURIComponent(window.location.hash.replace(/^#/, "")); }
  function setHash(code) {
    if (window.history && window.history.replaceState) window.history.replaceState(null, "", "#" + code);
    else window.location.hash = code;
  }
  // The language switcher keeps the session: its links carry the address's #CODE.
  function keepInSwitcher(code) {
    document.querySelectorAll(".md-select a[hreflang]").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").replace(/#.*$/, "") + "#" + code);
    });
  }
  // Makes `code` the current session of this device's `key` record (a new one gets `fresh()`), and keeps it in the
  // address and the language switcher.
  function enterSession(key, code, fresh) {
    var state = load(key);
    if (!state.sessions[code]) state.sessions[code] = fresh();
    state.current = code;
    save(key, state);
    setHash(code);
    keepInSwitcher(code);
  }
  function focusHeading(heading) {
    if (heading) heading.focus();
  }
  function number(value, lang, digits) {
    return value.toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: digits });
  }
  // A code spelled out character by character for screen readers ("0 X 9 7"), shown in groups of four.
  function showCode(target, code) {
    target.textContent = "";
    var seen = el("span", "", Code.grouped(code));
    seen.setAttribute("aria-hidden", "true");
    target.appendChild(seen);
    target.appendChild(el("span", "p2ham-visually-hidden", code.split("").join(" ")));
    target.setAttribute("data-code", code);
  }
  // A QR code drawn as SVG (qrcode-generator, from npm), one path of dark modules, with its quiet zone.
  function drawQr(target, text, label, alphanumeric) {
    var qr = window.qrcode(0, "M");
    qr.addData(text, alphanumeric ? "Alphanumeric" : "Byte");
    qr.make();
    var count = qr.getModuleCount();
    var size = count + 8;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("width", String(size));
    back.setAttribute("height", String(size));
    back.setAttribute("fill", "#fff");
    svg.appendChild(back);
    var d = "";
    for (var row = 0; row < count; row++) {
      for (var col = 0; col < count; col++) {
        if (qr.isDark(row, col)) d += "M" + (col + 4) + " " + (row + 4) + "h1v1h-1z";
      }
    }
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(path);
    target.textContent = "";
    target.appendChild(svg);
    target.setAttribute("aria-label", label);
    target.setAttribute("data-text", text);
  }
  function randomBelow(limit) {
    var values = new Uint32Array(1);
    window.crypto.getRandomValues(values);
    return values[0] % limit;
  }

  function Page(root) {
    this.root = root;
    this.kind = root.getAttribute("data-p2ham-session");
    this.strings = JSON.parse(root.getAttribute("data-strings"));
    this.data = JSON.parse(root.querySelector(".p2ham-session__data").textContent);
    this.lang = document.documentElement.lang || "id";
    this.live = part(root, "live");
    part(root, "nojs").hidden = true;
    if (!store) part(root, "storage").hidden = false;
  }
  Page.prototype.say = function (text) {
    var live = this.live;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  };
  Page.prototype.format = function (index) {
    return this.data.formats.filter(function (f) { return f.index === index; })[0] || null;
  };
  // A session code read: {format, session, code}, or a message saying what is wrong with it.
  Page.prototype.readSession = function (text) {
    var found;
    try {
      found = Code.readSessionCode(text);
    } catch (e) {
      return { error: this.strings.session_code_mistyped };
    }
    if (!this.format(found.format)) return { error: this.strings.session_code_unknown };
    return found;
  };
  Page.prototype.testName = function (test) {
    return test === 0 ? this.strings.session_pre : this.strings.session_post;
  };

  // --- The trainer's session page --------------------------------------------------------------------------------

  function startPage(page) {
    var root = page.root;
    var form = part(root, "start-form");
    var current = part(root, "current");
    form.hidden = false;
    function show(code, announce) {
      var found = page.readSession(code);
      if (found.error) return;
      var formatData = page.format(found.format);
      var address = root.getAttribute("data-join-address") + "#" + found.code;
      part(root, "format-title").textContent = formatData.title;
      drawQr(part(root, "qr"), address, format(page.strings.session_join_qr, { address: address }), false);
      part(root, "address").textContent = address.replace(/^https?:\/\//, "");
      showCode(part(root, "code"), found.code);
      part(root, "collect").setAttribute("href", root.getAttribute("data-collect") + "#" + found.code);
      part(root, "format").value = String(found.format);
      current.hidden = false;
      if (announce) {
        page.say(format(page.strings.session_started, { code: found.code }));
        focusHeading(current.querySelector("h2"));
      }
    }
    onSubmit(form, function () {
      var index = Number(part(root, "format").value);
      var code = Code.sessionCode(index, randomBelow(Code.SESSION_NUMBERS));
      var state = load(TRAINER_KEY);
      state.sessions[code] = state.sessions[code] || { format: index, started: new Date().toISOString(), handins: {} };
      state.current = code;
      save(TRAINER_KEY, state);
      show(code, true);
    });
    var state = load(TRAINER_KEY);
    if (state.current && state.sessions[state.current]) show(state.current, false);
  }

  // --- The participants' page ------------------------------------------------------------------------------------

  function JoinPage(page) {
    this.page = page;
    this.root = page.root;
    this.s = page.strings;
    this.questions = [];
  }
  JoinPage.prototype.state = function () {
    var state = load(JOIN_KEY);
    return state.sessions[this.code] ? state : null;
  };
  JoinPage.prototype.record = function () {
    var state = load(JOIN_KEY);
    return state.sessions[this.code];
  };
  JoinPage.prototype.update = function (change) {
    var state = load(JOIN_KEY);
    var record = state.sessions[this.code];
    change(record);
    state.current = this.code;
    save(JOIN_KEY, state);
  };
  JoinPage.prototype.start = function () {
    var self = this;
    var root = this.root;
    var form = part(root, "join-form");
    onSubmit(form, function () { self.join(part(root, "session-code").value, true); });
    part(root, "finish").addEventListener("click", function () { self.finish(); });
    part(root, "start-post").addEventListener("click", function () {
      self.update(function (record) { record.stage = 1; });
      self.show(true);
    });
    part(root, "initials").addEventListener("input", function () { self.initials(); });
    part(root, "leave").addEventListener("click", function () {
      var state = load(JOIN_KEY);
      delete state.sessions[self.code];
      state.current = "";
      save(JOIN_KEY, state);
      setHash("");
      window.location.reload();
    });
    var wanted = hashCode() || load(JOIN_KEY).current;
    if (wanted && this.join(wanted, false)) return;
    form.hidden = false;
    if (hashCode()) part(root, "session-code").value = hashCode();
  };
  JoinPage.prototype.join = function (text, typed) {
    var root = this.root;
    var found = this.page.readSession(text);
    var error = part(root, "code-error");
    if (found.error) {
      if (typed || hashCode()) {
        error.textContent = found.error;
        part(root, "session-code").setAttribute("aria-invalid", "true");
        part(root, "join-form").hidden = false;
        if (typed) part(root, "session-code").focus();
      }
      return false;
    }
    error.textContent = "";
    part(root, "session-code").removeAttribute("aria-invalid");
    this.code = found.code;
    this.session = found.session;
    this.format = this.page.format(found.format);
    enterSession(JOIN_KEY, this.code, function () {
      return { nonce: randomBelow(Code.NONCE_SPACE), initials: "", stage: 0, tests: [
        { answers: null, done: false }, { answers: null, done: false }] };
    });
    part(root, "join-form").hidden = true;
    part(root, "leave").hidden = false;
    part(root, "joined").textContent = format(this.s.session_joined, { code: this.code, format: this.format.title });
    this.show(typed);
    return true;
  };
  JoinPage.prototype.ids = function (test) { return test === 0 ? this.format.pre : this.format.post; };
  // Where the participant is: the test being taken, or the hand-in of the last test finished.
  JoinPage.prototype.show = function (moveFocus) {
    var record = this.record();
    var test = record.stage;
    var done = record.tests[test].done;
    this.build(test);
    var section = part(this.root, "test");
    section.hidden = false;
    part(this.root, "test-title").textContent = this.page.testName(test);
    part(this.root, "test-intro").hidden = done;
    part(this.root, "finish").hidden = done;
    part(this.root, "count").hidden = done;
    part(this.root, "finish").textContent = test === 0 ? this.s.session_finish_pre : this.s.session_finish_post;
    this.result(test, done);
    var handin = part(this.root, "handin");
    handin.hidden = !done;
    if (done) {
      // The hand-in comes first once a test is finished: the questions (with explanations after the post-test)
      // follow it.
      section.parentNode.insertBefore(handin, section);
      this.handIn(test);
      if (moveFocus) focusHeading(part(this.root, "handin-title"));
    } else {
      section.parentNode.insertBefore(section, handin);
      this.count();
      if (moveFocus) focusHeading(part(this.root, "test-title"));
    }
  };
  JoinPage.prototype.build = function (test) {
    var self = this;
    var holder = part(this.root, "questions");
    var record = this.record();
    var saved = record.tests[test].answers || [];
    var done = record.tests[test].done;
    holder.textContent = "";
    this.questions = this.ids(test).map(function (id, index) {
      var template = self.root.querySelector('template[data-question="' + id + '"]');
      var block = template.content.firstElementChild.cloneNode(true);
      var label = block.querySelector(".p2ham-question__number");
      if (label) label.textContent = self.s.quiz_question + " " + (index + 1);
      holder.appendChild(block);
      var question = new SessionQuestion(block, self.page.data.questions[id]);
      question.set(saved[index] || 0);
      question.lock(done);
      block.addEventListener("change", function () {
        self.update(function (r) { r.tests[test].answers = self.questions.map(function (q) { return q.value(); }); });
        self.count();
      });
      return question;
    });
  };
  JoinPage.prototype.count = function () {
    var answered = this.questions.filter(function (q) { return q.value() > 0; }).length;
    part(this.root, "count").textContent = format(this.s.session_answered,
      { answered: answered, total: this.questions.length });
  };
  JoinPage.prototype.finish = function () {
    var record = this.record();
    var test = record.stage;
    var answers = this.questions.map(function (q) { return q.value(); });
    this.update(function (r) { r.tests[test].answers = answers; r.tests[test].done = true; });
    this.show(true);
  };
  JoinPage.prototype.score = function (test) {
    var self = this;
    var answers = this.record().tests[test].answers || [];
    return this.ids(test).filter(function (id, index) {
      return answers[index] === self.page.data.questions[id].right;
    }).length;
  };
  // After the post-test: the scores, and each question's verdict with its explanations.
  JoinPage.prototype.result = function (test, done) {
    var box = part(this.root, "result");
    box.textContent = "";
    if (test !== 1 || !done) return;
    var total = this.ids(1).length;
    box.appendChild(el("p", "p2ham-session__score", format(this.s.session_your_score,
      { correct: this.score(1), total: total })));
    if (this.record().tests[0].done) {
      box.appendChild(el("p", "", format(this.s.session_your_pre_score, { correct: this.score(0), total: total })));
    }
    box.appendChild(el("p", "", this.s.session_explanations));
    this.questions.forEach(function (question) { question.explain(); }, this);
  };
  JoinPage.prototype.initials = function () {
    var input = part(this.root, "initials");
    var value = input.value.toUpperCase().replace(/[^A-Z]/g, "");
    var error = part(this.root, "initials-error");
    if (value !== input.value.toUpperCase() || value.length > Code.MAX_INITIALS) {
      error.textContent = this.s.session_initials_invalid;
      input.setAttribute("aria-invalid", "true");
    } else {
      error.textContent = "";
      input.removeAttribute("aria-invalid");
    }
    value = value.slice(0, Code.MAX_INITIALS);
    this.update(function (record) { record.initials = value; });
    this.handIn(this.record().stage);
  };
  JoinPage.prototype.handIn = function (test) {
    var record = this.record();
    var code = Code.encode({ session: this.session, test: test, nonce: record.nonce, initials: record.initials,
      answers: record.tests[test].answers }, this.format.radices[test]);
    part(this.root, "handin-title").textContent = test === 0 ? this.s.session_handin_pre : this.s.session_handin_post;
    var input = part(this.root, "initials");
    if (document.activeElement !== input) input.value = record.initials;
    drawQr(part(this.root, "qr"), code, format(this.s.session_handin_qr, { test: this.page.testName(test) }), true);
    showCode(part(this.root, "code"), code);
    part(this.root, "next-note").hidden = test !== 0;
    part(this.root, "start-post").hidden = test !== 0;
  };

  // One question of a test: its answer as a code holds it (see p2ham/quiz/handin.py).
  function SessionQuestion(block, meta) {
    this.block = block;
    this.meta = meta;
    this.inputs = Array.prototype.slice.call(block.querySelectorAll(".p2ham-options input"));
    this.selects = Array.prototype.slice.call(block.querySelectorAll(".p2ham-order select"));
    this.answers = block.querySelector(".p2ham-question__answers");
    this.feedback = block.querySelector(".p2ham-question__feedback");
    this.answers.hidden = true;
  }
  SessionQuestion.prototype.value = function () {
    var type = this.meta.type;
    if (type === "order") {
      var places = this.selects.map(function (s) { return Number(s.value) || 0; });
      var complete = places.every(function (p, i) { return p > 0 && places.indexOf(p) === i; });
      return complete ? 1 + Code.orderRank(places) : 0;
    }
    if (type === "multiple") {
      return this.inputs.reduce(function (sum, input) {
        return sum + (input.checked ? Math.pow(2, Number(input.value) - 1) : 0);
      }, 0);
    }
    var chosen = this.inputs.filter(function (input) { return input.checked; })[0];
    return chosen ? Number(chosen.value) : 0;
  };
  SessionQuestion.prototype.set = function (value) {
    var type = this.meta.type;
    if (type === "order") {
      var places = value ? Code.orderPlaces(value - 1, this.selects.length) : [];
      this.selects.forEach(function (s, i) { s.value = places.length ? String(places[i]) : ""; });
      return;
    }
    this.inputs.forEach(function (input) {
      var n = Number(input.value);
      input.checked = type === "multiple" ? Boolean(value & Math.pow(2, n - 1)) : n === value;
    });
  };
  SessionQuestion.prototype.lock = function (locked) {
    this.block.querySelector("fieldset").disabled = locked;
  };
  SessionQuestion.prototype.explain = function () {
    var page = document.querySelector("[data-p2ham-session]");
    var strings = JSON.parse(page.getAttribute("data-strings"));
    var value = this.value();
    var right = value === this.meta.right;
    var box = this.feedback;
    box.textContent = "";
    box.hidden = false;
    box.className = "p2ham-question__feedback " + (right ? "p2ham-is-correct" : "p2ham-is-incorrect");
    var verdict = el("p", "p2ham-feedback__verdict");
    var mark = el("span", "p2ham-feedback__icon", right ? "\u2713" : "\u2717");
    mark.setAttribute("aria-hidden", "true");
    verdict.appendChild(mark);
    verdict.appendChild(document.createTextNode(" " + (right ? strings.quiz_correct : strings.quiz_incorrect) +
      (value === 0 ? " (" + strings.session_not_answered + ")" : "")));
    box.appendChild(verdict);
    this.answers.hidden = false;
    this.answers.open = true;
  };

  // --- The trainer's collection page -----------------------------------------------------------------------------

  function CollectPage(page) {
    this.page = page;
    this.root = page.root;
    this.s = page.strings;
    this.lastScan = { text: "", at: 0 };
  }
  CollectPage.prototype.start = function () {
    var self = this;
    var root = this.root;
    var openForm = part(root, "open-form");
    onSubmit(openForm, function () { self.open(part(root, "session-code").value, true); });
    onSubmit(part(root, "type-form"), function () {
      var input = part(root, "handin-code");
      if (self.take(input.value, false)) input.value = "";
      input.focus();
    });
    part(root, "camera").addEventListener("click", function () { self.camera(); });
    part(root, "csv").addEventListener("click", function () { self.csv(); });
    part(root, "print").addEventListener("click", function () { window.print(); });
    part(root, "clear").addEventListener("click", function () { self.clear(); });
    var wanted = hashCode() || load(TRAINER_KEY).current;
    if (wanted && this.open(wanted, false)) return;
    openForm.hidden = false;
  };
  CollectPage.prototype.open = function (text, typed) {
    var root = this.root;
    var found = this.page.readSession(text);
    if (found.error) {
      if (typed) {
        part(root, "code-error").textContent = found.error;
        part(root, "session-code").setAttribute("aria-invalid", "true");
        part(root, "session-code").focus();
      }
      return false;
    }
    this.code = found.code;
    this.session = found.session;
    this.format = this.page.format(found.format);
    enterSession(TRAINER_KEY, this.code, function () {
      return { format: found.format, started: new Date().toISOString(), handins: {} };
    });
    part(root, "open-form").hidden = true;
    part(root, "collect").hidden = false;
    part(root, "results").hidden = false;
    this.render();
    if (typed) part(root, "handin-code").focus();
    return true;
  };
  CollectPage.prototype.record = function () { return load(TRAINER_KEY).sessions[this.code]; };
  CollectPage.prototype.message = function (text, kind) {
    var box = part(this.root, "message");
    box.className = "p2ham-session__message p2ham-session__message--" + kind;
    box.textContent = text;
  };
  // A code typed or scanned: counted, or refused saying why. Returns whether it was counted.
  CollectPage.prototype.take = function (text, scanned) {
    var s = this.s;
    var handIn;
    if (!String(text).trim()) return false;
    if (scanned && !/^[0-9A-Za-z .\-_]{2,30}$/.test(String(text))) {
      this.message(s.session_refused_not_code, "refused");
      return false;
    }
    try {
      handIn = Code.decode(text, this.session, this.format.radices);
    } catch (e) {
      var reason = e && e.reason;
      if (reason === "foreign") {
        this.message(format(s.session_refused_foreign, { code: e.detail, current: this.code }), "refused");
      } else if (reason === "corrupted") {
        this.message(s.session_refused_corrupted, "refused");
      } else {
        this.message(scanned ? s.session_refused_not_code : s.session_refused_mistyped, "refused");
      }
      return false;
    }
    var state = load(TRAINER_KEY);
    var record = state.sessions[this.code];
    if (record.handins[handIn.code]) {
      this.message(s.session_duplicate, "duplicate");
      return true;
    }
    record.handins[handIn.code] = { test: handIn.test, initials: handIn.initials, answers: handIn.answers,
      at: new Date().toISOString() };
    save(TRAINER_KEY, state);
    var total = this.ids(handIn.test).length;
    this.message(format(s.session_counted, { test: this.page.testName(handIn.test),
      initials: handIn.initials ? " (" + handIn.initials + ")" : "", correct: this.score(handIn.test, handIn.answers),
      total: total }), "counted");
    this.render();
    return true;
  };
  CollectPage.prototype.ids = function (test) { return test === 0 ? this.format.pre : this.format.post; };
  CollectPage.prototype.rights = function (test, answers) {
    var questions = this.page.data.questions;
    return this.ids(test).map(function (id, index) { return answers[index] === questions[id].right; });
  };
  CollectPage.prototype.score = function (test, answers) {
    return this.rights(test, answers).filter(Boolean).length;
  };
  // The class figures: per test, how many handed in, the mean score; per question, the share right.
  CollectPage.prototype.figures = function () {
    var self = this;
    var handins = this.record().handins;
    var tests = [0, 1].map(function (test) {
      var list = Object.keys(handins).map(function (code) { return handins[code]; })
        .filter(function (h) { return h.test === test; });
      var total = self.ids(test).length;
      var rights = list.map(function (h) { return self.rights(test, h.answers); });
      var scores = rights.map(function (r) { return r.filter(Boolean).length; });
      var mean = scores.length ? scores.reduce(function (a, b) { return a + b; }, 0) / scores.length : null;
      var shares = self.ids(test).map(function (_, index) {
        return rights.length ? rights.filter(function (r) { return r[index]; }).length / rights.length : null;
      });
      return { count: list.length, total: total, mean: mean, shares: shares, list: list };
    });
    var gain = tests[0].mean !== null && tests[1].mean !== null ? tests[1].mean - tests[0].mean : null;
    return { tests: tests, gain: gain };
  };
  CollectPage.prototype.render = function () {
    var self = this;
    var s = this.s;
    var lang = this.page.lang;
    var root = this.root;
    var figures = this.figures();
    var record = this.record();
    var started = new Date(record.started);
    part(root, "results-for").textContent = format(s.session_results_for, { code: this.code,
      format: this.format.title, date: started.toLocaleDateString(lang, { year: "numeric", month: "long",
        day: "numeric" }) });
    figures.tests.forEach(function (test, index) {
      var name = index === 0 ? "pre" : "post";
      var count = part(root, "count-" + name);
      count.textContent = String(test.count);
      count.setAttribute("data-value", String(test.count));
      var mean = part(root, "mean-" + name);
      if (test.mean === null) {
        mean.textContent = s.session_none_yet;
        mean.removeAttribute("data-value");
      } else {
        mean.textContent = format(s.session_mean_value, { mean: number(test.mean, lang, 1), total: test.total,
          percent: number(100 * test.mean / test.total, lang, 0) });
        mean.setAttribute("data-value", test.mean.toFixed(4));
      }
    });
    var gain = part(root, "gain");
    if (figures.gain === null) {
      gain.textContent = s.session_none_yet;
      gain.removeAttribute("data-value");
    } else {
      var total = figures.tests[1].total;
      gain.textContent = format(s.session_gain_value, { points: (figures.gain > 0 ? "+" : "") +
        number(figures.gain, lang, 1), percent: (figures.gain > 0 ? "+" : "") + number(100 * figures.gain / total,
        lang, 0) });
      gain.setAttribute("data-value", figures.gain.toFixed(4));
    }
    // Per question: the share right before and after; the weakest (after, or before while there is no post-test).
    var body = part(root, "per-question");
    body.textContent = "";
    var questions = this.page.data.questions;
    var rows = this.ids(0).map(function (preId, index) {
      var postId = self.ids(1)[index];
      return { index: index, pre: questions[preId], post: questions[postId], preId: preId, postId: postId,
        before: figures.tests[0].shares[index], after: figures.tests[1].shares[index] };
    });
    function share(value) {
      var cell = el("td", "", value === null ? s.session_none_yet : number(100 * value, lang, 0) + "%");
      if (value !== null) cell.setAttribute("data-value", value.toFixed(4));
      return cell;
    }
    function taught(question) {
      var link = el("a", "", format(s.session_module_section, { number: question.number,
        section: question.section }));
      link.setAttribute("href", question.url);
      return link;
    }
    // Where a question is taught goes under it, not in a column of its own: three columns fit a phone.
    function taughtLine(question, label) {
      var line = el("span", "p2ham-session__taught", label + ": ");
      line.appendChild(taught(question));
      return line;
    }
    rows.forEach(function (row) {
      var tr = el("tr");
      tr.setAttribute("data-question", String(row.index + 1));
      var head = el("th");
      head.setAttribute("scope", "row");
      head.appendChild(el("span", "p2ham-session__qnumber", (row.index + 1) + ". "));
      head.appendChild(document.createTextNode(row.pre.prompt));
      if (row.preId !== row.postId) {
        head.appendChild(el("br"));
        head.appendChild(document.createTextNode(s.session_post + ": " + row.post.prompt));
      }
      head.appendChild(taughtLine(row.pre, s.session_taught_in));
      if (row.preId !== row.postId && row.post.url !== row.pre.url) {
        head.appendChild(taughtLine(row.post, s.session_taught_in + " (" + s.session_post + ")"));
      }
      tr.appendChild(head);
      tr.appendChild(share(row.before));
      tr.appendChild(share(row.after));
      body.appendChild(tr);
    });
    var weakest = part(root, "weakest");
    weakest.textContent = "";
    var key = figures.tests[1].count ? "after" : "before";
    var measured = rows.filter(function (row) { return row[key] !== null; })
      .sort(function (a, b) { return a[key] - b[key] || a.index - b.index; }).slice(0, 3);
    if (!measured.length) {
      weakest.appendChild(el("p", "", s.session_weakest_none));
      return;
    }
    weakest.appendChild(el("p", "", s.session_weakest_intro));
    var list = el("ul", "p2ham-session__weakest");
    measured.forEach(function (row) {
      var question = key === "after" ? row.post : row.pre;
      var item = el("li");
      item.setAttribute("data-question", String(row.index + 1));
      item.appendChild(document.createTextNode((row.index + 1) + ". " + question.prompt + " (" +
        number(100 * row[key], lang, 0) + "%): "));
      item.appendChild(taught(question));
      list.appendChild(item);
    });
    weakest.appendChild(list);
  };
  // One row per hand-in, in the order collected; initials only where given; each question 1 (right), 0 (wrong)
  // or empty (not answered).
  CollectPage.prototype.csv = function () {
    var self = this;
    var s = this.s;
    var handins = this.record().handins;
    var count = this.ids(0).length;
    var header = s.session_csv_columns.split(",");
    for (var i = 1; i <= count; i++) header.push(s.session_csv_question + i);
    var lines = [header];
    Object.keys(handins).map(function (code) { return handins[code]; })
      .sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; })
      .forEach(function (h) {
        var rights = self.rights(h.test, h.answers);
        lines.push([self.page.testName(h.test), h.initials, String(rights.filter(Boolean).length),
          String(count), h.at].concat(rights.map(function (right, index) {
          return h.answers[index] === 0 ? "" : right ? "1" : "0";
        })));
      });
    var text = lines.map(function (line) {
      return line.map(function (cell) { return /[",\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell; })
        .join(",");
    }).join("\r\n") + "\r\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = "p2ham-" + this.code + ".csv";
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  };
  CollectPage.prototype.clear = function () {
    if (!window.confirm(format(this.s.session_clear_confirm, { code: this.code }))) return;
    var state = load(TRAINER_KEY);
    state.sessions[this.code].handins = {};
    save(TRAINER_KEY, state);
    this.render();
    this.message(this.s.session_cleared, "counted");
  };
  // The camera: frames read a few times a second with jsQR (from npm, served by the site), on this device only.
  CollectPage.prototype.camera = function () {
    var self = this;
    var button = part(this.root, "camera");
    var video = part(this.root, "video");
    var note = part(this.root, "camera-note");
    if (this.stream) {
      this.stop();
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
      note.textContent = this.s.session_camera_none;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        self.stream = stream;
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        button.textContent = self.s.session_camera_stop;
        note.textContent = self.s.session_camera_on;
        var canvas = document.createElement("canvas");
        var context = canvas.getContext("2d", { willReadFrequently: true });
        self.timer = window.setInterval(function () {
          if (video.readyState < 2 || !video.videoWidth) return;
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          var image = context.getImageData(0, 0, canvas.width, canvas.height);
          var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
          if (!found || !found.data) return;
          var now = Date.now();
          if (found.data === self.lastScan.text && now - self.lastScan.at < 4000) return;
          self.lastScan = { text: found.data, at: now };
          self.take(found.data, true);
        }, 250);
      })
      .catch(function () {
        note.textContent = self.s.session_camera_none;
      });
  };
  CollectPage.prototype.stop = function () {
    var video = part(this.root, "video");
    var button = part(this.root, "camera");
    window.clearInterval(this.timer);
    this.stream.getTracks().forEach(function (track) { track.stop(); });
    this.stream = null;
    video.srcObject = null;
    video.hidden = true;
    button.textContent = this.s.session_camera_start;
    part(this.root, "camera-note").textContent = "";
  };

  function init() {
    var root = document.querySelector("[data-p2ham-session]");
    if (!root || !Code) return;
    var page = new Page(root);
    if (page.kind === "start") startPage(page);
    else if (page.kind === "join") new JoinPage(page).start();
    else if (page.kind === "collect") new CollectPage(page).start();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
