/* Sort and filter controls for the claims table. The full table is in the page, so it works
   without JavaScript; this only hides rows and reorders them. Self-hosted, no dependencies.
   Record text is only ever read with textContent and written as text, never as HTML. */
(function () {
  "use strict";

  var FILTERS = [
    { column: "Rating", label: "Rating" },
    { column: "Claimant", label: "Claimant" },
    { column: "Tags", label: "Tag", list: true },
    { column: "Source article", label: "Source article" }
  ];

  // The cell's words as read aloud: icons marked aria-hidden (badges) are left out.
  function cellText(cell) {
    var copy = cell.cloneNode(true);
    Array.prototype.slice.call(copy.querySelectorAll("[aria-hidden='true']"))
      .forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function cellValues(cell, list) {
    var text = cellText(cell);
    if (!list) return text ? [text] : [];
    return text.split(",").map(function (v) { return v.trim(); }).filter(Boolean);
  }

  function sortKey(cell) {
    var time = cell.querySelector("time[datetime]");
    return time ? time.getAttribute("datetime") : cellText(cell).toLowerCase();
  }

  function element(tag, props, text) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) { node.setAttribute(key, props[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUp(holder, index) {
    if (holder.getAttribute("data-ready")) return;
    var next = holder.nextElementSibling;
    var table = next && (next.tagName === "TABLE" ? next : next.querySelector("table"));
    if (!table || !table.tHead || !table.tBodies.length) return;
    holder.setAttribute("data-ready", "true");

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var columns = heads.map(cellText);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var form = element("form", { "class": "dossier-filters", "aria-label": "Filter the claims" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var status = element("p", { "class": "dossier-filters__count", "role": "status" });
    var selects = [];

    FILTERS.forEach(function (filter) {
      var col = columns.indexOf(filter.column);
      if (col < 0) return;
      var values = {};
      rows.forEach(function (row) {
        cellValues(row.cells[col], filter.list).forEach(function (v) { values[v] = true; });
      });
      var id = "dossier-filter-" + index + "-" + col;
      var wrap = element("span", { "class": "dossier-filters__field" });
      wrap.appendChild(element("label", { "for": id }, filter.label));
      var select = element("select", { id: id, name: filter.column });
      select.appendChild(element("option", { value: "" }, "All"));
      Object.keys(values).sort().forEach(function (v) {
        select.appendChild(element("option", { value: v }, v));
      });
      select.addEventListener("change", apply);
      wrap.appendChild(select);
      form.appendChild(wrap);
      selects.push({ select: select, col: col, list: filter.list });
    });
    var reset = element("button", { type: "button", "class": "md-button" }, "Show all");
    reset.addEventListener("click", function () {
      selects.forEach(function (s) { s.select.value = ""; });
      apply();
    });
    form.appendChild(reset);
    form.appendChild(status);
    holder.appendChild(form);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (s) {
          return !s.select.value ||
            cellValues(row.cells[s.col], s.list).indexOf(s.select.value) >= 0;
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = shown + " of " + rows.length + " claims shown";
    }

    // Each column heading becomes a button that sorts by it; aria-sort says the order.
    heads.forEach(function (th, col) {
      var button = element("button", { type: "button", "class": "dossier-sort" }, columns[col]);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.slice().sort(function (a, b) {
          var x = sortKey(a.cells[col]), y = sortKey(b.cells[col]);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        }).forEach(function (row) { body.appendChild(row); });
      });
      th.textContent = "";
      th.appendChild(button);
    });
    apply();
  }

  function init() {
    Array.prototype.slice.call(document.querySelectorAll("[data-dossier-table]")).forEach(setUp);
  }

  // With instant navigation the theme swaps pages without reloading; document$ tells us.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
