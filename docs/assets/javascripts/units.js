/* P2HAM unit overview: sort the table by any column and filter its rows. The table works without this. */
(function () {
  "use strict";
  function start() {
    var holder = document.querySelector(".p2ham-unit-table[data-strings]");
    var table = holder && holder.querySelector("table");
    if (!table) return;
    var strings = JSON.parse(holder.getAttribute("data-strings") || "{}");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var status = document.querySelector("[data-p2ham=units-status]");
    var filterBox = document.querySelector(".p2ham-filter");
    var input = document.getElementById("p2ham-unit-filter");

    function value(row, index, kind) {
      var cell = row.cells[index];
      var raw = cell.getAttribute("data-value");
      return kind === "number" ? Number(raw !== null ? raw : cell.textContent) : cell.textContent.trim().toLowerCase();
    }
    var pending = 0;
    function announce(text) {
      // Once typing pauses, not at every key: a screen reader would otherwise read a count per letter.
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { status.textContent = text; }, 600);
    }

    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "p2ham-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", strings.sort.replace("{column}", th.textContent));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = value(a, index, kind);
          var y = value(b, index, kind);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });

    filterBox.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (word) { return text.indexOf(word) >= 0; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      announce(strings.shown.replace("{shown}", shown).replace("{total}", rows.length));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
