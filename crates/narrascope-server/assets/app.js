// narrascope analyst UI: a single-page app over the JSON API, hash-routed.
//
// Article text and everything derived from it is untrusted. This file never assigns
// innerHTML/outerHTML or builds markup from strings: every value reaches the page as
// a text node (`h()` below) or a checked attribute, and the server's
// Content-Security-Policy forbids inline scripts and styles besides.
(function () {
  "use strict";

  const T = window.NarraText;
  const main = document.getElementById("main");
  const ROLE_ORDER = ["Protagonist", "Antagonist", "Innocent"];
  const ROLE_COLOURS = { Protagonist: "#2e9e5b", Antagonist: "#d8453b", Innocent: "#4a7fd4" };
  const SPEAKER_COLOURS = 10;
  let charts = [];

  // ---- DOM helpers ------------------------------------------------------------

  // Builds an element. `attrs`: class, href (internal `#/…` or http(s) only), title,
  // text, data-*, aria-*, id, type, value, name, for, placeholder, and `on` (events).
  // Children: nodes, strings (text nodes), arrays, null.
  function h(tag, attrs) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const key of Object.keys(attrs)) {
        const v = attrs[key];
        if (v === null || v === undefined || v === false) continue;
        if (key === "class") el.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
        else if (key === "text") el.textContent = String(v);
        else if (key === "href") {
          const href = safeHref(v);
          if (href) el.setAttribute("href", href);
        } else if (key === "on") {
          for (const ev of Object.keys(v)) el.addEventListener(ev, v[ev]);
        } else if (/^(title|id|type|value|name|for|placeholder|role|checked|selected|disabled|tabindex|width|height|rel|target|lang)$/.test(key) || /^(data|aria)-[a-z-]+$/.test(key)) {
          if (v === true) el.setAttribute(key, "");
          else el.setAttribute(key, String(v));
        } else {
          throw new Error("h(): attribute not allowed: " + key);
        }
      }
    }
    for (let i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(function (c) { append(el, c); });
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }

  // Only in-app links and plain web addresses: never `javascript:` or `data:`.
  function safeHref(v) {
    const s = String(v);
    if (s.startsWith("#/") || s === "#") return s;
    try {
      const u = new URL(s);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (_) { /* not a URL */ }
    return null;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  function show() {
    clear(main);
    for (let i = 0; i < arguments.length; i++) append(main, arguments[i]);
  }

  const enc = encodeURIComponent;
  const articleHref = function (id) { return "#/article/" + enc(id); };
  const speakerHref = function (id) { return "#/speaker/" + enc(id); };
  const entityHref = function (id) { return "#/entity/" + enc(id); };

  function fmtScore(x) { return (Math.round(x * 100) / 100).toFixed(2); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }

  // ---- API --------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, params) {
    let url = path;
    if (params) {
      const q = new URLSearchParams();
      for (const k of Object.keys(params)) {
        const v = params[k];
        if (v !== null && v !== undefined && v !== "") q.set(k, v);
      }
      const s = q.toString();
      if (s) url += "?" + s;
    }
    const r = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    let body = null;
    try { body = await r.json(); } catch (_) { body = null; }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : "HTTP " + r.status;
      throw new ApiError(r.status, msg);
    }
    return body;
  }

  function errorBox(e) {
    return h("div", { class: "error-box", role: "alert" }, e instanceof ApiError ? e.message : "Something went wrong: " + e.message);
  }

  // ---- Routing ----------------------------------------------------------------

  function parseHash() {
    const raw = location.hash.replace(/^#/, "") || "/";
    const qi = raw.indexOf("?");
    const path = qi >= 0 ? raw.slice(0, qi) : raw;
    const query = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
    const parts = path.split("/").filter(Boolean).map(function (p) {
      try { return decodeURIComponent(p); } catch (_) { return p; }
    });
    return { parts: parts, query: query };
  }

  const routes = {
    "": { nav: "articles", render: pageArticles },
    article: { nav: "articles", render: pageArticle },
    search: { nav: "search", render: pageSearch },
    speakers: { nav: "speakers", render: pageSpeakers },
    speaker: { nav: "speakers", render: pageSpeaker },
    entity: { nav: "search", render: pageEntity },
    outlets: { nav: "outlets", render: pageOutlets },
    quotes: { nav: "shared", render: pageShared },
    duplicates: { nav: "duplicates", render: pageDuplicates },
    conflicts: { nav: "conflicts", render: pageConflicts },
  };

  let renderToken = 0;

  async function route() {
    const token = ++renderToken;
    const r = parseHash();
    const entry = routes[r.parts[0] || ""] || null;
    for (const c of charts) c.destroy();
    charts = [];
    document.querySelectorAll("#nav a").forEach(function (a) {
      a.classList.toggle("active", !!entry && a.getAttribute("data-nav") === entry.nav);
    });
    if (!entry) {
      show(h("div", { class: "error-box" }, "No such page."));
      return;
    }
    main.removeAttribute("data-ready");
    show(h("p", { class: "loading" }, "Loading…"));
    try {
      const nodes = await entry.render(r.parts.slice(1), r.query);
      if (token !== renderToken) return; // a later navigation won
      show(nodes.content);
      if (nodes.after) nodes.after();
      document.title = (nodes.title ? nodes.title + " · " : "") + "narrascope";
    } catch (e) {
      if (token !== renderToken) return;
      show(errorBox(e));
      if (!(e instanceof ApiError)) console.warn(e);
    }
    window.scrollTo(0, 0);
    // For tests and scripts: which page is shown, and how many renders so far.
    main.setAttribute("data-ready", r.parts[0] || "articles");
    main.setAttribute("data-render", String(token));
  }

  function pager(page, base, query) {
    const from = page.total === 0 ? 0 : page.offset + 1;
    const to = page.offset + (page.items || page.hits || []).length;
    const link = function (offset, label, disabled) {
      const q = new URLSearchParams(query);
      q.set("offset", String(Math.max(0, offset)));
      return h("a", { href: base + "?" + q.toString(), class: disabled ? "disabled" : null, "aria-disabled": disabled ? "true" : null }, label);
    };
    return h("div", { class: "pager" },
      link(page.offset - page.limit, "← Previous", page.offset === 0),
      h("span", null, from + "–" + to + " of " + page.total),
      link(page.offset + page.limit, "Next →", to >= page.total));
  }

  function pageParams(query, limit) {
    return { limit: query.get("limit") || limit || 50, offset: query.get("offset") || 0 };
  }

  // ---- Articles (home) --------------------------------------------------------

  async function pageArticles(_parts, query) {
    const [stats, page] = await Promise.all([api("/api/stats"), api("/api/articles", pageParams(query))]);
    const cards = h("div", { class: "stats" },
      [["articles", stats.articles], ["quotes", stats.quotes], ["entities", stats.entities], ["speakers", stats.speakers]].map(function (s) {
        return h("div", { class: "stat" }, h("b", null, String(s[1])), h("span", null, s[0]));
      }));
    const rows = page.items.map(function (a) {
      return h("tr", { "data-id": a.id },
        h("td", null, h("a", { href: articleHref(a.id), class: "article-link" }, a.title || a.id),
          a.duplicate_of ? [" ", h("span", { class: "pill dup", title: "near-duplicate of " + a.duplicate_of }, "duplicate")] : null),
        h("td", null, a.outlet || "—"),
        h("td", { class: "mono" }, a.date || "—"),
        h("td", null, a.language || "—"),
        h("td", { class: "num" }, String(a.quotes)),
        h("td", { class: "num" }, String(a.entities)));
    });
    const table = h("table", { class: "list", id: "articles" },
      h("thead", null, h("tr", null, h("th", null, "Title"), h("th", null, "Outlet"), h("th", null, "Date"), h("th", null, "Lang"), h("th", { class: "num" }, "Quotes"), h("th", { class: "num" }, "Entities"))),
      h("tbody", null, rows));
    return {
      title: "Articles",
      content: [cards, page.total === 0
        ? h("div", { class: "card empty" }, "The corpus is empty. Run `narrascope ingest examples/corpus` and reload.")
        : [table, pager(page, "#/", query)]],
    };
  }

  // ---- Article view -----------------------------------------------------------

  function roleClass(role) { return "role-" + String(role).toLowerCase().replace(/[^a-z]+/g, "-"); }
  function typeClass(type) { return "type-" + String(type).toLowerCase().replace(/[^a-z]+/g, "-"); }

  async function pageArticle(parts) {
    const id = parts.join("/");
    const rec = await api("/api/articles/" + id.split("/").map(enc).join("/"));
    const text = rec.text || "";
    const spans = [];

    // Speakers: one colour per speaker, in order of first quote.
    const speakers = new Map();
    let colours = 0;
    for (const q of rec.quotes || []) {
      const key = q.speaker ? (q.speaker.entity || "name:" + q.speaker.name) : "";
      if (!speakers.has(key)) {
        const colour = key ? "spk-" + (colours++ % SPEAKER_COLOURS) : "spk-none";
        speakers.set(key, { key: key, name: q.speaker ? q.speaker.name : null, entity: q.speaker ? q.speaker.entity : null, n: 0, colour: colour });
      }
      speakers.get(key).n++;
    }
    for (const q of rec.quotes || []) {
      const key = q.speaker ? (q.speaker.entity || "name:" + q.speaker.name) : "";
      const s = speakers.get(key);
      spans.push({ start: q.start, end: q.end, cls: ["q", s.colour], tip: "Quote (" + q.kind + ") — " + (s.name || "speaker unknown") + (q.channel ? ", via " + q.channel.name : "") });
    }

    // Entities: coloured by role when the record casts them in one, else by type.
    const roleOf = new Map();
    for (const r of rec.roles || []) roleOf.set(r.entity, r);
    const entities = rec.entities || [];
    for (const e of entities) {
      const r = roleOf.get(e.id);
      const cls = r ? roleClass(r.main_role) : typeClass(e.type);
      const tip = e.name + " (" + e.type + (r ? ", " + r.main_role + (r.fine_roles && r.fine_roles.length ? ": " + r.fine_roles.join(", ") : "") : "") + ")" + (e.titles && e.titles.length ? " — " + e.titles.join("; ") : "");
      for (const m of e.mentions || []) spans.push({ start: m.start, end: m.end, cls: ["ent", cls], tip: tip, entity: e.id });
    }

    // Narrative evidence sentences.
    const labels = (rec.narratives || []).map(function (l) { return Object.assign({ level: "narrative" }, l); })
      .concat((rec.subnarratives || []).map(function (l) { return Object.assign({ level: "subnarrative" }, l); }));
    const evidenceKey = function (sp) { return sp.start + ":" + sp.end; };
    const evidenceLabels = new Map();
    for (const l of labels) {
      for (const ev of l.evidence || []) {
        const k = evidenceKey(ev);
        if (!evidenceLabels.has(k)) { evidenceLabels.set(k, []); spans.push({ start: ev.start, end: ev.end, cls: ["ev"], evidence: k, tipFn: true }); }
        evidenceLabels.get(k).push(l.label);
      }
    }
    for (const sp of spans) if (sp.tipFn) sp.tip = "Evidence for: " + evidenceLabels.get(sp.evidence).join("; ");

    // Removed noise (hidden until asked for) and the title.
    for (const n of rec.noise || []) spans.push({ start: n.start, end: n.end, cls: ["noise"], tip: "Removed noise: " + n.kind });
    if (rec.title_span) spans.push({ start: rec.title_span.start, end: rec.title_span.end, cls: ["title-span"] });

    const body = h("div", { class: "article-text", id: "article-text", lang: rec.language || null });
    for (const seg of T.segment(text, spans)) {
      if (seg.spans.length === 0) { body.appendChild(document.createTextNode(seg.text)); continue; }
      const classes = [];
      const tips = [];
      const data = {};
      for (const s of seg.spans) {
        for (const c of s.cls) if (classes.indexOf(c) < 0) classes.push(c);
        if (s.tip && tips.indexOf(s.tip) < 0) tips.push(s.tip);
        if (s.evidence) data["data-evidence"] = s.evidence;
        if (s.entity) data["data-entity"] = s.entity;
      }
      body.appendChild(h("span", Object.assign({ class: classes, title: tips.join("\n") || null }, data), seg.text));
    }

    // Toolbar toggles.
    const wrap = h("div", { class: "card article-card" });
    const toggle = function (label, cls, on, id) {
      const box = h("input", { type: "checkbox", id: id, checked: on });
      const apply = function () {
        if (cls.indexOf("show-") === 0) wrap.classList.toggle(cls, box.checked);
        else wrap.classList.toggle(cls, !box.checked);
      };
      box.addEventListener("change", apply);
      apply();
      return h("label", { for: id }, box, label);
    };
    const noiseCount = (rec.noise || []).length;
    const toolbar = h("div", { class: "toolbar" },
      toggle("Quotes", "hide-quotes", true, "t-quotes"),
      toggle("Entities", "hide-entities", true, "t-entities"),
      toggle("Narrative evidence", "hide-evidence", true, "t-evidence"),
      toggle("Show removed noise (" + noiseCount + ")", "show-noise", false, "t-noise"));
    append(wrap, [toolbar, body]);

    // Header.
    const conflicts = entities.filter(function (e) { return e.conflicts && e.conflicts.length; });
    const head = h("div", { class: "card" },
      h("h1", { id: "article-title" }, rec.title || rec.id),
      h("div", { class: "meta-line" },
        h("span", null, "Outlet: ", h("b", null, rec.outlet || "unknown")),
        h("span", null, "Date: ", h("b", null, rec.date || "unknown")),
        h("span", null, "Language: ", h("b", null, rec.language || "unknown")),
        h("span", { class: "mono" }, rec.id),
        rec.url && safeHref(rec.url) ? h("a", { href: rec.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original page") : null,
        rec.duplicate_of ? h("span", { class: "pill dup" }, "near-duplicate of ", h("a", { href: articleHref(rec.duplicate_of) }, rec.duplicate_of)) : null),
      conflicts.map(function (e) {
        return h("div", { class: "flag conflict-flag", "data-entity": e.id },
          h("span", null, "Conflicting titles for ", h("a", { href: entityHref(e.id) }, e.name), ": ", e.conflicts.join(" vs ")));
      }));

    // Sidebar.
    const at = T.byteIndex(text);
    const side = h("aside", { class: "side" });
    if (rec.explanation) {
      append(side, h("div", { class: "card" }, h("h2", null, "Why this narrative"),
        h("div", { class: "explanation", id: "explanation" }, h("span", { class: "label" }, rec.explanation.label), rec.explanation.text)));
    }
    if (labels.length) {
      append(side, h("div", { class: "card", id: "narratives" }, h("h2", null, "Narratives"),
        labels.map(function (l) {
          return h("div", { class: "narr" },
            h("div", { class: "label" }, l.level === "subnarrative" ? "↳ " : "", l.label),
            h("div", { class: "score" }, h("span", { class: "scorebar" }, scoreFill(l.score)), " ", fmtScore(l.score)),
            l.evidence && l.evidence.length ? h("ol", null, l.evidence.map(function (ev) {
              return h("li", { title: "Show in the text", on: { click: function () { flash(body, evidenceKey(ev)); } } }, text.slice(at(ev.start), at(ev.end)));
            })) : null);
        })));
    }
    const spk = Array.from(speakers.values());
    if (spk.length) {
      append(side, h("div", { class: "card", id: "speakers-legend" }, h("h2", null, "Who said what"),
        h("ul", { class: "legend" }, spk.map(function (s) {
          const name = s.name || "speaker unknown";
          const sid = s.entity || (s.name ? speakerSlug(s.name) : null);
          return h("li", null, h("span", { class: ["swatch", s.colour] }), sid ? h("a", { href: speakerHref(sid) }, name) : name, h("span", { class: "count" }, plural(s.n, "quote")));
        }))));
    }
    if (entities.length) {
      append(side, h("div", { class: "card", id: "entities-legend" }, h("h2", null, roleOf.size ? "Entities by role" : "Entities by type"),
        h("ul", { class: "legend" }, entities.slice().sort(function (a, b) { return (b.mentions || []).length - (a.mentions || []).length; }).map(function (e) {
          const r = roleOf.get(e.id);
          return h("li", null, h("span", { class: ["swatch", r ? roleClass(r.main_role) : typeClass(e.type)] }),
            h("a", { href: entityHref(e.id) }, e.name),
            h("span", { class: "count" }, r ? r.main_role + (r.fine_roles && r.fine_roles.length ? " · " + r.fine_roles.join(", ") : "") : e.type));
        }))));
    }
    append(side, h("div", { class: "card" }, h("h2", null, "Legend"), h("ul", { class: "legend" },
      h("li", null, h("span", { class: "swatch ev" }), "narrative evidence sentence"),
      h("li", null, h("span", { class: "swatch noise" }), "removed noise (toggle above)"),
      roleOf.size ? ROLE_ORDER.map(function (r) { return h("li", null, h("span", { class: ["swatch", roleClass(r)] }), r); }) : null)));

    return { title: rec.title || rec.id, content: [head, h("div", { class: "two-col" }, wrap, side)] };
  }

  function scoreFill(score) {
    const bar = h("i");
    bar.style.width = Math.round(Math.max(0, Math.min(1, score)) * 100) + "%";
    return bar;
  }

  function flash(container, key) {
    const el = Array.from(container.querySelectorAll("[data-evidence]")).find(function (e) { return e.getAttribute("data-evidence") === key; });
    if (!el) return;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1500);
  }

  // Mirrors the store's `speaker_slug`: the id of a speaker with no entity.
  function speakerSlug(name) {
    const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return "name:" + words.join("-");
  }

  // ---- Speakers ---------------------------------------------------------------

  async function pageSpeakers(_parts, query) {
    const page = await api("/api/speakers", pageParams(query));
    const rows = page.items.map(function (s) {
      return h("tr", null, h("td", null, h("a", { href: speakerHref(s.id), class: "speaker-link" }, s.name || s.id)),
        h("td", { class: "mono" }, s.entity || "—"), h("td", { class: "num" }, String(s.quotes)), h("td", { class: "num" }, String(s.articles)));
    });
    return {
      title: "Speakers",
      content: [h("h1", null, "Speakers"),
        page.total === 0 ? h("p", { class: "empty" }, "No quotes in the corpus.") :
          [h("table", { class: "list", id: "speakers" }, h("thead", null, h("tr", null, h("th", null, "Speaker"), h("th", null, "Entity"), h("th", { class: "num" }, "Quotes"), h("th", { class: "num" }, "Articles"))), h("tbody", null, rows)),
            pager(page, "#/speakers", query)]],
    };
  }

  async function pageSpeaker(parts, query) {
    const id = parts.join("/");
    const page = await api("/api/speakers/" + enc(id) + "/quotes", { limit: query.get("limit") || 200, offset: query.get("offset") || 0 });
    const name = (page.items.find(function (q) { return q.speaker; }) || {}).speaker || id;
    const outlets = new Map();
    for (const q of page.items) outlets.set(q.outlet || "unknown", (outlets.get(q.outlet || "unknown") || 0) + 1);
    let lastDate = null;
    const items = page.items.map(function (q) {
      const dateHead = q.date !== lastDate;
      lastDate = q.date;
      return h("li", { class: "timeline-entry", "data-outlet": q.outlet || "" },
        h("div", { class: "when" },
          dateHead ? h("span", { class: "date-group" }, q.date || "undated") : h("span", null, q.date || "undated"),
          h("span", { class: "pill" }, q.outlet || "unknown outlet"),
          h("span", { class: "pill kind" }, q.kind),
          q.channel ? h("span", null, "via " + q.channel) : null),
        h("blockquote", null, q.text),
        h("div", { class: "when" }, "in ", h("a", { href: articleHref(q.article_id) }, q.title || q.article_id)));
    });
    const canvas = h("canvas", { id: "speaker-outlets", "aria-label": "Quotes per outlet" });
    return {
      title: name,
      content: [
        h("h1", null, name),
        h("div", { class: "meta-line" }, h("span", null, plural(page.total, "quote")), h("span", null, "across " + plural(outlets.size, "outlet")), h("span", { class: "mono" }, id)),
        h("div", { class: "two-col" },
          h("div", { class: "card" }, h("h2", null, "Timeline"), h("ol", { class: "timeline", id: "timeline" }, items),
            page.total > page.items.length ? pager(page, "#/speaker/" + enc(id), query) : null),
          h("aside", { class: "side" }, h("div", { class: "card" }, h("h2", null, "Quotes per outlet"),
            h("div", { class: "chart-box" }, canvas))))],
      after: function () {
        const labels = Array.from(outlets.keys());
        canvas.parentNode.style.height = Math.max(120, 34 * labels.length + 40) + "px";
        charts.push(new Chart(canvas, {
          type: "bar",
          data: { labels: labels, datasets: [{ label: "quotes", data: labels.map(function (l) { return outlets.get(l); }), backgroundColor: "#2f6db5" }] },
          options: { indexAxis: "y", maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        }));
      },
    };
  }

  // ---- Entity -------------------------------------------------------------------

  async function pageEntity(parts) {
    const id = parts.join("/");
    const [e, roles] = await Promise.all([api("/api/entities/" + enc(id)), api("/api/stats/roles-by-outlet", { entity: id })]);
    const rows = e.in_articles.map(function (a) {
      return h("tr", null, h("td", null, h("a", { href: articleHref(a.article_id) }, a.title || a.article_id)),
        h("td", null, a.outlet || "—"), h("td", { class: "mono" }, a.date || "—"),
        h("td", null, a.titles.join("; ") || "—"), h("td", null, a.roles.join(", ") || "—"), h("td", { class: "num" }, String(a.mentions)));
    });
    const canvas = h("canvas", { id: "entity-roles" });
    return {
      title: e.name,
      content: [h("h1", null, e.name),
        h("div", { class: "meta-line" }, h("span", { class: "pill" }, e.type), h("span", null, plural(e.articles, "article")), h("span", null, plural(e.mentions, "mention")),
          e.quotes ? h("a", { href: speakerHref(e.id) }, plural(e.quotes, "quote")) : null, h("a", { href: "#/search?entity=" + enc(e.id) }, "search its articles")),
        roles.rows.length ? h("div", { class: "card" }, h("h2", null, "Roles by outlet"), h("div", { class: "chart-box" }, canvas)) : null,
        h("table", { class: "list" }, h("thead", null, h("tr", null, h("th", null, "Article"), h("th", null, "Outlet"), h("th", null, "Date"), h("th", null, "Titles"), h("th", null, "Roles"), h("th", { class: "num" }, "Mentions"))), h("tbody", null, rows))],
      after: function () { if (roles.rows.length) rolesChart(canvas, roles); },
    };
  }

  // ---- Search -------------------------------------------------------------------

  const FACET_NAMES = { outlet: "Outlet", language: "Language", date: "Year", narrative: "Narrative", subnarrative: "Sub-narrative", role: "Role", speaker: "Speaker", entity: "Entity" };
  const FACET_ORDER = ["outlet", "language", "date", "narrative", "subnarrative", "role", "speaker", "entity"];

  async function pageSearch(_parts, query) {
    const q = query.get("q") || "";
    const params = { q: q, limit: 20, offset: query.get("offset") || 0 };
    for (const f of FACET_ORDER) if (query.get(f)) params[f] = query.get(f);
    const res = await api("/api/search", params);
    const href = function (changes) {
      const p = new URLSearchParams(query);
      p.delete("offset");
      for (const k of Object.keys(changes)) {
        if (changes[k] === null) p.delete(k); else p.set(k, changes[k]);
      }
      const s = p.toString();
      return "#/search" + (s ? "?" + s : "");
    };
    const input = h("input", { type: "search", name: "q", value: q, placeholder: "Words, \"exact phrase\", title:word, -excluded", "aria-label": "Search query", id: "search-q" });
    const form = h("form", { class: "search-form", on: { submit: function (ev) { ev.preventDefault(); location.hash = href({ q: input.value || null }); } } }, input, h("button", { type: "submit" }, "Search"));
    const chips = FACET_ORDER.filter(function (f) { return query.get(f); }).map(function (f) {
      const v = query.get(f);
      return h("span", { class: "chip", "data-facet": f }, FACET_NAMES[f] + ": " + (f === "speaker" || f === "entity" ? prettyId(v) : v), h("a", { href: href({ [f]: null }), title: "Remove filter", "aria-label": "Remove filter " + f }, "×"));
    });
    const facets = h("aside", { class: "card", id: "facets" }, FACET_ORDER.map(function (f) {
      const values = (res.facets[f] || []);
      if (!values.length) return null;
      return h("div", { class: "facet", "data-facet": f }, h("h3", null, FACET_NAMES[f]),
        h("ul", null, values.map(function (v) {
          const on = query.get(f) === v.value;
          const label = f === "speaker" || f === "entity" ? prettyId(v.value) : v.value;
          return h("li", null, h("a", { href: href({ [f]: on ? null : v.value }), class: on ? "on" : null, "data-value": v.value, title: v.value }, h("span", null, label), h("span", { class: "count" }, String(v.count))));
        })));
    }));
    const hits = res.hits.map(function (hit) {
      return h("div", { class: "hit" },
        h("a", { class: "t", href: articleHref(hit.id) }, hit.title || hit.id),
        h("div", { class: "meta-line" }, h("span", null, hit.outlet || "unknown outlet"), h("span", { class: "mono" }, hit.date || "undated"), h("span", null, hit.language || "")),
        hit.snippet ? snippet(hit.snippet) : null);
    });
    return {
      title: q ? "Search: " + q : "Search",
      content: [h("h1", null, "Search"), form, chips.length ? h("div", { class: "chips" }, chips) : null,
        h("div", { class: "search-layout" }, facets,
          h("div", { class: "card" }, h("div", { class: "meta-line", id: "search-total" }, plural(res.total, "article") + " found"),
            h("div", { id: "hits" }, hits.length ? hits : h("p", { class: "empty" }, "Nothing matches.")),
            res.total > res.hits.length ? pager(res, "#/search", query) : null))],
    };
  }

  // A readable name from an entity or speaker id: `person:alexander-lukashenko` →
  // "Alexander Lukashenko", `name:a-ministry-spokesman` → "a ministry spokesman".
  function prettyId(id) {
    const i = id.indexOf(":");
    const kind = i > 0 ? id.slice(0, i) : "";
    const words = (i > 0 ? id.slice(i + 1) : id).split("-").filter(Boolean);
    if (kind === "name") return words.join(" ");
    return words.map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join(" ");
  }

  function snippet(s) {
    const at = T.byteIndex(s.text);
    const el = h("div", { class: "snippet" });
    let pos = 0;
    for (const range of s.highlights) {
      const a = at(range[0]);
      const b = at(range[1]);
      if (a < pos || b <= a) continue;
      append(el, s.text.slice(pos, a));
      append(el, h("mark", null, s.text.slice(a, b)));
      pos = b;
    }
    append(el, s.text.slice(pos));
    return el;
  }

  // ---- Outlets: heat-map and roles ----------------------------------------------

  function rolesChart(canvas, m) {
    const outlets = m.rows.map(function (r) { return r.value; });
    const roles = ROLE_ORDER.filter(function (r) { return m.columns.some(function (c) { return c.value === r; }); })
      .concat(m.columns.map(function (c) { return c.value; }).filter(function (r) { return ROLE_ORDER.indexOf(r) < 0; }));
    const cell = new Map(m.cells.map(function (c) { return [c.row + "\u0000" + c.column, c.count]; }));
    canvas.parentNode.style.height = Math.max(160, 36 * outlets.length + 70) + "px";
    charts.push(new Chart(canvas, {
      type: "bar",
      data: {
        labels: outlets,
        datasets: roles.map(function (r) {
          return { label: r, data: outlets.map(function (o) { return cell.get(o + "\u0000" + r) || 0; }), backgroundColor: ROLE_COLOURS[r] || "#9aa3b1" };
        }),
      },
      options: {
        indexAxis: "y", maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "entities cast in the role" } }, y: { stacked: true } },
        plugins: { legend: { position: "top" } },
      },
    }));
  }

  function shortLabel(s, n) { return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  function heatmap(canvas, m) {
    const outlets = m.rows.map(function (r) { return r.value; });
    const labels = m.columns.map(function (c) { return c.value; });
    const max = m.cells.reduce(function (a, c) { return Math.max(a, c.count); }, 1);
    const box = canvas.parentNode;
    box.style.height = Math.max(220, 34 * labels.length + 120) + "px";
    charts.push(new Chart(canvas, {
      type: "matrix",
      data: {
        datasets: [{
          label: "articles",
          data: m.cells.map(function (c) { return { x: c.row, y: c.column, v: c.count }; }),
          backgroundColor: function (ctx) {
            const v = ctx.raw ? ctx.raw.v : 0;
            const a = 0.15 + 0.85 * (v / max);
            return "rgba(31, 58, 95, " + a.toFixed(3) + ")";
          },
          borderColor: "#ffffff",
          borderWidth: 1,
          width: function (ctx) { const a = ctx.chart.chartArea; return a ? a.width / outlets.length - 2 : 10; },
          height: function (ctx) { const a = ctx.chart.chartArea; return a ? a.height / labels.length - 2 : 10; },
        }],
      },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: function (items) { const r = items[0].raw; return r.y; }, label: function (item) { const r = item.raw; return r.x + ": " + plural(r.v, "article"); } } },
        },
        scales: {
          x: { type: "category", labels: outlets, offset: true, grid: { display: false }, ticks: { callback: function (v) { return shortLabel(outlets[v], 22); } }, position: "top" },
          y: { type: "category", labels: labels, offset: true, reverse: false, grid: { display: false }, ticks: { callback: function (v) { return shortLabel(labels[v], 48); } } },
        },
      },
      plugins: [{
        // Counts written in the cells.
        id: "cellCounts",
        afterDatasetsDraw: function (chart) {
          const ctx = chart.ctx;
          const meta = chart.getDatasetMeta(0);
          ctx.save();
          ctx.font = "12px system-ui, sans-serif";
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          meta.data.forEach(function (el, i) {
            const raw = chart.data.datasets[0].data[i];
            const p = el.getCenterPoint();
            ctx.fillStyle = raw.v / max > 0.5 ? "#ffffff" : "#1d2430";
            ctx.fillText(String(raw.v), p.x, p.y);
          });
          ctx.restore();
        },
      }],
    }));
  }

  async function pageOutlets(_parts, query) {
    const level = query.get("level") === "subnarrative" ? "subnarrative" : "narrative";
    const entity = query.get("entity") || "";
    const [m, roles, stats, people] = await Promise.all([
      api("/api/stats/outlet-narratives", { level: level, limit: 40 }),
      api("/api/stats/roles-by-outlet", { entity: entity, limit: 40 }),
      api("/api/stats"),
      api("/api/entities", { limit: 100 }),
    ]);
    const heat = h("canvas", { id: "heatmap", "aria-label": "Articles per outlet and narrative" });
    const rolesCanvas = h("canvas", { id: "roles-chart", "aria-label": "Entity roles per outlet" });
    const outletsCanvas = h("canvas", { id: "outlets-chart", "aria-label": "Articles per outlet" });
    const levelSelect = h("select", { id: "level", "aria-label": "Label level", on: { change: function () { location.hash = "#/outlets?" + new URLSearchParams({ level: levelSelect.value, entity: entity }).toString(); } } },
      h("option", { value: "narrative", selected: level === "narrative" }, "Narratives"),
      h("option", { value: "subnarrative", selected: level === "subnarrative" }, "Sub-narratives"));
    const entitySelect = h("select", { id: "role-entity", "aria-label": "Entity", on: { change: function () { location.hash = "#/outlets?" + new URLSearchParams({ level: level, entity: entitySelect.value }).toString(); } } },
      h("option", { value: "" }, "All entities"),
      people.items.map(function (e) { return h("option", { value: e.id, selected: e.id === entity }, e.name + " (" + e.type + ")"); }));
    return {
      title: "Outlets",
      content: [h("h1", null, "Outlets"),
        h("div", { class: "card" }, h("h2", null, "Outlet × narrative"),
          h("div", { class: "chart-controls" }, h("label", { for: "level" }, "Show "), levelSelect, h("span", null, "cells count articles; " + m.total_rows + " outlets")),
          m.cells.length ? h("div", { class: "chart-box" }, heat) : h("p", { class: "empty", id: "heatmap-empty" }, "No article carries a " + level + " label yet.")),
        h("div", { class: "two-col" },
          h("div", { class: "card" }, h("h2", null, "Entity roles by outlet"),
            h("div", { class: "chart-controls" }, h("label", { for: "role-entity" }, "Entity "), entitySelect),
            roles.cells.length ? h("div", { class: "chart-box" }, rolesCanvas) : h("p", { class: "empty", id: "roles-empty" }, "No role assignments" + (entity ? " for this entity" : "") + " (records before schema v4 carry none).")),
          h("div", { class: "card" }, h("h2", null, "Articles per outlet"), h("div", { class: "chart-box" }, outletsCanvas)))],
      after: function () {
        if (m.cells.length) heatmap(heat, m);
        if (roles.cells.length) rolesChart(rolesCanvas, roles);
        const labels = stats.by_outlet.map(function (c) { return c.value; });
        outletsCanvas.parentNode.style.height = Math.max(160, 30 * labels.length + 40) + "px";
        charts.push(new Chart(outletsCanvas, {
          type: "bar",
          data: { labels: labels, datasets: [{ label: "articles", data: stats.by_outlet.map(function (c) { return c.count; }), backgroundColor: "#1f3a5f" }] },
          options: { indexAxis: "y", maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
        }));
      },
    };
  }

  // ---- Shared quotes, duplicates, conflicts ---------------------------------------

  function articleLine(a, extra) {
    return h("li", null, h("a", { href: articleHref(a.id || a.article_id) }, a.title || a.id || a.article_id),
      " — ", a.outlet || "unknown outlet", ", ", h("span", { class: "mono" }, a.date || "undated"), extra || null);
  }

  async function pageShared(_parts, query) {
    const page = await api("/api/quotes/shared", pageParams(query, 30));
    const groups = page.items.map(function (g) {
      const first = g.quotes[0];
      return h("div", { class: "group shared-quote" },
        h("div", { class: "quote-text" }, "“", first ? first.text : g.key, "”"),
        h("div", { class: "meta-line" }, h("span", { class: "pill" }, plural(g.outlets, "outlet")), h("span", null, plural(g.occurrences, "occurrence"))),
        h("ul", null, g.quotes.map(function (q) {
          return articleLine(q, [" — ", q.speaker ? h("a", { href: speakerHref(q.speaker_entity || speakerSlug(q.speaker)) }, q.speaker) : "speaker unknown", q.text !== first.text ? h("span", { class: "pill kind", title: q.text }, "variant") : null]);
        })));
    });
    return {
      title: "Shared quotes",
      content: [h("h1", null, "Same quote in several outlets"),
        h("p", { class: "meta-line" }, "Quotes whose words (ignoring case, punctuation and quotation marks) appear in articles of at least two outlets: a trace of copied wire copy or coordinated messaging."),
        h("div", { id: "shared" }, groups.length ? groups : h("p", { class: "empty" }, "No quote appears in more than one outlet.")),
        page.total > page.items.length ? pager(page, "#/quotes/shared", query) : null],
    };
  }

  async function pageDuplicates(_parts, query) {
    const page = await api("/api/duplicates", pageParams(query, 30));
    const groups = page.items.map(function (g) {
      return h("div", { class: "group duplicate-group" },
        h("div", null, h("b", null, "Original: "), h("a", { href: articleHref(g.original.id) }, g.original.title || g.original.id), " — ", g.original.outlet || "unknown outlet", ", ", g.original.date || "undated"),
        h("ul", null, g.copies.map(function (c) { return articleLine(c); })));
    });
    return {
      title: "Near-duplicates",
      content: [h("h1", null, "Near-duplicates"),
        h("p", { class: "meta-line" }, "Articles whose body is the same as an earlier one, or nearly so (5-word shingles, Jaccard ≥ 0.9)."),
        h("div", { id: "duplicates" }, groups.length ? groups : h("p", { class: "empty" }, "No near-duplicates stored.")),
        page.total > page.items.length ? pager(page, "#/duplicates", query) : null],
    };
  }

  async function pageConflicts(_parts, query) {
    const page = await api("/api/conflicts", pageParams(query, 50));
    const groups = page.items.map(function (c) {
      return h("div", { class: "group conflict", "data-kind": c.kind },
        h("div", { class: "flag" }, h("span", null, h("a", { href: entityHref(c.entity) }, c.name), ": ",
          c.titles.map(function (t, i) { return [i ? h("span", { class: "vs" }, "vs") : null, "“", t, "”"]; }),
          " ", h("span", { class: "pill warn" }, c.kind === "article" ? "within one article" : "between sources"))),
        h("ul", null, c.articles.map(function (a, i) { return articleLine(a, c.kind === "sources" ? [" — calls it “", c.titles[i], "”"] : null); })));
    });
    return {
      title: "Conflicts",
      content: [h("h1", null, "Contradictory titles"),
        h("p", { class: "meta-line" }, "The same person given incompatible offices (say, “Belarusian President” and “Russian President”), in one article or by different outlets: a sign of an error or of disinformation."),
        h("div", { id: "conflicts" }, groups.length ? groups : h("p", { class: "empty" }, "No contradictory titles found.")),
        page.total > page.items.length ? pager(page, "#/conflicts", query) : null],
    };
  }

  // ---- Start --------------------------------------------------------------------

  document.getElementById("quick-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    const q = document.getElementById("quick-q").value.trim();
    location.hash = "#/search" + (q ? "?" + new URLSearchParams({ q: q }).toString() : "");
  });
  if (window.Chart) {
    Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
    Chart.defaults.color = "#3d4655";
  }
  window.addEventListener("hashchange", route);
  route();
})();
