import { describe, expect, it } from 'vitest';
import { TranslationTable } from '../../src/vocab/cooccurrence.js';

// 難民 always meets "refugee", 平台 always meets "platform"; "flee" and "app" come and go; 微博 is alone.
const corpus = [
  { f: ['難民', '平台'], e: ['refugee', 'platform', 'flee'] },
  { f: ['難民'], e: ['refugee', 'flee'] },
  { f: ['平台', '難民'], e: ['platform', 'refugee', 'app'] },
  { f: ['微博'], e: ['weibo'] },
];

describe('TranslationTable', () => {
  it('learns which English stem each word explains from co-occurrence alone', () => {
    const table = new TranslationTable(corpus, () => false);
    expect(table.best('難民', ['refugee', 'platform', 'flee'])?.e).toBe('refugee');
    expect(table.best('平台', ['refugee', 'platform', 'app'])?.e).toBe('platform');
  });

  it('gives each word a distribution, and nothing to stems it never meets', () => {
    const table = new TranslationTable(corpus, () => false);
    const stems = ['refugee', 'platform', 'flee', 'app'];
    for (const f of ['難民', '平台']) expect(stems.reduce((s, e) => s + table.prob(e, f), 0)).toBeCloseTo(1, 9);
    expect(table.prob('weibo', '平台')).toBe(0);
    expect(table.prob('weibo', '微博')).toBe(1);
    expect(table.prob('refugee', '未知')).toBe(0);
    expect(table.best('平台', ['weibo'])).toBeNull();
  });

  it('lets the dictionary seed tip an otherwise even choice', () => {
    const even = [{ f: ['封鎖'], e: ['ban', 'block'] }];
    expect(new TranslationTable(even, () => false).prob('ban', '封鎖')).toBeCloseTo(0.5, 9);
    const seeded = new TranslationTable(even, (f, e) => f === '封鎖' && e === 'ban');
    expect(seeded.best('封鎖', ['ban', 'block'])?.e).toBe('ban');
  });
});
