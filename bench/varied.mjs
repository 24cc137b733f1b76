// Varied bilingual text for the throughput and memory benchmarks: not one article repeated (a
// repeated sentence's notes are made once, which flatters a build), and not gold data.
//
// Sentences are composed from templates filled with words drawn from jieba's dictionary (which
// tags each word noun, verb, adjective, place or time word and gives its frequency), each with
// its English from its CC-CEDICT senses (the compiled lexicon: the everyday entry's first
// sense). Words are drawn in proportion to jieba's frequency, so the vocabulary grows as a real
// text's does (many uses of common words, a long tail of rare ones), every sentence is new, and
// the paragraphs, sentence lengths and English/Chinese length ratio are those of news prose.
// One word in seven is "translated loosely" (its English is another word's), so that the
// dictionary cannot gloss every word and the later gloss passes have work to do, as in real
// translations. Seeded: the same call gives the same text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root } from './util.mjs';

const require = createRequire(import.meta.url);

/** A small seeded generator (mulberry32): the same seed, the same text. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The English of an entry's first sense, as a learner's dictionary gives it: "(bound form)" notes and "to" dropped for verbs. */
function englishOf(entry, pos) {
  const sense = entry.senses.find((s) => !/^(CL:|see |variant of|old variant|surname|abbr\.|\(bound form\))/i.test(s));
  if (!sense) return null;
  let e = sense.split(';')[0].replace(/\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim().replace(/^(the|a|an) /i, '');
  if (pos === 'v') {
    if (!/^to /.test(e)) return null;
    e = e.slice(3);
  } else if (/^to /.test(e)) return null;
  if (!e || e.length > 24 || /[^A-Za-z' -]/.test(e)) return null;
  return e;
}

const POS = { n: 'n', v: 'v', a: 'a', ns: 'place', t: 'time' };

/** Words by kind, each with its weight (jieba's frequency), text in both scripts, and English. */
async function vocabulary() {
  const { loadLexicon } = require(join(root, 'dist/lexicon/index.js'));
  const { loadSegmentDictionary } = require(join(root, 'dist/segment/index.js'));
  const lexicon = await loadLexicon();
  const { toSimplified } = await loadSegmentDictionary();
  const kinds = Object.fromEntries(Object.values(POS).map((k) => [k, []]));
  for (const line of readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n')) {
    const [word, freq, pos] = line.split(' ');
    const kind = POS[pos];
    if (!kind || !/^\p{Script=Han}{2,4}$/u.test(word ?? '')) continue;
    const entry = lexicon.lookup(word).find((e) => e.simplified === word && !e.flags.includes('variant'));
    if (!entry) continue;
    const en = kind === 'place' ? (entry.flags.includes('proper-noun') ? englishOf(entry, 'n') : null) : englishOf(entry, pos);
    if (!en) continue;
    kinds[kind].push({ simplified: word, traditional: entry.traditional, en, weight: Number(freq) });
  }
  for (const list of Object.values(kinds)) {
    let sum = 0;
    for (const w of list) w.cumulative = sum += w.weight;
  }
  return { kinds, toSimplified };
}

function draw(list, rnd) {
  const x = rnd() * list[list.length - 1].cumulative;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].cumulative < x) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

// Templates: the Chinese with slots, the English with the same slots. Slots: n (noun), v (verb),
// a (adjective), place, time; a digit tells two slots of one kind apart.
const TEMPLATES = [
  ['{place}的{n1}很{a}。', 'The {n1} of {place} is very {a}.'],
  ['{n1}要在{place}{v}{n2}。', 'The {n1} will {v} the {n2} in {place}.'],
  ['{time}，我們去{place}{v}{n1}。', '{Time}, we went to {place} to {v} the {n1}.'],
  ['{n1}和{n2}對{n3}很重要。', 'The {n1} and the {n2} are important for the {n3}.'],
  ['他說{n1}比{n2}更{a}。', 'He said that the {n1} is more {a} than the {n2}.'],
  ['在{place}，很多{n1}喜歡{v}{n2}。', 'In {place}, many {n1} like to {v} the {n2}.'],
  ['{n1}的{n2}已經{v}了{n3}。', 'The {n2} of the {n1} has already had to {v} the {n3}.'],
  ['她認為{time}的{n1}不夠{a}，所以決定{v}{n2}。', 'She thinks the {n1} of {time} is not {a} enough, so she decided to {v} the {n2}.'],
  ['{place}和{place2}之間的{n1}越來越{a}。', 'The {n1} between {place} and {place2} is more and more {a}.'],
  ['為了{v}{n1}，{n2}每天都{v2}{n3}。', 'To {v} the {n1}, the {n2} {v2} the {n3} every day.'],
];

/** One sentence pair: a template filled with drawn words, in the article's script. */
function sentence({ kinds, toSimplified }, rnd, script) {
  const [zh, en] = TEMPLATES[Math.floor(rnd() * TEMPLATES.length)];
  const words = new Map();
  const fill = (slot) => {
    let w = words.get(slot);
    if (!w) {
      const kind = slot.replace(/\d$/, '').toLowerCase();
      w = { ...draw(kinds[kind], rnd) };
      // A loose translation: another word's English, which no dictionary pass will match.
      if (rnd() < 1 / 7) w.en = draw(kinds[kind], rnd).en;
      words.set(slot, w);
    }
    return w;
  };
  // The templates are written in Traditional characters: a Simplified article has them converted.
  const filled = zh.replace(/\{(\w+)\}/g, (_, slot) => fill(slot)[script]);
  const zhText = script === 'simplified' ? toSimplified(filled) : filled;
  const enText = en.replace(/\{(\w+)\}/g, (_, slot) => {
    const e = fill(slot.toLowerCase()).en;
    return slot[0] === slot[0].toUpperCase() ? e[0].toUpperCase() + e.slice(1) : e;
  });
  return { zh: zhText, en: enText };
}

let cached;

/**
 * An interleaved article (a title, then each paragraph in English and in Chinese) of about
 * `bytes` bytes, in Traditional or Simplified characters. Paragraphs hold two to five sentences.
 */
export async function variedArticle({ bytes, seed = 1, script = 'simplified', title = `A varied article ${seed}` }) {
  const words = (cached ??= await vocabulary());
  const rnd = random(seed);
  const lines = [title];
  let size = Buffer.byteLength(title) + 1;
  while (size < bytes) {
    const n = 2 + Math.floor(rnd() * 4);
    const pairs = Array.from({ length: n }, () => sentence(words, rnd, script));
    const en = pairs.map((p) => p.en).join(' ');
    const zh = pairs.map((p) => p.zh).join('');
    lines.push(en, zh);
    size += Buffer.byteLength(en) + Buffer.byteLength(zh) + 2;
  }
  return `${lines.join('\n')}\n`;
}
