(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("config").textContent);
  var t = config.text;
  var app = document.getElementById("app");
  var state = { index: 0, view: null, focus: 0, page: 1 };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; }
      else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), attrs[k]); }
      else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function editable() { return state.view ? state.view.tags.filter(function (tg) { return tg.kind !== "fixed"; }) : []; }

  function flash(text) {
    var saved = document.getElementById("saved");
    saved.textContent = text;
    window.setTimeout(function () { if (saved.textContent === text) { saved.textContent = ""; } }, 1500);
  }

  function load(index) {
    if (config.total === 0) { app.textContent = t.none_left; return Promise.resolve(); }
    index = Math.max(0, Math.min(config.total - 1, index));
    return fetch("/api/item/" + index).then(function (r) { return r.json(); }).then(function (view) {
      state.index = index; state.view = view; state.focus = Math.min(state.focus, Math.max(0, editable().length - 1));
      state.page = view.first_page || 1;
      if (location.hash !== "#" + index) { history.replaceState(null, "", "#" + index); }
      render();
    });
  }

  function decide(tag, value) {
    return fetch("/api/item/" + state.index + "/decide", {
      method: "POST", headers: { "Content-Type": "application/json", "X-Granskning": "1" },
      body: JSON.stringify({ tag: tag, value: value })
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { flash(body.error || String(r.status)); return; }
        state.view = body; render(); flash(t.saved);
      });
    });
  }

  function quoteWords(quote) { return quote.replace(/\s+/g, " ").trim(); }

  function renderViewer() {
    var v = state.view;
    if (!v.sha256 || !v.pages) { return el("div", { "class": "viewer" }, [el("p", { text: t.no_page })]); }
    var sheet = el("div", { "class": "sheet", id: "sheet" }, [
      el("img", { src: "/page/" + v.sha256 + "/" + state.page + ".png", alt: t.page + " " + state.page, id: "page-img" })
    ]);
    var quotes = [];
    v.tags.forEach(function (tg) { tg.evidence.forEach(function (e) { if (e.page === state.page) { quotes.push(e.quote); } }); });
    quotes.forEach(function (q) {
      fetch("/api/boxes/" + v.sha256 + "/" + state.page + "?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); })
        .then(function (boxes) {
          boxes.forEach(function (b) {
            sheet.appendChild(el("div", { "class": "hl", style: "left:" + b[0] * 100 + "%;top:" + b[1] * 100 + "%;width:" +
              (b[2] - b[0]) * 100 + "%;height:" + (b[3] - b[1]) * 100 + "%" }));
          });
        });
    });
    var pager = el("div", { "class": "pager" }, [
      el("button", { type: "button", text: "−", onclick: function () { turn(-1); } }),
      el("span", { id: "page-no", text: t.page + " " + state.page + " " + t.of + " " + v.pages }),
      el("button", { type: "button", text: "+", onclick: function () { turn(1); } })
    ]);
    return el("div", { "class": "viewer" }, [pager, sheet]);
  }

  function turn(step) {
    var v = state.view;
    if (!v || !v.pages) { return; }
    state.page = Math.max(1, Math.min(v.pages, state.page + step));
    render();
  }

  function renderPanel() {
    var v = state.view;
    var rows = [];
    var editables = editable();
    v.tags.forEach(function (tg) {
      var focus = editables.indexOf(tg) === state.focus && tg.kind !== "fixed";
      var buttons = tg.options.map(function (opt, i) {
        var label = (tg.kind === "choice" ? (i + 1) + " " : "") + opt[1];
        return el("button", { type: "button", "class": opt[0] === tg.value ? "on" : "", "data-value": String(opt[0]),
          text: label, onclick: function () { state.focus = editables.indexOf(tg); decide(tg.tag, opt[0]); } });
      });
      var evidence = tg.evidence.map(function (e) {
        var where = e.page ? el("a", { text: t.page + " " + e.page, onclick: function () { state.page = e.page; render(); } }) : null;
        return el("p", { "class": "ev" }, [where, document.createTextNode(where ? ": " : ""), el("mark", { text: quoteWords(e.quote) })]);
      });
      var value = el("td", {}, [document.createTextNode(tg.text), tg.human ? el("span", { "class": "human", text: t.human }) : null]);
      rows.push(el("tr", { "class": (focus ? "focus " : "") + (tg.kind === "fixed" ? "fixed" : ""), "data-tag": tg.tag }, [
        el("th", { scope: "row", text: tg.name }), value, el("td", {}, buttons.concat(evidence))
      ]));
    });
    var facts = v.facts.map(function (f) { return el("p", {}, [el("b", { text: f[0] + ": " }), document.createTextNode(f[1])]); });
    return el("div", { "class": "panel" }, [
      el("div", { "class": "kind", text: v.kind_label }),
      el("h2", { text: v.label }),
      el("p", { "class": "status", id: "item-status", text: v.status_label + (v.reviewed_by ? " (" + v.reviewed_by + ")" : "") }),
      el("div", { "class": "why" }, [el("b", { text: t.why + ": " }), document.createTextNode(v.why)]),
      el("div", {}, facts),
      v.link ? el("p", {}, [el("a", { href: v.link, target: "_blank", rel: "noopener noreferrer", text: t.open })]) : null,
      el("table", { id: "tags" }, [el("tbody", {}, rows)]),
      el("div", { "class": "nav" }, [
        el("button", { type: "button", text: t.prev, onclick: function () { load(state.index - 1); } }),
        el("button", { type: "button", id: "confirm", text: t.confirm, onclick: function () { decide("confirmed", true); } }),
        el("button", { type: "button", text: t.next, onclick: function () { load(state.index + 1); } })
      ])
    ]);
  }

  function render() {
    document.getElementById("pos").textContent = (state.index + 1) + " " + t.of + " " + config.total;
    app.textContent = "";
    app.appendChild(renderViewer());
    app.appendChild(renderPanel());
  }

  document.addEventListener("keydown", function (e) {
    if (!state.view || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var tags = editable();
    var tag = tags[state.focus];
    var handled = true;
    if (e.key === "ArrowDown") { state.focus = Math.min(tags.length - 1, state.focus + 1); render(); }
    else if (e.key === "ArrowUp") { state.focus = Math.max(0, state.focus - 1); render(); }
    else if (e.key === "ArrowRight" || e.key === "PageDown") { load(state.index + 1); }
    else if (e.key === "ArrowLeft" || e.key === "PageUp") { load(state.index - 1); }
    else if ((e.key === "j" || e.key === "y") && tag && tag.kind === "bool") { decide(tag.tag, true); }
    else if (e.key === "n" && tag && tag.kind === "bool") { decide(tag.tag, false); }
    else if (/^[1-9]$/.test(e.key) && tag && tag.kind === "choice" && tag.options[Number(e.key) - 1]) {
      decide(tag.tag, tag.options[Number(e.key) - 1][0]);
    }
    else if (e.key === "b") { decide("confirmed", true); }
    else if (e.key === "+") { turn(1); }
    else if (e.key === "-" || e.key === "−") { turn(-1); }
    else { handled = false; }
    if (handled) { e.preventDefault(); }
  });

  load(Number((location.hash || "#0").slice(1)) || 0);
})();
