import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, timeCommand, childJson, fmt } from './util.mjs';

const main = join(root, 'bin/zhdeck.js');

/** A collection with the example deck in it, in a scratch folder. */
export function exampleCollection() {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-bench-'));
  const file = join(dir, 'collection.db');
  const r = spawnSync(process.execPath, [main, 'add', join(root, 'decks/example.txt'), '--collection', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function benchReview() {
  const { file, cleanup } = exampleCollection();
  try {
    // Ratings committed durably (WAL, synchronous=FULL), each in its own transaction, in one process.
    const r = childJson(`
      const { Collection } = await import('./dist/collection/index.js');
      const { Scheduler, nextCard } = await import('./dist/review/index.js');
      const c = Collection.open(${JSON.stringify(file)});
      const s = new Scheduler();
      const now = Date.now();
      const n = 200;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const card = nextCard(c, now, { newLimit: 10000 });
        c.recordReview(card.id, now, 3, 0, (before) => s.next(before, now, 3));
      }
      const ms = (performance.now() - t0) / n;
      c.close();
      console.log(JSON.stringify({ ms }));`);
    const base = timeCommand(process.execPath, ['-e', '0']);
    const stats = timeCommand(process.execPath, [main, 'stats', '--collection', file]);
    return [
      ['ms per rating (next card + durable commit)', fmt(r.ms, 2), ''],
      ['node -e 0 (ms, median of 7)', fmt(base.ms, 1), ''],
      ['zhdeck stats (ms, median of 7)', fmt(stats.ms, 1), ''],
      ['zhdeck stats / node -e 0', fmt(stats.ms / base.ms, 2), '≤ 2 (issue 7), ≤ 1.5 (issue 8)'],
    ];
  } finally {
    cleanup();
  }
}
