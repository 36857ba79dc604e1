// narrascope UI: text helpers with no DOM access, so that node can test them
// (e2e/unit.test.mjs). Records give UTF-8 *byte* offsets into `text`; JavaScript
// strings index UTF-16 code units. `byteIndex` converts, and `segment` splits a text at
// every span boundary so overlapping highlights nest.
(function (root) {
  "use strict";

  // UTF-8 length of the code point `cp`.
  function utf8Len(cp) {
    if (cp < 0x80) return 1;
    if (cp < 0x800) return 2;
    if (cp < 0x10000) return 3;
    return 4;
  }

  // Returns a function mapping a UTF-8 byte offset of `text` to a string index. An
  // offset inside a character (never written by narrascope, but records may be
  // hand-edited) moves to the start of the next character; offsets past the end clamp
  // to `text.length`.
  function byteIndex(text) {
    // bytes[k]: byte offset of the k-th code point start; units[k]: its string index.
    const bytes = [];
    const units = [];
    let b = 0;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i);
      bytes.push(b);
      units.push(i);
      b += utf8Len(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    bytes.push(b);
    units.push(text.length);
    return function (offset) {
      if (!(offset > 0)) return 0;
      // First code point starting at or after `offset`.
      let lo = 0;
      let hi = bytes.length - 1;
      if (offset >= bytes[hi]) return text.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bytes[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return units[lo];
    };
  }

  // UTF-8 byte length of a string.
  function byteLength(s) {
    let n = 0;
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i);
      n += utf8Len(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    return n;
  }

  // Splits `text` at every boundary of `spans` (objects with byte `start`/`end`, and
  // anything else the caller needs). Returns consecutive segments covering the whole
  // text: {start, end, text, spans}, `start`/`end` being string indices and `spans`
  // the input spans covering the segment, outermost (longest) first. Empty and
  // inverted spans are ignored; spans are clamped to the text.
  function segment(text, spans) {
    const at = byteIndex(text);
    const items = [];
    for (const s of spans) {
      const start = at(s.start);
      const end = at(s.end);
      if (end > start) items.push({ start: start, end: end, span: s });
    }
    const cuts = new Set([0, text.length]);
    for (const it of items) {
      cuts.add(it.start);
      cuts.add(it.end);
    }
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    // Sweep: spans sorted by start; active ones kept in a list.
    items.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    const out = [];
    let next = 0;
    let active = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      active = active.filter(function (it) { return it.end > a; });
      while (next < items.length && items[next].start <= a) {
        if (items[next].end > a) active.push(items[next]);
        next++;
      }
      const covering = active
        .slice()
        .sort(function (x, y) { return (y.end - y.start) - (x.end - x.start) || x.start - y.start; })
        .map(function (it) { return it.span; });
      out.push({ start: a, end: b, text: text.slice(a, b), spans: covering });
    }
    return out;
  }

  // The same quote in two outlets looks the same after this (mirrors the store's
  // `normalize_quote`): lower case, non-alphanumerics as single spaces, trimmed.
  function normalizeQuote(s) {
    return s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  const api = { byteIndex: byteIndex, byteLength: byteLength, segment: segment, normalizeQuote: normalizeQuote };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.NarraText = api;
})(typeof self !== "undefined" ? self : this);
