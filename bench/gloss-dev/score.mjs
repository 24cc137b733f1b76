// The contextual-gloss scorer: zhdeck's per-occurrence glosses on the hand-annotated texts
// (dev.json, test.json), read through the built library's public `study` (dist/index.js).
//
// For each annotated occurrence: the pair zhdeck aligned its Chinese sentence into, then the
// zhdeck word occurrence with the same offsets there. Statuses:
//   missing       its sentence is not in zhdeck's sentences (the text or the sentence split changed)
//   misaligned    zhdeck paired the sentence with English that holds none of the gold spans
//   segmentation  zhdeck has no word with the annotated offsets (cut otherwise)
//   glossed       zhdeck gave a gloss (right or wrong, see match.mjs), or
//   unglossed     it gave none.
// precision = right / glossed; recall = right / occurrences with a gold rendering.
// The dictionary-only baseline keeps only glosses whose evidence is 'dictionary'.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../util.mjs';
import { writeArticles } from './sources.mjs';
import { keyOf, loadLibrary } from './common.mjs';
import { spanMatches, overlaps } from './match.mjs';

const here = join(root, 'bench/gloss-dev');
export const readPart = (part) => JSON.parse(readFileSync(join(here, `${part}.json`), 'utf8'));

/** zhdeck's view of one text: its pairs (with sentence offsets) and word occurrences by pair. */
async function zhdeckView(lib, files) {
  const [{ pairs, words }] = await lib.study(files);
  const view = new Map(); // pair id → { en, zh, enStarts, zhStarts, occ: Map('start:end' → occurrence) }
  for (const p of pairs) {
    if (!p.en.length || !p.zh.length) continue;
    const zhStarts = [];
    let z = 0;
    for (const s of p.zh) (zhStarts.push(z), (z += s.text.length));
    const enStarts = [];
    let e = 0;
    for (const s of p.en) (enStarts.push(e), (e += s.text.length + 1));
    view.set(p.id, { id: p.id, en: lib.textOf(p.en, 'en'), zh: lib.textOf(p.zh, 'zh'), enSentences: p.en, zhSentences: p.zh, enStarts, zhStarts, occ: new Map() });
  }
  for (const w of words) {
    for (const o of w.occurrences) {
      const v = view.get(o.pairId);
      if (v) v.occ.set(`${o.start}:${o.end}`, { word: w.text, gloss: o.gloss });
    }
  }
  return view;
}

/** Where an offset falls among sentences of the given lengths: [sentence index, offset in it]. */
function locate(lengths, offset, sep) {
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (offset < at + lengths[i] || i === lengths.length - 1) return [i, offset - at];
    at += lengths[i] + sep;
  }
  return [0, offset];
}

/** Scores one annotated text against zhdeck's view of it; returns one record per occurrence. */
function scoreText(id, text, view) {
  const byKey = new Map();
  const sentenceAt = new Map(); // zh sentence key → [pair, index]
  const enSentenceAt = new Map(); // en sentence key → [pair, index], per pair
  for (const v of view.values()) {
    byKey.set(keyOf(id, v.zh), v);
    v.zhSentences.forEach((s, i) => sentenceAt.has(keyOf(id, s.text)) || sentenceAt.set(keyOf(id, s.text), [v, i]));
    v.enSentences.forEach((s, i) => enSentenceAt.set(`${v.id}\u0000${keyOf(id, s.text)}`, i));
  }
  const out = [];
  for (const a of text.pairs) {
    const direct = byKey.get(a.key);
    for (const o of a.occurrences) {
      const rec = { text: id, pairKey: a.key, word: o.word, category: o.category, gold: o.gold, status: null, pair: null, given: null };
      out.push(rec);
      let v = direct;
      let zhShift = 0;
      let golds = o.gold;
      if (!v) {
        // Found again by its sentence: zhdeck paired the sentences otherwise.
        const [si, local] = locate(a.zh.map((s) => s.length), o.start, 0);
        const hit = sentenceAt.get(a.zh[si].key);
        if (!hit) {
          rec.status = 'missing';
          continue;
        }
        v = hit[0];
        zhShift = v.zhStarts[hit[1]] + local - o.start;
      }
      rec.pair = v;
      // Gold spans are offsets in the annotated English; zhdeck's pair may hold other English
      // sentences even when its Chinese is the annotated one (a title joined, a heading added):
      // each span is moved to where its sentence is in zhdeck's pair (nowhere: misaligned).
      if (o.gold) {
        golds = o.gold
          .map((g) => {
            const [ei, local] = locate(a.en.map((s) => s.length), g.start, 1);
            const k = enSentenceAt.get(`${v.id}\u0000${a.en[ei].key}`);
            return k === undefined ? null : { ...g, start: v.enStarts[k] + local, end: v.enStarts[k] + local + (g.end - g.start) };
          })
          .filter(Boolean);
        if (golds.length === 0) {
          rec.status = 'misaligned';
          continue;
        }
      }
      rec.gold = golds;
      const z = v.occ.get(`${o.start + zhShift}:${o.end + zhShift}`);
      if (!z) {
        rec.status = 'segmentation';
        continue;
      }
      rec.given = z.gloss;
      rec.status = z.gloss ? 'glossed' : 'unglossed';
      rec.right = spanMatches(v.en, z.gloss, golds);
      rec.partly = !rec.right && Boolean(z.gloss && golds?.some((g) => overlaps(g, z.gloss)));
    }
  }
  return out;
}

/** Precision and recall over records; `keep` chooses which glosses count as given (the baseline). */
export function summarise(records, keep = () => true) {
  const s = { occurrences: records.length, rendered: 0, given: 0, right: 0, onNull: 0, partly: 0, segmentation: 0, misaligned: 0, missing: 0 };
  for (const r of records) {
    if (r.gold) s.rendered++;
    if (r.status === 'segmentation' || r.status === 'misaligned' || r.status === 'missing') s[r.status]++;
    if (r.status !== 'glossed' || !keep(r.given)) continue;
    s.given++;
    if (r.right) s.right++;
    else if (!r.gold) s.onNull++;
    else if (r.partly) s.partly++;
  }
  s.precision = s.given ? s.right / s.given : NaN;
  s.recall = s.rendered ? s.right / s.rendered : NaN;
  return s;
}

export const dictionaryOnly = (g) => g?.evidence === 'dictionary';

/**
 * Scores a part ('dev' or 'test'): every annotated occurrence with its status, or the reason
 * the part cannot be scored here.
 */
export async function scorePart(part) {
  const data = readPart(part);
  const lib = await loadLibrary();
  if (lib.loadError || typeof lib.study !== 'function') return { skipped: `the built library has no study() (${lib.loadError?.message ?? 'dist/index.js'})` };
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-gloss-score-'));
  try {
    const records = [];
    const skipped = [];
    for (const a of writeArticles(dir, part)) {
      const text = data.texts[a.source.id];
      if (!text) continue;
      if (a.skipped) {
        skipped.push(`${a.source.id}: ${a.skipped}`);
        continue;
      }
      records.push(...scoreText(a.source.id, text, await zhdeckView(lib, a.files)));
    }
    return { records, skipped, texts: Object.keys(data.texts) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Records grouped by a field: Map(value → records). */
export function groupBy(records, field) {
  const m = new Map();
  for (const r of records) (m.get(r[field]) ?? m.set(r[field], []).get(r[field])).push(r);
  return m;
}

