// Long input (issue 17, item 6): a book of varied text at 1 MB and 5 MB, and 50 articles in one
// build, each a cold `zhdeck build` with its peak resident memory. The text is bench/varied.mjs's
// (not one article repeated: a repeated sentence's notes are made once).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, timeCommand, fmt } from './util.mjs';
import { variedArticle } from './varied.mjs';

const main = join(root, 'bin/zhdeck.js');

export async function benchBooks() {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-books-'));
  try {
    const rows = [];
    // The default format (.apkg, written as it is made). MB/s by CPU time (user + system, all
    // threads) and by wall clock: on a shared machine the first is the steadier.
    const time = (what, files, runs) => {
      const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
      const r = timeCommand(process.execPath, [main, 'build', ...files, '-o', join(dir, 'deck.apkg')], { runs });
      rows.push([`${what}: build MB/s by CPU time (median of ${runs})`, fmt(bytes / 1e6 / (r.cpuMs / 1000), 2), '≥ 1']);
      rows.push([`${what}: build MB/s by wall clock (load average ${loadavg()[0].toFixed(1)})`, fmt(bytes / 1e6 / (r.ms / 1000), 2), '—']);
      rows.push([`${what}: peak RSS (MB)`, fmt(r.rssMB, 0), '≤ 300']);
    };
    for (const [mb, runs] of [
      [1, 3],
      [5, 1],
    ]) {
      const file = join(dir, `book-${mb}mb.txt`);
      writeFileSync(file, await variedArticle({ bytes: mb * 1e6, seed: mb, title: `A varied book of ${mb} MB` }));
      time(`${mb} MB of varied text, one article`, [file], runs);
    }
    // Fifty articles of about 20 KB, alternately in Traditional and Simplified characters.
    const articles = [];
    for (let k = 0; k < 50; k++) {
      const file = join(dir, `article-${k + 1}.txt`);
      writeFileSync(file, await variedArticle({ bytes: 20_000, seed: 100 + k, script: k % 2 ? 'simplified' : 'traditional', title: `Varied article ${k + 1}` }));
      articles.push(file);
    }
    time('50 articles of 20 KB in one build', articles, 3);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
