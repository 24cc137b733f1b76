import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, shared, fmt } from './util.mjs';
import { scorePart, summarise, dictionaryOnly, groupBy } from './gloss-dev/score.mjs';

export const seedArticle = join(shared, 'articles/rednote-tiktok-refugees.txt');

/** The seed article's words against the hand-made gold list: found as words, pinyin, gloss. */
export async function evaluateGlosses() {
  const { study } = await import('../dist/index.js');
  const gold = JSON.parse(readFileSync(join(root, 'test/vocab/seed-gold.json'), 'utf8')).words;
  const [{ words }] = await study([seedArticle]);
  const byText = new Map(words.map((w) => [w.text, w]));
  const misses = { found: [], pinyin: [], gloss: [] };
  let found = 0, pinyin = 0, gloss = 0;
  for (const g of gold) {
    const w = byText.get(g.word);
    if (!w) { misses.found.push(g.word); continue; }
    found++;
    if (w.pinyin.toLowerCase() === g.pinyin.toLowerCase()) pinyin++;
    else misses.pinyin.push(`${g.word} ${w.pinyin} (want ${g.pinyin})`);
    const got = w.gloss?.text ?? null;
    const ok = g.gloss === null ? got === null : got !== null && g.gloss.some((x) => x.toLowerCase() === got.toLowerCase());
    if (ok) gloss++;
    else misses.gloss.push(`${g.word} ${JSON.stringify(got)} (want ${JSON.stringify(g.gloss)})`);
  }
  return { total: gold.length, found, pinyin, gloss, misses };
}

/**
 * The hand-annotated gloss set (bench/gloss-dev): precision and recall per part, zhdeck and the
 * dictionary-only baseline, occurrences cut otherwise, and per category.
 */
export async function benchGlossSet() {
  const rows = [];
  for (const part of ['dev', 'test']) {
    const r = await scorePart(part);
    if (!r.records) {
      rows.push([`gloss ${part} set`, 'skipped', '', r.skipped]);
      continue;
    }
    const s = summarise(r.records);
    const b = summarise(r.records, dictionaryOnly);
    const texts = new Set(r.records.map((x) => x.text)).size;
    const note = [...groupBy(r.records, 'category')]
      .map(([c, list]) => {
        const x = summarise(list);
        // Where the gold is "no rendering", every gloss given is wrong: say how many there were.
        return c === 'null' ? `null ${list.length}: glossed ${x.given}` : `${c} ${list.length}: P ${fmt(x.precision, 2)} R ${fmt(x.recall, 2)}`;
      })
      .join('; ');
    rows.push(
      [`gloss ${part}: precision / recall (${s.occurrences} occ., ${texts} texts)`, `${fmt(s.precision, 3)} / ${fmt(s.recall, 3)}`, part === 'dev' ? 'P ≥ 0.95, R ≥ 0.85 (#16)' : 'reported only', note],
      [`gloss ${part}: dictionary-only baseline P / R`, `${fmt(b.precision, 3)} / ${fmt(b.recall, 3)}`, ''],
      [`gloss ${part}: cut otherwise / glossed where gold is none`, `${s.segmentation} / ${s.onNull}`, '', r.skipped.length ? `skipped: ${r.skipped.join('; ')}` : ''],
    );
  }
  return rows;
}

export async function benchGloss() {
  const set = await benchGlossSet();
  if (!existsSync(seedArticle)) return [['seed article', 'absent (../shared missing)', ''], ...set];
  const r = await evaluateGlosses();
  return [
    ...set,
    [`seed words found as words (of ${r.total})`, `${fmt((100 * r.found) / r.total)} %`, '≥ 95 %'],
    ['seed pinyin right', `${fmt((100 * r.pinyin) / r.total)} %`, '≥ 97 %'],
    ['seed contextual gloss right', `${fmt((100 * r.gloss) / r.total)} %`, '≥ 90 %'],
    ...Object.entries(r.misses).filter(([, m]) => m.length).map(([k, m]) => [`misses (${k})`, m.length, '', m.join('; ')]),
  ];
}
