// `node bench/gloss-dev/extract.mjs [dir] [dev|test|all]`: writes the evaluation texts as
// articles zhdeck reads into dir (default: a new temporary directory) and prints where each
// came from. Nothing is written inside the repository.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArticles } from './sources.mjs';

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'zhdeck-gloss-dev-'));
const part = process.argv[3] ?? 'all';
for (const { source: s, files, skipped } of writeArticles(dir, part)) {
  console.log(`${s.id.padEnd(18)} ${s.part.padEnd(5)} ${s.script.padEnd(12)} ${skipped ? `skipped: ${skipped}` : files.join(' ')}`);
}
