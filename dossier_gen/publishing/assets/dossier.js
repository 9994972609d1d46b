/* Filters and sorting for the claims list, and the "copy link" button of a claim page.
   The whole list is in the page, so it works without JavaScript; this only hides rows and
   reorders them, and keeps the filter in the address (?rating=false&tag=asylum) so that a
   filtered list can be shared. Self-hosted, no dependencies. Record text is only ever read
   with textContent or from data attributes and written as text, never as HTML. */
(function () {
  "use strict";

  // Each filter: the query parameter, the label, and how a row gives its values and their
  // names (row attributes hold ids; names come from the row's text or another attribute).
  var FILTERS = [
    { key: "rating", label: "Verdict", word: "verdict" },
    { key: "claimant", label: "Claimant", word: "claimant" },
    { key: "tag", label: "Topic", word: "tag", list: "tags" },
    { key: "source", label: "Article", word: "source" }
  ];

  // The page's own words for what the script writes (data-word-* attributes, from the
  // edition's catalog), else the English ones.
  function word(holder, key, english) {
    return holder.getAttribute("data-word-" + key) || english;
  }

  function element(tag, props, text) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) { node.setAttribute(key, props[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The cell's words as read aloud: icons marked aria-hidden (badges) are left out.
  function cellText(cell) {
    if (!cell) return "";
    var copy = cell.cloneNode(true);
    Array.prototype.slice.call(copy.querySelectorAll("[aria-hidden='true']"))
      .forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  // (value, name, order) of each filter for a row.
  function rowValues(row, filter) {
    if (filter.key === "rating") {
      return [[row.getAttribute("data-rating"),
               cellText(row.querySelector(".dossier-claims__verdict")),
               Number(row.getAttribute("data-order"))]];
    }
    if (filter.key === "claimant") {
      var name = cellText(row.querySelector(".dossier-claims__claimant"));
      return [[row.getAttribute("data-claimant"), name, name.toLowerCase()]];
    }
    if (filter.key === "source") {
      var title = row.getAttribute("data-source-title") || "";
      return [[row.getAttribute("data-source"), title, title.toLowerCase()]];
    }
    return (row.getAttribute("data-tags") || "").split(" ").filter(Boolean)
      .map(function (tag) { var words = tag.replace(/-/g, " "); return [tag, words, words]; });
  }

  function sortKey(row, col) {
    var cell = row.cells[col];
    if (cell.classList.contains("dossier-claims__verdict")) {
      return ("000" + row.getAttribute("data-order")).slice(-4);
    }
    var time = cell.querySelector("time[datetime]");
    return time ? time.getAttribute("datetime") : cellText(cell).toLowerCase();
  }

  function setUp(holder, index) {
    if (holder.getAttribute("data-ready")) return;
    var next = holder.nextElementSibling;
    var table = next && (next.tagName === "TABLE" ? next : next.querySelector("table"));
    if (!table || !table.tHead || !table.tBodies.length) return;
    holder.setAttribute("data-ready", "true");

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var params = new URLSearchParams(window.location.search);
    var form = element("form", {
      "class": "dossier-filters", "aria-label": word(holder, "form", "Filter the claims")
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var status = element("p", { "class": "dossier-filters__count", "role": "status" });
    var selects = [];

    FILTERS.forEach(function (filter) {
      var options = {};
      rows.forEach(function (row) {
        rowValues(row, filter).forEach(function (v) { if (v[0]) options[v[0]] = v; });
      });
      var values = Object.keys(options).map(function (k) { return options[k]; });
      if (!values.length) return;
      values.sort(function (a, b) { return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0; });
      var id = "dossier-filter-" + index + "-" + filter.key;
      var wrap = element("span", { "class": "dossier-filters__field" });
      wrap.appendChild(element("label", { "for": id }, word(holder, filter.word, filter.label)));
      var select = element("select", { id: id, name: filter.key });
      select.appendChild(element("option", { value: "" }, word(holder, "all", "All")));
      values.forEach(function (v) { select.appendChild(element("option", { value: v[0] }, v[1])); });
      var wanted = params.get(filter.key);
      if (wanted && options[wanted]) select.value = wanted;
      select.addEventListener("change", function () { apply(true); });
      wrap.appendChild(select);
      form.appendChild(wrap);
      selects.push({ select: select, filter: filter });
    });
    var reset = element(
      "button", { type: "button", "class": "md-button" }, word(holder, "reset", "Show all")
    );
    reset.addEventListener("click", function () {
      selects.forEach(function (s) { s.select.value = ""; });
      apply(true);
    });
    form.appendChild(reset);
    form.appendChild(status);
    holder.appendChild(form);

    function apply(remember) {
      var shown = 0;
      rows.forEach(function (row) {
        var keep = selects.every(function (s) {
          if (!s.select.value) return true;
          return rowValues(row, s.filter).some(function (v) { return v[0] === s.select.value; });
        });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = word(holder, "shown", "{shown} of {total} claims shown")
        .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      if (remember && window.history && window.history.replaceState) {
        var query = new URLSearchParams(window.location.search);
        selects.forEach(function (s) {
          if (s.select.value) query.set(s.filter.key, s.select.value);
          else query.delete(s.filter.key);
        });
        var search = query.toString();
        window.history.replaceState(
          window.history.state, "",
          window.location.pathname + (search ? "?" + search : "") + window.location.hash
        );
      }
    }

    // Each column heading becomes a button that sorts by it; aria-sort says the order.
    heads.forEach(function (th, col) {
      var button = element("button", { type: "button", "class": "dossier-sort" }, cellText(th));
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.slice().sort(function (a, b) {
          var x = sortKey(a, col), y = sortKey(b, col);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        }).forEach(function (row) { body.appendChild(row); });
      });
      th.textContent = "";
      th.appendChild(button);
    });
    apply(false);
  }

  // "Copy link" beside a claim's permanent address (the address is on the page as text
  // and as a link, so nothing is lost without JavaScript or a clipboard).
  function copyButton(share) {
    if (share.getAttribute("data-ready") || !navigator.clipboard) return;
    var permalink = share.getAttribute("data-permalink");
    var cite = share.querySelector(".dossier-share__cite");
    if (!permalink || !cite) return;
    share.setAttribute("data-ready", "true");
    var button = element(
      "button", { type: "button", "class": "dossier-copy" }, word(share, "copy", "Copy link")
    );
    var said = element("span", { "class": "dossier-copy__status", role: "status" });
    var copied = word(share, "copied", "Link copied.");
    var failed = word(share, "failed", "Copying failed; select the address instead.");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(permalink).then(
        function () { said.textContent = " " + copied; },
        function () { said.textContent = " " + failed; }
      );
    });
    cite.appendChild(button);
    cite.appendChild(said);
  }

  function init() {
    Array.prototype.slice.call(document.querySelectorAll("[data-dossier-table]")).forEach(setUp);
    Array.prototype.slice.call(document.querySelectorAll(".dossier-share")).forEach(copyButton);
  }

  // With instant navigation the theme swaps pages without reloading; document$ tells us.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(init);
  } else {
    init();
  }
})();
