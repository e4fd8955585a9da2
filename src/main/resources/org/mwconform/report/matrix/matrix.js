/* mwconform conformance matrix: the evidence panel and the row filter. Every text from the run is
   set with textContent, never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("matrix-data").textContent);
  var SYMBOLS = data.symbols;
  var dialog = document.getElementById("evidence");
  var title = document.getElementById("ev-title");
  var sub = document.getElementById("ev-sub");
  var body = document.getElementById("ev-body");
  var lastButton = null;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function badge(outcome) {
    var b = el("span", "badge o-" + outcome);
    b.appendChild(el("span", "sym", SYMBOLS[outcome] || "?")).setAttribute("aria-hidden", "true");
    b.appendChild(el("span", null, outcome));
    return b;
  }

  function section(heading) {
    var s = el("section");
    s.appendChild(el("h3", null, heading));
    body.appendChild(s);
    return s;
  }

  function facts(parent, rows) {
    var dl = el("dl", "facts");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "") { return; }
      dl.appendChild(el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) { dd.appendChild(r[1]); } else { dd.textContent = String(r[1]); }
      dl.appendChild(dd);
    });
    parent.appendChild(dl);
  }

  function pretty(text, contentType) {
    if (text === undefined || text === null) { return ""; }
    var looksJson = /json/i.test(contentType || "") || /^\s*[\[{]/.test(text);
    if (looksJson) {
      try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* shown as sent */ }
    }
    return String(text);
  }

  function link(href, text) {
    var a = el("a", null, text);
    a.setAttribute("href", href);
    return a;
  }

  function exchange(parent, x, index, count) {
    var box = el("div", "exchange");
    var head = el("div", "ex-head");
    head.appendChild(el("span", "ex-index", "#" + (index + 1) + " "));
    head.appendChild(el("span", "method", x.method || "?"));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("code", "url", x.url || ""));
    head.appendChild(document.createTextNode(" \u2192 "));
    var ok = x.status >= 200 && x.status < 300;
    head.appendChild(el("span", ok ? "status" : "status status-bad", "HTTP " + x.status));
    if (x.contentType) { head.appendChild(el("span", "ctype", " \u00b7 " + x.contentType)); }
    if (x.millis !== undefined && x.millis !== null) { head.appendChild(el("span", "ms", " \u00b7 " + x.millis + " ms")); }
    if (x.purpose) { head.appendChild(el("div", "ex-purpose", x.purpose)); }
    box.appendChild(head);
    var inner = el("div", "ex-body");
    var form = x.form || {};
    var names = Object.keys(form);
    if (names.length) {
      var t = el("table", "form");
      var tr = el("tr");
      tr.appendChild(el("th", null, (x.method === "GET" ? "query" : "form") + " parameter"));
      tr.appendChild(el("th", null, "value"));
      t.appendChild(tr);
      names.forEach(function (n) {
        var row = el("tr");
        row.appendChild(el("td", "mono", n));
        row.appendChild(el("td", "mono", form[n]));
        t.appendChild(row);
      });
      inner.appendChild(t);
    } else {
      inner.appendChild(el("div", "neutral", "no parameters"));
    }
    var details = el("details");
    var text = x.body === undefined || x.body === null ? "" : String(x.body);
    details.appendChild(el("summary", null, "response body (" + text.length + " characters)"));
    details.appendChild(el("pre", "body", pretty(text, x.contentType)));
    // The requests a scenario judges are its POSTs and its last answer: open; the look-ups before: folded.
    details.open = x.method === "POST" || index === count - 1;
    inner.appendChild(details);
    box.appendChild(inner);
    parent.appendChild(box);
  }

  function open(key, button) {
    var c = data.cells[key];
    if (!c) { return; }
    lastButton = button || null;
    if (history.replaceState) {
      // A link to this cell: #evidence=<deployment>/<scenario key>
      history.replaceState(null, "", "#evidence=" + encodeURIComponent(c.deployment) + "/" + encodeURIComponent(c.key));
    }
    title.textContent = c.scenario;
    sub.replaceChildren();
    sub.appendChild(badge(c.outcome));
    sub.appendChild(document.createTextNode(" on " + c.deployment + " \u00b7 " + c.feature + (c.id ? " \u00b7 @id:" + c.id : "")));
    body.replaceChildren();

    var verdict = section("Outcome");
    facts(verdict, [
      ["outcome", badge(c.outcome)],
      ["previous run", c.previous ? (c.previous === "new" ? "not in the previous run" : "was " + c.previous) : null],
      ["failing condition", c.condition ? el("code", null, c.condition) : null],
      ["tags", c.tags && c.tags.length ? c.tags.join(" ") : null],
      ["evidence file", c.evidencePath ? link(c.evidencePath, c.evidencePath) : null],
      ["Allure report", c.allureReport ? link(c.allureReport, c.allureReport) : null]
    ]);
    if (c.reason) {
      verdict.appendChild(el("h3", null, c.outcome === "not-applicable" ? "Why it does not apply" : "Reason"));
      verdict.appendChild(el("p", "reason", c.reason));
    }

    var ev = c.evidence;
    if (!ev) {
      var none = section("Evidence");
      none.appendChild(el("p", c.evidenceProblem ? "problem" : "neutral", c.evidenceProblem || "This result has no evidence file."));
      return show();
    }

    var app = section("Applicability");
    if (ev.applicability && ev.applicability.length) {
      var ul = el("ul", "applicability");
      ev.applicability.forEach(function (a) { ul.appendChild(el("li", null, a)); });
      app.appendChild(ul);
    } else {
      app.appendChild(el("p", "neutral", "No requirement recorded."));
    }

    var conds = section("Checked conditions (" + (ev.conditions ? ev.conditions.length : 0) + ")");
    if (ev.conditions && ev.conditions.length) {
      var t = el("table", "conditions");
      var h = el("tr");
      ["condition", "held", "what it checks", "detail"].forEach(function (n) { h.appendChild(el("th", null, n)); });
      t.appendChild(h);
      ev.conditions.forEach(function (k) {
        var row = el("tr", k.held ? "held-yes" : "held-no");
        row.appendChild(el("td", "mono", k.id));
        row.appendChild(el("td", null, k.held ? "\u2713 held" : "\u2717 did not hold"));
        row.appendChild(el("td", null, k.summary || ""));
        row.appendChild(el("td", "mono", k.detail || ""));
        t.appendChild(row);
      });
      conds.appendChild(t);
    } else {
      conds.appendChild(el("p", "neutral", "No condition was checked."));
    }

    var xs = ev.exchanges || [];
    var ex = section("Requests and responses (" + xs.length + ")");
    if (!xs.length) { ex.appendChild(el("p", "neutral", "No request was sent.")); }
    xs.forEach(function (x, i) { exchange(ex, x, i, xs.length); });

    show();
  }

  function show() {
    if (!dialog.open) {
      if (dialog.showModal) { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    }
    body.scrollTop = 0;
    dialog.scrollTop = 0;
    document.getElementById("ev-close").focus();
  }

  document.querySelector("table.matrix").addEventListener("click", function (e) {
    var b = e.target.closest("button[data-cell]");
    if (b) { open(b.getAttribute("data-cell"), b); }
  });
  document.getElementById("ev-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (e) {
    if (e.target === dialog) { dialog.close(); }   // a click on the backdrop
  });
  dialog.addEventListener("close", function () {
    if (history.replaceState && /^#evidence=/.test(location.hash)) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    if (lastButton) { lastButton.focus(); }
  });

  function openFromHash() {
    var m = /^#evidence=([^/]*)\/(.*)$/.exec(location.hash);
    if (!m) { return; }
    var deployment = decodeURIComponent(m[1]);
    var key = decodeURIComponent(m[2]);
    Object.keys(data.cells).forEach(function (id) {
      var c = data.cells[id];
      if (c.deployment === deployment && c.key === key) {
        open(id, document.querySelector('button[data-cell="' + id + '"]'));
      }
    });
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();

  // Row filter: all rows, rows that are not passed everywhere, rows that changed since the previous run.
  var filter = document.getElementById("row-filter");
  if (filter) {
    filter.addEventListener("change", function () {
      var mode = filter.value;
      var rows = document.querySelectorAll("table.matrix tbody tr");
      var lastFeature = null;
      var anyShown = false;
      function closeFeature() { if (lastFeature) { lastFeature.hidden = !anyShown; } }
      rows.forEach(function (r) {
        if (r.classList.contains("extension-row")) {
          closeFeature();
          lastFeature = null;
          return;
        }
        if (r.classList.contains("feature-row")) {
          closeFeature();
          lastFeature = r;
          anyShown = false;
          return;
        }
        var show = mode === "all"
          || (mode === "attention" && r.getAttribute("data-attention") === "true")
          || (mode === "changed" && r.getAttribute("data-changed") === "true");
        r.hidden = !show;
        anyShown = anyShown || show;
      });
      closeFeature();
    });
  }
}());
