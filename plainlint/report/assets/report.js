// plainlint report: filters and sorting. The report reads the same without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var form = document.getElementById("filters");

  function chosen(name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=" + name + "]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
  }

  function apply() {
    var levels = chosen("level"), families = chosen("family"), codes = chosen("code");
    document.querySelectorAll("[data-code]").forEach(function (element) {
      var code = element.dataset.code;
      var shown = levels.indexOf(element.dataset.level) >= 0 && families.indexOf(code.slice(0, 3)) >= 0 &&
        codes.indexOf(code) >= 0;
      element.classList.toggle("filtered", !shown);
    });
    var shown = document.querySelectorAll("li[data-code]:not(.filtered)").length;
    document.getElementById("filter-status").textContent = shown + " findings shown";
  }

  function sortBy(table, column, button) {
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var descending = button.getAttribute("aria-sort") === "ascending";
    rows.sort(function (a, b) {
      var x = a.cells[column].dataset.value || a.cells[column].textContent;
      var y = b.cells[column].dataset.value || b.cells[column].textContent;
      var order = isNaN(x) || isNaN(y) ? x.localeCompare(y) : x - y;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    button.parentNode.setAttribute("aria-sort", descending ? "descending" : "ascending");
    button.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  if (form) {
    form.addEventListener("change", apply);
    apply();
  }
  document.querySelectorAll("table.sortable th").forEach(function (th, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    button.addEventListener("click", function () { sortBy(th.closest("table"), column, button); });
    th.textContent = "";
    th.appendChild(button);
  });
  document.body.dataset.ready = "true";
})();
