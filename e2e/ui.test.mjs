// Browser tests of the narrascope UI: headless Debian Chromium driven by
// playwright-core against a running `narrascope serve` (started by run.sh, which sets
// NARRASCOPE_URL). Every page is checked for its key elements, and every test fails on
// a console error, an uncaught exception, a dialog, a request to any host but the
// server, or `window.__pwned` being set by injected markup.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import {
  PWN, IMG, SHARED_QUOTE, RU_QUOTE, RU_EVIDENCE, DE_QUOTE, HI_QUOTE,
  HOSTILE_ID, HOSTILE_TITLE, HOSTILE_SPEAKER,
} from "./records.mjs";

const BASE = process.env.NARRASCOPE_URL;
const SHOTS = process.env.NARRASCOPE_SCREENSHOTS || "";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
if (!BASE) throw new Error("NARRASCOPE_URL is not set: run e2e/run.sh");
const origin = new URL(BASE).origin;

let browser;

before(async () => {
  // playwright-core gives the browser a fresh temporary profile (--user-data-dir) and
  // deletes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
});

after(async () => {
  if (browser) await browser.close();
});

// A fresh page with watchers. `done()` asserts that nothing bad happened.
async function open(hash = "#/") {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("dialog", async (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol === "data:" || u.protocol === "blob:") return;
    if (u.origin !== origin) problems.push(`request to another host: ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await go(page, hash, true);
  return {
    page,
    problems,
    async done() {
      // Let late handlers (onerror of an injected <img>) run before judging.
      await page.waitForTimeout(150);
      const pwned = await page.evaluate(() => window.__pwned);
      await context.close();
      assert.equal(pwned, undefined, "injected markup ran");
      assert.deepEqual(problems, [], "problems in the page");
    },
  };
}

// Navigates (by URL on first load, else by hash) and waits for the page to render.
async function go(page, hash, first = false) {
  if (first) await page.goto(origin + "/" + hash);
  else await navigate(page, () => page.evaluate((h) => { location.hash = h; }, hash));
  await page.waitForSelector("main[data-ready]");
}

// Runs `action` (a click…) and waits for the next render to finish.
async function navigate(page, action) {
  const before = await page.evaluate(() => Number(document.getElementById("main").getAttribute("data-render") || 0));
  await action();
  await page.waitForFunction((n) => {
    const m = document.getElementById("main");
    return m.hasAttribute("data-ready") && Number(m.getAttribute("data-render") || 0) > n;
  }, before);
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(SHOTS, name + ".png") });
}

const text = (page, sel) => page.locator(sel).first().textContent();
const count = (page, sel) => page.locator(sel).count();
const articleHash = (id) => "#/article/" + encodeURIComponent(id);

// Whether a chart's canvas has been drawn on: some pixel is not transparent.
async function drawn(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    if (!c || !window.Chart || !Chart.getChart(c)) return false;
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) inked++;
    return inked > 500;
  }, selector);
}

test("home lists the corpus with statistics", async () => {
  const { page, done } = await open("#/");
  const rows = await count(page, "#articles tbody tr");
  assert.ok(rows >= 15, `articles listed: ${rows}`);
  assert.match(await text(page, ".stats"), /articles/);
  assert.ok(await page.locator("#articles a.article-link", { hasText: "Лукашенко" }).count() >= 1);
  assert.equal(await page.locator("#nav a.active").textContent(), "Articles");
  await shot(page, "articles");
  await done();
});

test("article view highlights quotes by speaker, entities by role, evidence, noise on demand", async () => {
  const { page, done } = await open(articleHash("e2e-ru-belta"));
  assert.equal(await text(page, "#article-title"), "Лукашенко: «Мы готовы к переговорам»");
  // The quote's byte offsets land exactly on the Cyrillic words.
  assert.equal(await text(page, "#article-text .q"), RU_QUOTE);
  assert.match(await page.locator("#article-text .q").first().getAttribute("class"), /spk-0/);
  assert.match(await page.locator("#article-text .q").first().getAttribute("title"), /Александр Лукашенко/);
  // Entities by role: Lukashenko protagonist, the West antagonist.
  assert.equal(await text(page, "#article-text .ent.role-protagonist"), "Александр Лукашенко");
  assert.equal(await text(page, "#article-text .ent.role-antagonist"), "Запад");
  // Evidence sentence underlined, and listed under its narrative.
  const ev = await page.locator("#article-text .ev").allTextContents();
  assert.equal(ev.join(""), RU_EVIDENCE);
  assert.match(await text(page, "#narratives"), /URW: Blaming the war on others/);
  assert.match(await text(page, "#narratives"), /The West are the aggressors/);
  assert.match(await text(page, "#explanation"), /несёт ответственность/);
  assert.match(await text(page, "#speakers-legend"), /Александр Лукашенко/);
  assert.match(await text(page, "#entities-legend"), /Protagonist · Guardian, Peacemaker/);
  // Noise: hidden until asked for, then shown dimmed.
  const noise = page.locator("#article-text .noise", { hasText: "Telegram" });
  assert.equal(await noise.isVisible(), false);
  await page.check("#t-noise");
  assert.equal(await noise.isVisible(), true);
  const colour = await noise.evaluate((e) => getComputedStyle(e).color);
  assert.equal(colour, "rgb(154, 163, 177)", "noise is dimmed");
  await page.uncheck("#t-noise");
  assert.equal(await noise.isVisible(), false);
  await page.check("#t-noise");
  await shot(page, "article");
  await done();
});

test("offsets are right in German and Devanagari text", async () => {
  const de = await open(articleHash("e2e-de-morgen"));
  assert.equal(await text(de.page, "#article-text .q"), DE_QUOTE);
  assert.equal(await text(de.page, "#article-text .ent.role-protagonist"), "Boris Pistorius");
  assert.equal(await text(de.page, "#article-text .ent.type-loc"), "Berlin", "no role: coloured by type");
  await de.done();
  const hi = await open(articleHash("e2e-hi-samachar"));
  assert.equal(await text(hi.page, "#article-text .q"), HI_QUOTE);
  assert.equal(await text(hi.page, "#article-text .ent.role-innocent"), "अर्जुन मुंडा");
  assert.equal(await hi.page.locator("#article-text").getAttribute("lang"), "hi");
  await hi.done();
});

test("a sample-corpus article analysed by the pipeline shows its highlights", async () => {
  const { page, done } = await open(articleHash("01-minsk-grain-talks"));
  assert.ok(await count(page, "#article-text .q") >= 1, "quotes highlighted");
  assert.ok(await count(page, "#article-text .ent") >= 1, "entities highlighted");
  assert.ok(await count(page, "#speakers-legend li") >= 1);
  await done();
});

test("conflicting titles are flagged in the article and on the conflicts page", async () => {
  const a = await open(articleHash("e2e-en-conflict"));
  const flag = a.page.locator(".conflict-flag");
  assert.ok(await flag.isVisible());
  assert.match(await flag.textContent(), /Belarusian President vs Russian President/);
  await a.done();

  const { page, done } = await open("#/conflicts");
  assert.ok(await count(page, '#conflicts .conflict[data-kind="article"]') >= 1);
  const between = page.locator('#conflicts .conflict[data-kind="sources"]', { hasText: "Wire Service" });
  assert.ok(await between.count() >= 1, "the two wire outlets disagree");
  assert.match(await between.first().textContent(), /Belarusian President.*vs.*Russian President|Russian President.*vs.*Belarusian President/s);
  assert.ok(await page.locator(".flag").first().isVisible());
  await shot(page, "conflicts");
  await done();
});

test("speaker page: a timeline of everything a person said, across outlets", async () => {
  const { page, done } = await open("#/speakers");
  await navigate(page, () => page.click('#speakers a.speaker-link[href="#/speaker/person%3Aalexander-lukashenko"]'));
  const entries = page.locator("#timeline li.timeline-entry");
  assert.ok(await entries.count() >= 4, "every quote");
  const outlets = new Set(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-outlet"))));
  assert.ok(outlets.has("BelTA") && outlets.has("Wire Service") && outlets.has("Eastern Herald"), [...outlets].join());
  // Oldest first.
  assert.match(await entries.first().textContent(), /2024-03-04/);
  assert.match(await entries.first().textContent(), new RegExp(RU_QUOTE));
  assert.ok(await drawn(page, "#speaker-outlets"), "quotes-per-outlet chart drawn");
  await shot(page, "speaker");
  await done();
});

test("outlets: outlet × narrative heat-map and entity roles by outlet", async () => {
  const { page, done } = await open("#/outlets");
  assert.ok(await drawn(page, "#heatmap"), "heat-map drawn");
  const cells = await page.evaluate(() => Chart.getChart(document.getElementById("heatmap")).data.datasets[0].data);
  const cell = cells.find((c) => c.x === "BelTA" && c.y === "URW: Blaming the war on others");
  assert.equal(cell && cell.v, 1);
  assert.equal(await page.evaluate(() => Chart.getChart(document.getElementById("heatmap")).config.type), "matrix");
  assert.ok(await drawn(page, "#roles-chart"), "roles chart drawn");
  const roles = await page.evaluate(() => Chart.getChart(document.getElementById("roles-chart")).data.datasets.map((d) => d.label));
  assert.deepEqual(roles.slice(0, 3), ["Protagonist", "Antagonist", "Innocent"]);
  assert.ok(await drawn(page, "#outlets-chart"));
  await shot(page, "outlets");
  // One entity's roles; then sub-narratives.
  await navigate(page, () => page.selectOption("#role-entity", "person:alexander-lukashenko"));
  const data = await page.evaluate(() => Chart.getChart(document.getElementById("roles-chart")).data);
  assert.ok(data.labels.includes("Daily Mirror Site") && !data.labels.includes("Dainik Samachar"), data.labels.join());
  await navigate(page, () => page.selectOption("#level", "subnarrative"));
  assert.ok(await drawn(page, "#heatmap"));
  await done();
});

test("search with facets filters the results", async () => {
  const { page, done } = await open("#/");
  await page.fill("#quick-q", "Lukashenko");
  await navigate(page, () => page.press("#quick-q", "Enter"));
  const total = async () => Number((await text(page, "#search-total")).match(/\d+/)[0]);
  const all = await total();
  assert.ok(all >= 3, `hits: ${all}`);
  assert.ok(await count(page, "#hits .hit .snippet mark") >= 1, "matches highlighted");
  await navigate(page, () => page.click('#facets .facet[data-facet="outlet"] a[data-value="Wire Service"]'));
  assert.equal(await total(), 1);
  const outlets = await page.locator("#hits .hit .meta-line span:first-child").allTextContents();
  assert.deepEqual(outlets, ["Wire Service"]);
  assert.match(await text(page, ".chips"), /Outlet: Wire Service/);
  await navigate(page, () => page.click('.chip[data-facet="outlet"] a'));
  assert.equal(await total(), all);
  await navigate(page, () => page.click('#facets .facet[data-facet="role"] a[data-value="Antagonist"]'));
  assert.ok((await total()) >= 2);
  await shot(page, "search");
  await done();
});

test("same quote in several outlets, and near-duplicates", async () => {
  const { page, done } = await open("#/quotes/shared");
  const group = page.locator("#shared .shared-quote", { hasText: SHARED_QUOTE });
  assert.equal(await group.count(), 1);
  assert.match(await group.textContent(), /3 outlets/);
  assert.equal(await group.locator("li").count(), 3);
  await shot(page, "shared-quotes");
  await go(page, "#/duplicates");
  const dups = page.locator("#duplicates .duplicate-group");
  assert.ok(await dups.count() >= 2, "the sample corpus copy and the seeded one");
  assert.match(await dups.filter({ hasText: "(copy)" }).textContent(), /Daily Mirror Site/);
  await shot(page, "duplicates");
  await done();
});

test("navigation: menu, links and the back button", async () => {
  const { page, done } = await open("#/");
  for (const [label, ready] of [["Search", "search"], ["Speakers", "speakers"], ["Outlets", "outlets"], ["Shared quotes", "quotes"], ["Duplicates", "duplicates"], ["Conflicts", "conflicts"], ["Articles", "articles"]]) {
    await navigate(page, () => page.click(`#nav a:text-is("${label}")`));
    assert.equal(await page.locator("main").getAttribute("data-ready"), ready, label);
    assert.equal(await page.locator("#nav a.active").textContent(), label);
  }
  await navigate(page, () => page.click('#articles a.article-link:text-is("Minsk summit postponed")'));
  assert.equal(await text(page, "#article-title"), "Minsk summit postponed");
  await navigate(page, () => page.click('#entities-legend a:text-is("Alexander Lukashenko")'));
  assert.equal(await text(page, "main h1"), "Alexander Lukashenko");
  await navigate(page, () => page.goBack());
  assert.equal(await text(page, "#article-title"), "Minsk summit postponed");
  await navigate(page, () => page.goBack());
  assert.equal(await page.locator("main").getAttribute("data-ready"), "articles");
  await done();
});

test("an unknown article is an error message, not a broken page", async () => {
  const { page, problems, done } = await open("#/article/no-such-article");
  assert.match(await text(page, ".error-box"), /no article/);
  // The 404 of the API call is expected here, and only it.
  assert.ok(problems.length >= 1 && problems.every((p) => /404/.test(p)), problems.join("\n"));
  problems.length = 0;
  await done();
});

test("XSS: markup in article text, titles, outlets, speakers and labels never runs", async () => {
  const pages = [
    articleHash(HOSTILE_ID),
    articleHash("hostile-pipeline"),
    "#/",
    "#/search?q=pwned",
    "#/search?q=Chairman",
    "#/speakers",
    "#/speaker/" + encodeURIComponent("person:evil-spokesman"),
    "#/entity/" + encodeURIComponent("org:evil-corp"),
    "#/conflicts",
    "#/outlets",
    "#/quotes/shared",
  ];
  for (const hash of pages) {
    const { page, done } = await open(hash);
    await page.mouse.move(300, 300);
    // No element came from the data: no <script>, <img>, <svg> or <b> inside main.
    const injected = await page.evaluate(() => document.querySelectorAll("main script, main img, main svg, main b[onmouseover], main [onerror], main [onload]").length);
    assert.equal(injected, 0, hash);
    await done();
  }
  // The hostile text is shown literally.
  const { page, done } = await open(articleHash(HOSTILE_ID));
  assert.equal(await text(page, "#article-title"), HOSTILE_TITLE);
  const body = await text(page, "#article-text");
  assert.ok(body.includes(PWN) && body.includes(IMG), "markup shown as text");
  assert.ok((await text(page, "#speakers-legend")).includes(HOSTILE_SPEAKER));
  assert.ok((await text(page, ".conflict-flag")).includes(PWN));
  assert.ok((await text(page, "#explanation")).includes(IMG));
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0, "javascript: URL not linked");
  // Hover and click everything highlighted: still nothing runs.
  for (const el of await page.locator("#article-text span").all()) await el.hover({ force: true }).catch(() => {});
  await page.check("#t-noise");
  assert.ok((await text(page, "#article-text .noise")).includes(PWN));
  await done();
  const p2 = await open(articleHash("hostile-pipeline"));
  assert.ok((await text(p2.page, "#article-text")).includes('<img src=x onerror="window.__pwned=1">'));
  assert.ok((await text(p2.page, "main .meta-line")).includes("<svg onload=window.__pwned=1>Gazette"));
  await shot(p2.page, "xss-literal");
  await p2.done();
});

test("the page is served with a strict Content-Security-Policy", async () => {
  const { page } = await open("#/");
  const r = await page.request.get(origin + "/");
  const csp = r.headers()["content-security-policy"];
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  // An inline script added now is refused by the policy.
  const ran = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener("securitypolicyviolation", () => resolve("blocked"), { once: true });
    const s = document.createElement("script");
    s.textContent = "window.__inline = 1";
    document.body.appendChild(s);
    setTimeout(() => resolve(window.__inline === 1 ? "ran" : "blocked"), 500);
  }));
  assert.equal(ran, "blocked");
  await page.waitForTimeout(100);
  // The violation report is a console error: expected here.
  await page.context().close();
});
