import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, shared, fmt } from './util.mjs';

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

export async function benchGloss() {
  if (!existsSync(seedArticle)) return [['seed article', 'absent (../shared missing)', '']];
  const r = await evaluateGlosses();
  return [
    [`seed words found as words (of ${r.total})`, `${fmt((100 * r.found) / r.total)} %`, '≥ 95 %'],
    ['seed pinyin right', `${fmt((100 * r.pinyin) / r.total)} %`, '≥ 97 %'],
    ['seed contextual gloss right', `${fmt((100 * r.gloss) / r.total)} %`, '≥ 90 %'],
    ...Object.entries(r.misses).filter(([, m]) => m.length).map(([k, m]) => [`misses (${k})`, m.length, '', m.join('; ')]),
  ];
}
