import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { alignPresplit, loadLexicon, scoreAlignment } from '../../src/stages.js';
import { shared } from '../helpers.js';

const dev = join(shared, 'data/align/bertalign-mac/dev');

describe('scoring', () => {
  it('scores the way vecalign score.py does', () => {
    const gold = [{ zh: [0], en: [0] }, { zh: [1], en: [1, 2] }, { zh: [2], en: [] }];
    const perfect = scoreAlignment([{ gold, test: gold }]);
    expect(perfect.f1Strict).toBe(1);
    // Splitting a 1–2 into 1–1 + 0–1: strict precision drops, lax keeps the overlap.
    const test = [{ zh: [0], en: [0] }, { zh: [1], en: [1] }, { zh: [], en: [2] }, { zh: [2], en: [] }];
    const s = scoreAlignment([{ gold, test }]);
    expect(s.precisionStrict).toBeCloseTo(2 / 4);
    expect(s.precisionLax).toBeCloseTo(3 / 4);
    expect(s.recallStrict).toBeCloseTo(1 / 2);
    expect(s.recallLax).toBe(1);
  });
});

describe.skipIf(!existsSync(dev))('MAC-Dev (literary Chinese–English)', () => {
  it('holds strict F1 ≥ 0.85 (issue 18)', async () => {
    const lexicon = await loadLexicon();
    const lines = (f: string) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n');
    const docs = readdirSync(join(dev, 'zh')).map((id) => ({
      gold: lines(join(dev, 'gold', `${id}.align`)).map((l) => {
        const [zh, en] = l.split(':').map((s) => JSON.parse(s) as number[]);
        return { zh: zh!, en: en! };
      }),
      test: alignPresplit(lines(join(dev, 'en', id)), lines(join(dev, 'zh', id)), lexicon),
    }));
    const score = scoreAlignment(docs);
    expect(score.f1Strict).toBeGreaterThanOrEqual(0.85);
    expect(score.f1Lax).toBeGreaterThanOrEqual(0.9);
  });
});
