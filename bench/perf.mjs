// The performance budget (issue 8): cold runs against bare `node -e 0`, in the same run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, timeCommand, childJson, fmt } from './util.mjs';
import { seedArticle } from './gloss.mjs';
import { exampleCollection } from './review.mjs';

const main = join(root, 'bin/zhdeck.js');

/** About 1 MB of bilingual text: the example article (my own text) repeated, numbered so that no paragraph repeats. */
function megabyteArticle(dir) {
  const lines = readFileSync(join(root, 'decks/example.txt'), 'utf8').split('\n').filter(Boolean);
  const out = [lines[0]];
  let size = 0;
  for (let k = 1; size < 1_000_000; k++) {
    for (const l of lines.slice(1)) {
      const line = /\p{Script=Han}/u.test(l) ? `${l}（第 ${k} 篇）` : `${l} (part ${k})`;
      out.push(line);
      size += Buffer.byteLength(line) + 1;
    }
  }
  const file = join(dir, 'megabyte.txt');
  writeFileSync(file, `${out.join('\n')}\n`);
  return { file, bytes: size };
}

export function benchPerf() {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-perf-'));
  const { file: collection, cleanup } = exampleCollection();
  try {
    const rows = [];
    const base = timeCommand(process.execPath, ['-e', '0'], { runs: 9 });
    rows.push(['node -e 0 (ms, median of 9)', fmt(base.ms, 1), '']);
    const article = existsSync(seedArticle) ? seedArticle : join(root, 'decks/example.txt');
    const build = timeCommand(process.execPath, [main, 'build', article, '-o', join(dir, 'seed.apkg')], { runs: 9 });
    rows.push([`cold build of ${existsSync(seedArticle) ? 'the seed article' : 'decks/example.txt'} (ms)`, fmt(build.ms, 1), '']);
    rows.push(['cold build / node -e 0', fmt(build.ms / base.ms, 2), '≤ 2.5 (goal; ≤ 3 bar)']);
    rows.push(['peak RSS of that build (MB)', fmt(build.rssMB, 0), '≤ 150']);
    const stats = timeCommand(process.execPath, [main, 'stats', '--collection', collection], { runs: 9 });
    rows.push(['zhdeck stats / node -e 0', fmt(stats.ms / base.ms, 2), '≤ 1.5']);
    const big = megabyteArticle(dir);
    const whole = timeCommand(process.execPath, [main, 'build', big.file, '-o', join(dir, 'big.apkg')], { runs: 3 });
    rows.push([`build throughput on ${fmt(big.bytes / 1e6, 2)} MB, median of 3 (MB/s)`, fmt(big.bytes / 1e6 / (whole.ms / 1000), 2), '≥ 1']);
    return rows;
  } finally {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
