(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || "sv", { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.children[index];
    return cell ? cell.textContent.trim() : "";
  }

  function sortTable(table, index, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var numeric = rows.every(function (r) { var v = cellValue(r, index).replace(/\s|%/g, "").replace(",", "."); return v === "" || !isNaN(Number(v)); });
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index), d;
      if (numeric) { d = (parseFloat(x.replace(",", ".")) || 0) - (parseFloat(y.replace(",", ".")) || 0); }
      else { d = collator.compare(x, y); }
      return ascending ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortTable(table, index, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortTable(table, index, th); } });
    });
  });

  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      Array.prototype.forEach.call(document.querySelectorAll("#lista tbody tr"), function (tr) {
        tr.hidden = q !== "" && tr.textContent.toLowerCase().indexOf(q) === -1;
      });
    });
  }

  var map = document.getElementById("karta-kommuner");
  var select = document.getElementById("lan-val");
  if (map && select) {
    select.addEventListener("change", function () {
      var code = select.value;
      var border = code ? map.querySelector('path.lan-border[data-lan="' + code + '"]') : null;
      if (!border) { map.setAttribute("viewBox", map.getAttribute("data-full")); return; }
      var box = border.getBBox(), pad = Math.max(box.width, box.height) * 0.05;
      map.setAttribute("viewBox", [box.x - pad, box.y - pad, box.width + 2 * pad, box.height + 2 * pad].join(" "));
    });
  }

  var print = document.getElementById("skriv-ut");
  if (print) { print.addEventListener("click", function () { window.print(); }); }
})();
