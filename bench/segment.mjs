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

/** A corpus's gold (lists of words) and test lines, optionally converted to another script. */
export function readSighan([, goldFile, testFile], convert = null) {
  let gold = lines(join(icwb2, 'gold', `${goldFile}.utf8`)).map((l) => l.trim().split(/[ \u3000]+/).filter(Boolean));
  let test = lines(join(icwb2, 'testing', `${testFile}.utf8`));
  if (convert) {
    gold = gold.map((ws) => ws.map(convert));
    test = test.map(convert);
  }
  return { gold, test };
}

/**
 * Scores a cut against the gold on each half of the file: the first half (`dev`) is where
 * every choice is tuned, the second (`test`) is only reported (STANDARDS §4).
 */
export async function scoreHalves(gold, cut) {
  const { scoreSegmentation } = await import('../dist/segment/index.js');
  const half = gold.length >> 1;
  const score = (lo, hi) => {
    // Lines whose gold spells a different text (a handful of known quirks) cannot be scored.
    const pairs = [];
    for (let i = lo; i < hi; i++) if (gold[i].join('') === (cut[i] ?? []).join('')) pairs.push([gold[i], cut[i]]);
    return { ...scoreSegmentation(pairs.map((p) => p[0]), pairs.map((p) => p[1])), scored: pairs.length, lines: hi - lo };
  };
  return { dev: score(0, half), test: score(half, gold.length), all: score(0, gold.length) };
}

/** F1 per half and throughput on the four SIGHAN sets; `segmenterFor(text)` gives the segmenter for a corpus. */
export async function evaluateSighan(segmenterFor, convert = null) {
  const out = [];
  for (const corpus of CORPORA) {
    const [name, , , script] = corpus;
    if (convert && script === 'traditional') continue;
    const { gold, test } = readSighan(corpus, convert);
    const segmenter = await segmenterFor(test.join('\n'));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const cut = test.map((l) => segmenter.words(l, convert ? 'traditional' : script));
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const chars = test.reduce((n, l) => n + l.length, 0);
    // CPU time counts every thread (V8 compiles and collects beside the cut): steadier than wall time on a shared machine.
    out.push({ name, ...(await scoreHalves(gold, cut)), mcharsPerSec: chars / ms / 1000, ms, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  return out;
}

const halves = (r) => `${fmt(r.dev.f1, 3)} / ${fmt(r.test.f1, 3)}`;

export async function benchSegment() {
  if (!existsSync(icwb2)) return [['SIGHAN 2005 gold', 'absent (../shared missing)', '']];
  const { loadSegmenter } = await import('../dist/segment/index.js');
  const rows = [];
  for (const r of await evaluateSighan(loadSegmenter)) {
    rows.push([`${r.name} F1 first / second half`, halves(r), '≥ 0.86 each', `P ${fmt(r.test.precision, 3)}, R ${fmt(r.test.recall, 3)} on the second half; whole file ${fmt(r.all.f1, 3)}, ${r.all.scored}/${r.all.lines} lines scored`]);
    rows.push([`${r.name} throughput (M chars/s)`, fmt(r.mcharsPerSec, 2), '≥ 2', `one cold pass: ${fmt(r.ms)} ms, ${fmt(r.cpuMs)} ms CPU (all threads)`]);
  }
  // Traditional no worse than Simplified: the Simplified sets, converted to Traditional, scored again.
  const OpenCC = await import('opencc-js/cn2t');
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const same = (s) => { const t = toTw(s); return t.length === s.length ? t : s; };
  for (const r of await evaluateSighan(loadSegmenter, same)) {
    rows.push([`${r.name} in Traditional (OpenCC cn→tw) F1 first / second`, halves(r), 'no worse than Simplified']);
  }
  return rows;
}
