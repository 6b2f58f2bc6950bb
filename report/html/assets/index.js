"use strict";
(function () {
  var data = JSON.parse(document.getElementById("story-data").textContent);
  var table = document.getElementById("story-table");
  var body = table.tBodies[0];
  var filter = document.getElementById("story-filter");
  var pager = document.getElementById("story-pager");
  var count = document.getElementById("story-count");
  var pageSize = 100;
  var state = { key: "size", desc: true, page: 0, rows: data };
  var numeric = { size: true, outlets: true, max: true, min: true };

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }
  function pct(v) { return v < 0 ? "" : Math.round(v * 100) + "%"; }

  function render() {
    var rows = state.rows, pages = Math.max(1, Math.ceil(rows.length / pageSize));
    state.page = Math.min(state.page, pages - 1);
    var frag = document.createDocumentFragment();
    rows.slice(state.page * pageSize, (state.page + 1) * pageSize).forEach(function (r) {
      var tr = document.createElement("tr");
      var a = document.createElement("a");
      a.href = "stories/" + r.id + ".html";
      a.textContent = r.id;
      cell(tr, "").appendChild(a);
      cell(tr, r.size, "num");
      cell(tr, r.outlets, "num");
      cell(tr, r.date);
      cell(tr, r.title);
      cell(tr, r.origin);
      cell(tr, pct(r.max), "num");
      cell(tr, pct(r.min), "num");
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    count.textContent = rows.length + " of " + data.length + " stories";
    pager.replaceChildren();
    if (pages > 1) {
      var prev = document.createElement("button"), next = document.createElement("button");
      prev.type = next.type = "button";
      prev.textContent = "previous";
      next.textContent = "next";
      prev.disabled = state.page === 0;
      next.disabled = state.page === pages - 1;
      prev.addEventListener("click", function () { state.page--; render(); });
      next.addEventListener("click", function () { state.page++; render(); });
      var label = document.createElement("span");
      label.textContent = " page " + (state.page + 1) + " of " + pages + " ";
      pager.append(prev, label, next);
    }
    table.querySelectorAll("th[data-key]").forEach(function (th) {
      th.removeAttribute("aria-sort");
      if (th.dataset.key === state.key) th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
    });
  }

  function sortRows() {
    var k = state.key, sign = state.desc ? -1 : 1;
    state.rows.sort(function (x, y) {
      var a = x[k], b = y[k], c;
      if (numeric[k]) c = a - b;
      else c = String(a).localeCompare(String(b));
      return c !== 0 ? sign * c : x.n - y.n;
    });
  }

  function apply() {
    var q = filter.value.trim().toLowerCase();
    state.rows = q === "" ? data.slice() : data.filter(function (r) {
      return (r.id + "\n" + r.title + "\n" + r.origin + "\n" + r.names + "\n" + r.date).toLowerCase().indexOf(q) >= 0;
    });
    state.page = 0;
    sortRows();
    render();
  }

  table.querySelectorAll("th[data-key]").forEach(function (th) {
    th.addEventListener("click", function () {
      var k = th.dataset.key;
      state.desc = state.key === k ? !state.desc : !!numeric[k];
      state.key = k;
      state.page = 0;
      sortRows();
      render();
    });
  });
  filter.addEventListener("input", apply);
  filter.disabled = false;
  // The address may carry a starting view: #q=words&sort=-size&page=2
  // (a leading "-" sorts in descending order).
  var want = new URLSearchParams(location.hash.slice(1));
  if (want.has("q")) filter.value = want.get("q");
  var sort = want.get("sort");
  if (sort && ["id", "size", "outlets", "date", "title", "origin", "max", "min"].indexOf(sort.replace(/^-/, "")) >= 0) {
    state.desc = sort.charAt(0) === "-";
    state.key = sort.replace(/^-/, "");
  }
  apply();
  if (want.has("page")) {
    state.page = Math.max(0, (parseInt(want.get("page"), 10) || 1) - 1);
    render();
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
