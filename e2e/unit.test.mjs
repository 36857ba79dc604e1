// text.js (byte offsets → string indices, segmentation of overlapping spans), in node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const T = require("../crates/narrascope-server/assets/text.js");
const bytes = (s, i) => Buffer.byteLength(s.slice(0, i), "utf8");

test("byte offsets map to string indices in every script", () => {
  const samples = [
    "«Мы готовы», — сказал он.",
    "„Wir werden“, sagte sie.",
    "मंत्री ने कहा, “हम तैयार हैं।”",
    "Emoji 🇧🇾 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP",
    "plain ASCII",
  ];
  for (const s of samples) {
    const at = T.byteIndex(s);
    for (let i = 0; i <= s.length; i++) {
      // Only code point starts are offsets: skip the second half of a surrogate pair.
      const code = s.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff) continue;
      assert.equal(at(bytes(s, i)), i, `${s} @${i}`);
    }
    assert.equal(at(Buffer.byteLength(s)), s.length);
    assert.equal(at(10 ** 9), s.length, "past the end clamps");
    assert.equal(at(0), 0);
    assert.equal(T.byteLength(s), Buffer.byteLength(s));
  }
});

test("an offset inside a character moves to the next character", () => {
  const s = "aЖb"; // Ж is 2 bytes: offsets 1..3
  const at = T.byteIndex(s);
  assert.equal(at(1), 1);
  assert.equal(at(2), 2, "inside Ж → after it");
  assert.equal(at(3), 2);
});

test("overlapping and nested spans split the text at every boundary", () => {
  const text = "«Мы готовы», — сказал Лукашенко.";
  const q = text.indexOf("Мы готовы");
  const who = text.indexOf("Лукашенко");
  const sp = (from, to, name) => ({ start: bytes(text, from), end: bytes(text, to), name });
  const quote = sp(q, q + "Мы готовы".length, "quote");
  const sentence = sp(0, text.length, "evidence");
  const ent = sp(who, who + "Лукашенко".length, "entity");
  const overlap = sp(q + 3, who + 2, "overlap");
  const segs = T.segment(text, [ent, quote, sentence, overlap, sp(5, 5, "empty"), sp(9, 2, "inverted")]);
  assert.equal(segs.map((s) => s.text).join(""), text, "segments cover the text exactly once");
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i].start, segs[i - 1].end);
  const covering = (name) => segs.filter((s) => s.spans.some((x) => x.name === name)).map((s) => s.text).join("");
  assert.equal(covering("quote"), "Мы готовы");
  assert.equal(covering("entity"), "Лукашенко");
  assert.equal(covering("evidence"), text);
  assert.equal(covering("overlap"), text.slice(q + 3, who + 2));
  assert.equal(covering("empty"), "");
  assert.equal(covering("inverted"), "");
  // Outermost first: the sentence wraps the quote.
  const inQuote = segs.find((s) => s.text.startsWith("Мы"));
  assert.deepEqual(inQuote.spans.map((s) => s.name), ["evidence", "quote"]);
});

test("quotes normalise like the store's", () => {
  assert.equal(T.normalizeQuote("«Мы ГОТОВЫ,»  к переговорам…"), "мы готовы к переговорам");
  assert.equal(T.normalizeQuote("„Wir werden“!"), "wir werden");
});
