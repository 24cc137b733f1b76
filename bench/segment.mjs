import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { shared, fmt } from './util.mjs';

const icwb2 = join(shared, 'data/icwb2');
export const CORPORA = [
  ['AS', 'as_testing_gold', 'as_test', 'traditional'],
  ['CityU', 'cityu_test_gold', 'cityu_test', 'traditional'],
  ['PKU', 'pku_test_gold', 'pku_test', 'simplified'],
  ['MSR', 'msr_test_gold', 'msr_test', 'simplified'],
];

const lines = (f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);

/** F1 and throughput on the four SIGHAN sets; `segmenterFor(text)` gives the segmenter for a corpus. */
export async function evaluateSighan(segmenterFor, convert = null) {
  const { scoreSegmentation } = await import('../dist/segment/index.js');
  const out = [];
  for (const [name, goldFile, testFile, script] of CORPORA) {
    if (convert && script === 'traditional') continue;
    let gold = lines(join(icwb2, 'gold', `${goldFile}.utf8`)).map((l) => l.trim().split(/[ \u3000]+/).filter(Boolean));
    let test = lines(join(icwb2, 'testing', `${testFile}.utf8`));
    if (convert) {
      gold = gold.map((ws) => ws.map(convert));
      test = test.map(convert);
    }
    const segmenter = await segmenterFor(test.join('\n'));
    const t0 = performance.now();
    const cut = test.map((l) => segmenter.words(l, convert ? 'traditional' : script));
    const ms = performance.now() - t0;
    const chars = test.reduce((n, l) => n + l.length, 0);
    // Lines whose gold spells a different text (a handful of known quirks) cannot be scored.
    const pairs = gold.map((g, i) => [g, cut[i] ?? []]).filter(([g, t]) => g.join('') === t.join(''));
    const s = scoreSegmentation(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
    out.push({ name, ...s, mcharsPerSec: chars / ms / 1000, scored: pairs.length, lines: gold.length });
  }
  return out;
}

export async function benchSegment() {
  if (!existsSync(icwb2)) return [['SIGHAN 2005 gold', 'absent (../shared missing)', '']];
  const { loadSegmenter } = await import('../dist/segment/index.js');
  const rows = [];
  for (const r of await evaluateSighan(loadSegmenter)) {
    rows.push([`${r.name} F1 (P ${fmt(r.precision, 3)}, R ${fmt(r.recall, 3)}; ${r.scored}/${r.lines} lines)`, fmt(r.f1, 3), '≥ 0.82']);
    rows.push([`${r.name} throughput (M chars/s)`, fmt(r.mcharsPerSec, 2), '≥ 2']);
  }
  // Traditional no worse than Simplified: the Simplified sets, converted to Traditional, scored again.
  const OpenCC = await import('opencc-js/cn2t');
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const same = (s) => { const t = toTw(s); return t.length === s.length ? t : s; };
  for (const r of await evaluateSighan(loadSegmenter, same)) {
    rows.push([`${r.name} in Traditional (OpenCC cn→tw) F1`, fmt(r.f1, 3), 'no worse than Simplified']);
  }
  return rows;
}
