// Analysed records (schema v4) written by hand for the browser tests: what the UI must
// show whatever the models of the day predict — roles, title conflicts, a quote shared
// by several outlets, a near-duplicate, an explanation, removed noise — in Cyrillic
// with «guillemets», German „quotes“, Devanagari, and one record with markup in every
// field it has. Offsets are computed here as UTF-8 byte offsets, like the pipeline's.

export const PWN = "<script>window.__pwned=1</script>";
export const IMG = '<img src=x onerror="window.__pwned=1">';
export const SVG = "<svg onload=window.__pwned=1>";

const utf8 = (s) => Buffer.byteLength(s, "utf8");

// Byte span of the `nth` occurrence of `needle` in `text` (string search, then byte
// conversion).
function span(text, needle, from = 0) {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`records.mjs: ${JSON.stringify(needle)} not in text`);
  return { start: utf8(text.slice(0, i)), end: utf8(text.slice(0, i + needle.length)), index: i };
}

function all(text, needle) {
  const out = [];
  let from = 0;
  for (;;) {
    const i = text.indexOf(needle, from);
    if (i < 0) return out;
    out.push({ start: utf8(text.slice(0, i)), end: utf8(text.slice(0, i + needle.length)) });
    from = i + needle.length;
  }
}

let hashSeed = 1;

// Builds one record. `blocks`: paragraphs; `noise`: {kind, text} blocks placed before
// the paragraph of index `before` (or at the end). Mentions, quotes and evidence are
// found by their text.
function record(o) {
  const blocks = [];
  o.blocks.forEach((p, i) => {
    for (const n of o.noise || []) if (n.before === i) blocks.push({ noise: n });
    blocks.push({ text: p });
  });
  for (const n of o.noise || []) if (n.before === undefined) blocks.push({ noise: n });
  let text = o.title;
  const paragraphs = [];
  const noise = [];
  for (const b of blocks) {
    text += "\n\n";
    const start = utf8(text);
    text += b.noise ? b.noise.text : b.text;
    const end = utf8(text);
    if (b.noise) noise.push({ start, end, kind: b.noise.kind, text: b.noise.text });
    else paragraphs.push({ start, end });
  }
  const entities = (o.entities || []).map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type || "person",
    titles: e.titles || [],
    aliases: e.aliases || [],
    mentions: (e.surface || [e.name]).flatMap((s) => all(text, s)).map((m) => ({ ...m, kind: "name" }))
      .sort((a, b) => a.start - b.start),
    conflicts: e.conflicts || [],
  }));
  const quotes = (o.quotes || []).map((q) => {
    const s = span(text, q.text);
    return {
      start: s.start, end: s.end, text: q.text, kind: q.kind || "direct", cue: null,
      speaker: q.speaker ? { name: q.speaker, entity: q.entity || null, mention: null } : null,
      channel: null,
    };
  });
  const label = (l) => ({ label: l.label, score: l.score, evidence: (l.evidence || []).map((e) => { const s = span(text, e); return { start: s.start, end: s.end }; }) });
  const roles = (o.roles || []).map((r) => {
    const e = entities.find((x) => x.id === r.entity);
    return {
      entity: r.entity, name: e.name, mention: { start: e.mentions[0].start, end: e.mentions[0].end },
      main_role: r.main_role, fine_roles: r.fine_roles || [], score: r.score || 0.8,
      evidence: (r.evidence || []).map((x) => { const s = span(text, x); return { start: s.start, end: s.end }; }),
    };
  });
  const body = blocks.filter((b) => !b.noise).map((b) => b.text).join("\n\n");
  return {
    schema_version: 4, status: "ok", id: o.id, path: `e2e/${o.id}.txt`, format: "text",
    url: o.url || null, title: o.title, title_span: { start: 0, end: utf8(o.title) },
    outlet: o.outlet, date: o.date, language: o.language,
    meta: { outlet: null, date: null, language: null },
    body, text, content_hash: (hashSeed++).toString(16).padStart(16, "0"),
    body_spans: paragraphs, noise, paragraphs, sentences: [],
    duplicate_of: o.duplicate_of || null,
    entities, quotes,
    narratives: (o.narratives || []).map(label),
    subnarratives: (o.subnarratives || []).map(label),
    roles,
    explanation: o.explanation
      ? { label: o.explanation.label, text: o.explanation.text, evidence: o.explanation.evidence.map((e) => { const s = span(text, e); return { start: s.start, end: s.end }; }) }
      : null,
    warnings: [],
  };
}

const LUKA = { id: "person:alexander-lukashenko", name: "Alexander Lukashenko", surface: ["Alexander Lukashenko", "Lukashenko"] };
const WEST = "URW: Blaming the war on others";
const WEST_SUB = "URW: Blaming the war on others: The West are the aggressors";
const DISC = "URW: Discrediting Ukraine";

export const SHARED_QUOTE = "We are ready for talks on grain transit at any time";
export const RU_QUOTE = "Мы готовы к переговорам о транзите зерна";
export const RU_EVIDENCE = "Он добавил, что Запад «несёт ответственность за кризис».";
export const DE_QUOTE = "Wir werden die Luftverteidigung über den Winter stärken";
export const HI_QUOTE = "हम किसानों के साथ खड़े हैं और रहेंगे";
export const HOSTILE_ID = 'xss-"><img src=x onerror=window.__pwned=1>';
export const HOSTILE_TITLE = `${PWN} Ministry denies ${IMG} report`;
export const HOSTILE_SPEAKER = `<b onmouseover=window.__pwned=1>Evil</b> Spokesman`;

export function records() {
  return [
    record({
      id: "e2e-ru-belta", outlet: "BelTA", date: "2024-03-04", language: "ru",
      title: "Лукашенко: «Мы готовы к переговорам»",
      blocks: [
        `Президент Беларуси Александр Лукашенко заявил: «${RU_QUOTE}». ${RU_EVIDENCE}`,
        "По его словам, решение должно быть найдено до весны.",
      ],
      noise: [{ kind: "subscription", text: "Подписывайтесь на наш Telegram-канал" }, { kind: "ad", text: "Реклама", before: 1 }],
      entities: [{ id: LUKA.id, name: "Александр Лукашенко", titles: ["Президент Беларуси"] }, { id: "group:the-west", name: "Запад", type: "group" }],
      quotes: [{ text: RU_QUOTE, speaker: "Александр Лукашенко", entity: LUKA.id }],
      roles: [{ entity: LUKA.id, main_role: "Protagonist", fine_roles: ["Guardian", "Peacemaker"], evidence: [RU_EVIDENCE] }, { entity: "group:the-west", main_role: "Antagonist", fine_roles: ["Instigator"] }],
      narratives: [{ label: WEST, score: 0.83, evidence: [RU_EVIDENCE] }],
      subnarratives: [{ label: WEST_SUB, score: 0.64, evidence: [RU_EVIDENCE] }],
      explanation: { label: WEST_SUB, text: "Статья возлагает ответственность за кризис на Запад: «Запад несёт ответственность за кризис».", evidence: [RU_EVIDENCE] },
    }),
    record({
      id: "e2e-en-wire", outlet: "Wire Service", date: "2024-03-05", language: "en",
      title: "Lukashenko says Belarus is ready for grain talks",
      blocks: [
        `"${SHARED_QUOTE}," said Belarusian President Alexander Lukashenko on Tuesday.`,
        "Officials in Kyiv did not comment. Western diplomats said Lukashenko had made similar offers before.",
      ],
      entities: [{ ...LUKA, titles: ["Belarusian President"] }, { id: "loc:kyiv", name: "Kyiv", type: "loc" }],
      quotes: [{ text: SHARED_QUOTE, speaker: "Alexander Lukashenko", entity: LUKA.id }],
      roles: [{ entity: LUKA.id, main_role: "Protagonist", fine_roles: ["Peacemaker"] }],
      narratives: [{ label: "Other", score: 0.9 }],
    }),
    record({
      id: "e2e-en-wire-copy", outlet: "Daily Mirror Site", date: "2024-03-06", language: "en", duplicate_of: "e2e-en-wire",
      title: "Lukashenko says Belarus is ready for grain talks (copy)",
      blocks: [
        `"${SHARED_QUOTE}," said Russian President Alexander Lukashenko on Tuesday.`,
        "Officials in Kyiv did not comment. Western diplomats said Lukashenko had made similar offers before.",
      ],
      entities: [{ ...LUKA, titles: ["Russian President"] }],
      quotes: [{ text: SHARED_QUOTE, speaker: "Alexander Lukashenko", entity: LUKA.id }],
      roles: [{ entity: LUKA.id, main_role: "Antagonist", fine_roles: ["Deceiver"] }],
      narratives: [{ label: DISC, score: 0.55, evidence: ["Officials in Kyiv did not comment."] }],
    }),
    record({
      id: "e2e-en-conflict", outlet: "Eastern Herald", date: "2024-03-07", language: "en",
      title: "Minsk summit postponed",
      blocks: [
        "Belarusian President Alexander Lukashenko postponed the summit.",
        `Later the Russian President Lukashenko told reporters: "${SHARED_QUOTE}."`,
      ],
      entities: [{ ...LUKA, titles: ["Belarusian President", "Russian President"], conflicts: ["Belarusian President", "Russian President"] }],
      quotes: [{ text: SHARED_QUOTE, speaker: "Alexander Lukashenko", entity: LUKA.id }],
      roles: [{ entity: LUKA.id, main_role: "Antagonist", fine_roles: ["Saboteur"] }],
      narratives: [{ label: DISC, score: 0.71, evidence: ["Belarusian President Alexander Lukashenko postponed the summit."] }, { label: WEST, score: 0.42, evidence: [] }],
    }),
    record({
      id: "e2e-de-morgen", outlet: "Berliner Morgen", date: "2024-02-20", language: "de",
      title: "Pistorius: Luftverteidigung wird gestärkt",
      blocks: [`„${DE_QUOTE}“, sagte Verteidigungsminister Boris Pistorius in Berlin.`],
      entities: [{ id: "person:boris-pistorius", name: "Boris Pistorius", titles: ["Verteidigungsminister"] }, { id: "loc:berlin", name: "Berlin", type: "loc" }],
      quotes: [{ text: DE_QUOTE, speaker: "Boris Pistorius", entity: "person:boris-pistorius" }],
      roles: [{ entity: "person:boris-pistorius", main_role: "Protagonist", fine_roles: ["Guardian"] }],
      narratives: [{ label: WEST, score: 0.31, evidence: [`„${DE_QUOTE}“, sagte Verteidigungsminister Boris Pistorius in Berlin.`] }],
    }),
    record({
      id: "e2e-hi-samachar", outlet: "Dainik Samachar", date: "2024-01-15", language: "hi",
      title: "किसानों के लिए नई योजना",
      blocks: [`कृषि मंत्री अर्जुन मुंडा ने कहा, “${HI_QUOTE}।” योजना अगले महीने शुरू होगी।`],
      entities: [{ id: "person:arjun-munda", name: "अर्जुन मुंडा", titles: ["कृषि मंत्री"] }],
      quotes: [{ text: HI_QUOTE, speaker: "अर्जुन मुंडा", entity: "person:arjun-munda" }],
      roles: [{ entity: "person:arjun-munda", main_role: "Innocent", fine_roles: ["Victim"] }],
      narratives: [{ label: "CC: Criticism of institutions and authorities", score: 0.48, evidence: ["योजना अगले महीने शुरू होगी।"] }],
    }),
    record({
      id: HOSTILE_ID, outlet: `${IMG}Outlet`, date: "2024-03-08", language: "en",
      url: "javascript:window.__pwned=1",
      title: HOSTILE_TITLE,
      blocks: [
        `"${PWN} is what they want you to read," said ${HOSTILE_SPEAKER} of ${SVG}Evil Corp.`,
        `The ${SVG}Evil Corp chairman, called ${IMG} Chairman here and ${PWN} Chairman there, declined to comment.`,
      ],
      noise: [{ kind: "ad", text: `${IMG} Advertisement ${PWN}` }],
      entities: [
        { id: "org:evil-corp", name: `${SVG}Evil Corp`, type: "org", titles: [`${IMG} Chairman`, `${PWN} Chairman`], conflicts: [`${IMG} Chairman`, `${PWN} Chairman`] },
        { id: "person:evil-spokesman", name: HOSTILE_SPEAKER, titles: [`${SVG} Spokesman`] },
      ],
      quotes: [{ text: `${PWN} is what they want you to read`, speaker: HOSTILE_SPEAKER, entity: "person:evil-spokesman" }],
      roles: [{ entity: "org:evil-corp", main_role: `Antagonist`, fine_roles: [`${IMG}Deceiver`] }],
      narratives: [{ label: `URW: ${PWN} narrative`, score: 0.66, evidence: [`"${PWN} is what they want you to read," said ${HOSTILE_SPEAKER} of ${SVG}Evil Corp.`] }],
      explanation: { label: `URW: ${PWN} narrative`, text: `Because ${IMG} and ${PWN} say so.`, evidence: [`The ${SVG}Evil Corp chairman, called ${IMG} Chairman here and ${PWN} Chairman there, declined to comment.`] },
    }),
  ];
}
