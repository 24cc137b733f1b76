// Strict and lax precision/recall/F1 over beads (Sennrich & Volk 2011), as vecalign's score.py
// computes them: a bead empty on both sides never counts; recall ignores insertions and deletions.

export type Alignment = ReadonlyArray<{ en: readonly number[]; zh: readonly number[] }>;

export interface AlignmentScore {
  precisionStrict: number;
  recallStrict: number;
  f1Strict: number;
  precisionLax: number;
  recallLax: number;
  f1Lax: number;
}

const key = (b: { en: readonly number[]; zh: readonly number[] }) => `${b.zh.join(',')}:${b.en.join(',')}`;

function counts(gold: Alignment, test: Alignment): [number, number, number, number] {
  const goldSet = new Set(gold.filter((b) => b.en.length || b.zh.length).map(key));
  const zhToEn = new Map<number, Set<number>>();
  for (const b of gold) for (const z of b.zh) for (const e of b.en) (zhToEn.get(z) ?? zhToEn.set(z, new Set()).get(z)!).add(e);
  let tpStrict = 0;
  let fpStrict = 0;
  let tpLax = 0;
  let fpLax = 0;
  const seen = new Set<string>();
  for (const b of test) {
    if (!b.en.length && !b.zh.length) continue;
    const k = key(b);
    if (seen.has(k)) continue;
    seen.add(k);
    if (goldSet.has(k)) {
      tpStrict++;
      tpLax++;
    } else if (b.zh.some((z) => b.en.some((e) => zhToEn.get(z)?.has(e)))) {
      fpStrict++;
      tpLax++;
    } else {
      fpStrict++;
      fpLax++;
    }
  }
  return [tpStrict, fpStrict, tpLax, fpLax];
}

const ratio = (a: number, b: number) => (a + b === 0 ? 0 : a / (a + b));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores one or several documents together (counts are summed before dividing, as score.py does). */
export function scoreAlignment(docs: { gold: Alignment; test: Alignment }[]): AlignmentScore {
  const p = [0, 0, 0, 0];
  const r = [0, 0, 0, 0];
  for (const { gold, test } of docs) {
    counts(gold, test).forEach((v, i) => (p[i]! += v));
    const full = (a: Alignment) => a.filter((b) => b.en.length && b.zh.length);
    counts(full(test), full(gold)).forEach((v, i) => (r[i]! += v));
  }
  const precisionStrict = ratio(p[0]!, p[1]!);
  const precisionLax = ratio(p[2]!, p[3]!);
  const recallStrict = ratio(r[0]!, r[1]!);
  const recallLax = ratio(r[2]!, r[3]!);
  return {
    precisionStrict,
    recallStrict,
    f1Strict: f1(precisionStrict, recallStrict),
    precisionLax,
    recallLax,
    f1Lax: f1(precisionLax, recallLax),
  };
}
