/* P2HAM self-check quizzes: check answers, explain every option, keep progress on this device only.
   Progress lives in localStorage under one key, by question id, with the question's answer key: it survives a
   reload, a reordering of questions and a switch of language, and an answer to a question whose options changed
   is dropped instead of shown as right or wrong. Without storage (private mode) the quiz still works.
   An order question ("data-type=order") has a native select per item; its answer is the position chosen for each
   item as shown, and its key the right position of each item as shown (e.g. "3142"). */
(function () {
  "use strict";
  var KEY = "p2ham-quiz-v1";

  function openStore() {
    try {
      var probe = KEY + "-probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }
  var store = openStore();
  var memory = { questions: {} }; // used instead of storage when the browser refuses it: kept for this page only

  function load() {
    var empty = { questions: {} };
    if (!store) return memory;
    try {
      var data = JSON.parse(store.getItem(KEY) || "null");
      if (data && typeof data === "object" && data.questions && typeof data.questions === "object") return data;
    } catch (e) { /* corrupted: start again */ }
    return empty;
  }
  function save(data) {
    if (!store) { memory = data; return; }
    try { store.setItem(KEY, JSON.stringify(data)); } catch (e) { /* full or denied: keep going */ }
  }
  function entry(data, id, key) {
    var found = data.questions[id];
    return found && found.key === key && Array.isArray(found.answer) ? found : null;
  }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // A tick or a cross before a verdict: decoration only, the words beside it say the same.
  function icon(ok) {
    var mark = el("span", "p2ham-feedback__icon", ok ? "\u2713" : "\u2717");
    mark.setAttribute("aria-hidden", "true");
    return mark;
  }

  function Question(root, quiz) {
    this.root = root;
    this.quiz = quiz;
    this.id = root.getAttribute("data-question");
    this.key = root.getAttribute("data-key");
    this.order = root.getAttribute("data-type") === "order";
    this.inputs = Array.prototype.slice.call(root.querySelectorAll(".p2ham-options input"));
    this.selects = Array.prototype.slice.call(root.querySelectorAll(".p2ham-order select"));
    this.feedback = root.querySelector(".p2ham-question__feedback");
    this.answers = root.querySelector(".p2ham-question__answers");
    this.button = root.querySelector("[data-p2ham=check]");
    this.number = root.querySelector(".p2ham-question__number");
    this.answers.hidden = true;
    this.button.hidden = false;
    this.button.addEventListener("click", this.check.bind(this));
  }
  Question.prototype.chosen = function () {
    if (this.order) return this.selects.map(function (select) { return Number(select.value) || 0; });
    return this.inputs.filter(function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); });
  };
  Question.prototype.complete = function (answer) {
    return this.order ? answer.length > 0 && answer.indexOf(0) < 0 : answer.length > 0;
  };
  Question.prototype.valid = function (answer) {
    // A stored answer that no longer fits the question as built (a changed question) is never shown.
    var count = this.order ? this.selects.length : this.inputs.length;
    var fits = answer.filter(function (o) { return o === Math.floor(o) && o >= 1 && o <= count; });
    if (this.order) return fits.length === count && answer.length === count ? fits : [];
    return fits;
  };
  Question.prototype.explanation = function (option) {
    var item = this.answers.querySelector('[data-option="' + option + '"]');
    var block = el("div", "p2ham-feedback__option");
    block.appendChild(item.querySelector(".p2ham-answer__option").cloneNode(true));
    block.appendChild(item.querySelector(".p2ham-answer__explanation").cloneNode(true));
    return block;
  };
  // Empties the feedback box and opens it with the verdict, right or not; returns the box.
  Question.prototype.startFeedback = function (correct) {
    var s = this.quiz.strings;
    var box = this.feedback;
    box.textContent = "";
    box.className = "p2ham-question__feedback " + (correct ? "p2ham-is-correct" : "p2ham-is-incorrect");
    var verdict = el("p", "p2ham-feedback__verdict");
    verdict.appendChild(icon(correct));
    verdict.appendChild(document.createTextNode(" " + (correct ? s.quiz_correct : s.quiz_incorrect)));
    box.appendChild(verdict);
    return box;
  };
  Question.prototype.showOrder = function (answer, announce) {
    var s = this.quiz.strings;
    var key = this.key.split("").map(Number);
    var right = answer.filter(function (position, i) { return position === key[i]; }).length;
    var correct = right === key.length;
    var box = this.startFeedback(correct);
    var count = format(s.quiz_order_in_place, { right: right, total: key.length });
    box.appendChild(el("p", "p2ham-feedback__count", count));
    box.appendChild(el("p", "p2ham-feedback__label", s.quiz_order_right_order));
    var list = el("ol", "p2ham-feedback__order");
    var names = [];
    Array.prototype.forEach.call(this.answers.querySelectorAll(".p2ham-answers--order > li"), function (item) {
      var shown = Number(item.getAttribute("data-option"));
      var chosen = answer[shown - 1];
      var placed = chosen === Number(item.getAttribute("data-position"));
      var entry = el("li", "p2ham-feedback__option");
      entry.appendChild(item.querySelector(".p2ham-answer__option").cloneNode(true));
      var yours = el("p", "p2ham-feedback__yours " + (placed ? "p2ham-is-placed" : "p2ham-is-misplaced"));
      yours.appendChild(icon(placed));
      yours.appendChild(document.createTextNode(" " + format(s.quiz_order_yours, { position: chosen }) + " (" +
        (placed ? s.quiz_order_placed : s.quiz_order_misplaced) + ")"));
      entry.appendChild(yours);
      entry.appendChild(item.querySelector(".p2ham-answer__explanation").cloneNode(true));
      list.appendChild(entry);
      names.push(item.querySelector(".p2ham-answer__option").textContent.trim());
    });
    box.appendChild(list);
    box.hidden = false;
    this.answers.hidden = false;
    if (announce) {
      var said = [this.number ? this.number.textContent : "", correct ? s.quiz_correct : s.quiz_incorrect, count];
      if (!correct) said.push(s.quiz_order_right_order + " " + names.join(", "));
      this.quiz.say(said.join(". ").replace(/\.\./g, "."));
    }
    return correct;
  };
  Question.prototype.show = function (answer, announce) {
    if (this.order) return this.showOrder(answer, announce);
    var s = this.quiz.strings;
    var right = this.key.split("").map(function (c, i) { return c === "1" ? i + 1 : 0; }).filter(Boolean);
    var correct = answer.length === right.length && answer.every(function (o) { return right.indexOf(o) >= 0; });
    var box = this.startFeedback(correct);
    box.appendChild(el("p", "p2ham-feedback__label", s.quiz_your_answer));
    var self = this;
    answer.forEach(function (option) { box.appendChild(self.explanation(option)); });
    if (!correct) {
      box.appendChild(el("p", "p2ham-feedback__label", s.quiz_right_answers));
      right.forEach(function (option) { box.appendChild(self.explanation(option)); });
    }
    box.hidden = false;
    this.answers.hidden = false;
    if (announce) {
      var said = [this.number ? this.number.textContent : "", correct ? s.quiz_correct : s.quiz_incorrect];
      answer.forEach(function (option) {
        var item = self.answers.querySelector('[data-option="' + option + '"] .p2ham-answer__explanation');
        said.push(item.textContent.trim());
      });
      this.quiz.say(said.join(". ").replace(/\.\./g, "."));
    }
    return correct;
  };
  Question.prototype.check = function () {
    var answer = this.chosen();
    if (!this.complete(answer)) {
      var first = this.order ? this.quiz.strings.quiz_order_choose_first : this.quiz.strings.quiz_choose_first;
      this.feedback.className = "p2ham-question__feedback p2ham-is-empty";
      this.feedback.textContent = first;
      this.feedback.hidden = false;
      this.quiz.say(first);
      return;
    }
    var correct = this.show(answer, true);
    var data = load();
    data.questions[this.id] = { key: this.key, answer: answer, correct: correct, at: Date.now() };
    save(data);
    this.quiz.score();
  };
  Question.prototype.restore = function (data) {
    var found = entry(data, this.id, this.key);
    if (!found) return;
    var valid = this.valid(found.answer);
    if (!valid.length) return;
    this.inputs.forEach(function (input) { input.checked = valid.indexOf(Number(input.value)) >= 0; });
    this.selects.forEach(function (select, i) { select.value = String(valid[i]); });
    this.show(valid, false);
  };
  Question.prototype.clear = function () {
    this.inputs.forEach(function (input) { input.checked = false; });
    this.selects.forEach(function (select) { select.value = ""; });
    this.feedback.hidden = true;
    this.feedback.textContent = "";
    this.answers.hidden = true;
    this.answers.open = false;
  };

  function Quiz(root) {
    this.root = root;
    this.strings = JSON.parse(root.getAttribute("data-strings") || "{}");
    this.live = root.querySelector("[role=status]");
    this.scoreLine = root.querySelector(".p2ham-quiz__score");
    var self = this;
    this.questions = Array.prototype.map.call(root.querySelectorAll(".p2ham-question[data-question]"),
      function (node) { return new Question(node, self); });
    var summary = root.querySelector(".p2ham-quiz__summary");
    summary.hidden = false;
    if (!store) {
      var warning = root.querySelector(".p2ham-quiz__storage");
      warning.textContent = this.strings.quiz_storage_off;
      warning.hidden = false;
    }
    root.querySelector("[data-p2ham=reset]").addEventListener("click", this.reset.bind(this));
    var data = load();
    this.questions.forEach(function (q) { q.restore(data); });
    this.score();
  }
  Quiz.prototype.say = function (text) {
    var live = this.live;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  };
  Quiz.prototype.score = function () {
    var data = load();
    var answered = 0;
    var correct = 0;
    this.questions.forEach(function (q) {
      var found = entry(data, q.id, q.key);
      if (!found) return;
      answered += 1;
      if (found.correct) correct += 1;
    });
    this.scoreLine.textContent = format(this.strings.quiz_score,
      { correct: correct, total: this.questions.length, answered: answered });
  };
  Quiz.prototype.reset = function () {
    var data = load();
    this.questions.forEach(function (q) { delete data.questions[q.id]; q.clear(); });
    save(data);
    this.score();
    this.say(this.strings.quiz_reset_done);
  };

  function Progress(root) {
    var strings = JSON.parse(root.getAttribute("data-strings") || "{}");
    var live = root.querySelector("[role=status]");
    var status = root.querySelector("[data-p2ham=status]");
    var clear = root.querySelector("[data-p2ham=clear-all]");
    function fill() {
      var data = load();
      var any = false;
      Array.prototype.forEach.call(root.querySelectorAll("tbody tr"), function (row) {
        var answered = 0;
        var correct = 0;
        (row.getAttribute("data-questions") || "").split(" ").filter(Boolean).forEach(function (pair) {
          var parts = pair.split(":");
          var found = entry(data, parts[0], parts[1]);
          if (!found) return;
          answered += 1;
          if (found.correct) correct += 1;
        });
        any = any || answered > 0;
        row.querySelector("[data-p2ham=answered]").textContent = String(answered);
        row.querySelector("[data-p2ham=correct]").textContent = String(correct);
      });
      status.textContent = !store ? strings.progress_storage_off : any ? strings.progress_loaded : strings.progress_none;
    }
    fill();
    clear.hidden = !store;
    clear.addEventListener("click", function () {
      if (store) { try { store.removeItem(KEY); } catch (e) { /* ignore */ } }
      fill();
      live.textContent = strings.progress_cleared;
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".p2ham-quiz[data-strings]"),
      function (node) { new Quiz(node); });
    Array.prototype.forEach.call(document.querySelectorAll(".p2ham-progress[data-strings]"),
      function (node) { new Progress(node); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
