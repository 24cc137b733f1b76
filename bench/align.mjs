import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { shared, fmt } from './util.mjs';

const gold = join(shared, 'data/align/bertalign-mac');

export function readMac(set) {
  const dir = join(gold, set);
  const lines = (f) => readFileSync(f, 'utf8').split('\n').filter((l, i, a) => !(i === a.length - 1 && l === ''));
  return readdirSync(join(dir, 'zh')).sort().map((id) => ({
    id,
    zh: lines(join(dir, 'zh', id)),
    en: lines(join(dir, 'en', id)),
    gold: lines(join(dir, 'gold', `${id}.align`)).map((l) => {
      const [z, e] = l.split(':').map((s) => JSON.parse(s));
      return { zh: z, en: e };
    }),
  }));
}

export async function evaluateMac(set, params) {
  const { loadLexicon } = await import('../dist/lexicon/index.js');
  const { alignPresplit, scoreAlignment } = await import('../dist/align/index.js');
  const lexicon = await loadLexicon();
  const docs = readMac(set);
  const t0 = performance.now();
  const results = docs.map((d) => ({ gold: d.gold, test: alignPresplit(d.en, d.zh, lexicon, params) }));
  const ms = performance.now() - t0;
  return { score: scoreAlignment(results), ms, results, docs };
}

export async function benchAlign() {
  if (!existsSync(gold)) return [['MAC alignment gold', 'absent (../shared missing)', '']];
  const rows = [];
  for (const set of ['dev', 'test']) {
    const { score, ms } = await evaluateMac(set);
    rows.push([`MAC-${set} strict F1 (P ${fmt(score.precisionStrict, 3)}, R ${fmt(score.recallStrict, 3)})`, fmt(score.f1Strict, 3), set === 'dev' ? '≥ 0.85' : '']);
    rows.push([`MAC-${set} lax F1`, fmt(score.f1Lax, 3), '']);
    rows.push([`MAC-${set} time to align (ms)`, fmt(ms, 0), set === 'dev' ? '< 2000' : '']);
  }
  return rows;
}
