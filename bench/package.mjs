// The Anki package: what a build costs as .apkg against CSV, and --audio (espeak-ng) per card and in size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, timeCommand, fmt } from './util.mjs';

const main = join(root, 'bin/zhdeck.js');
const example = join(root, 'decks/example.txt');

export function benchPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-bench-'));
  try {
    const out = (name) => join(dir, name);
    const csv = timeCommand(process.execPath, [main, 'build', example, '-o', out('d.csv')], { runs: 5 });
    const apkg = timeCommand(process.execPath, [main, 'build', example, '-o', out('d.apkg')], { runs: 5 });
    const audio = timeCommand(process.execPath, [main, 'build', example, '-o', out('a.apkg'), '--audio'], { runs: 3 });
    const json = spawnSync(process.execPath, [main, 'build', example, '-o', out('j.apkg'), '--audio', '--json'], { encoding: 'utf8' });
    const { cards, media } = JSON.parse(json.stdout);
    const size = (f) => statSync(out(f)).size / 1e6;
    return [
      ['example build, CSV (ms, median of 5)', fmt(csv.ms, 0)],
      ['example build, .apkg (ms, median of 5)', fmt(apkg.ms, 0), '', `${fmt(apkg.rssMB, 0)} MB peak; package ${fmt(size('d.apkg') * 1000, 0)} KB for ${cards} cards`],
      ['example build, .apkg --audio (ms, median of 3)', fmt(audio.ms, 0), '', `${fmt(audio.rssMB, 0)} MB peak; ${media.files} recordings, ${fmt(media.bytes / 1e6, 1)} MB of WAV`],
      ['--audio cost per card (ms)', fmt((audio.ms - apkg.ms) / cards, 1), '', `per recording ${fmt((audio.ms - apkg.ms) / media.files, 1)} ms`],
      ['--audio package size (MB)', fmt(size('a.apkg'), 1), '', `${fmt((size('a.apkg') * 1000) / cards, 1)} KB a card`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
