// `node bench/gloss-dev/worksheet.mjs <text-id>`: the aligned pairs of one evaluation text, each
// with its Chinese as `zhdeck segment` cuts it, for an annotator to work from. It shows no
// gloss on purpose: annotate before looking at what zhdeck says.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCES, writeArticles } from './sources.mjs';

const id = process.argv[2];
const s = SOURCES.find((x) => x.id === id);
if (!s) {
  console.error(`unknown text id ${id}; one of ${SOURCES.map((x) => x.id).join(', ')}`);
  process.exit(2);
}
const lib = await import('../../dist/stages.js');
const dir = mkdtempSync(join(tmpdir(), 'zhdeck-sheet-'));
const [{ files, skipped }] = writeArticles(dir, s.part).filter((a) => a.source.id === id);
if (skipped) {
  console.error(`${id}: ${skipped}`);
  process.exit(2);
}
const [{ pairs }] = await lib.align(files);
let n = 0;
for (const p of pairs) {
  n++;
  if (!p.en.length || !p.zh.length) continue;
  const en = lib.textOf(p.en, 'en');
  const zh = lib.textOf(p.zh, 'zh');
  const seg = await lib.segmentText(zh, 'pair', s.script);
  console.log(`@${n} ${p.id} conf=${p.confidence.toFixed(2)}\nEN ${en}\nZH ${zh}\nSG ${seg}\n`);
}
