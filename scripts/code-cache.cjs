// Install-time step (npm's prepare; also before tests and benchmarks): runs each command once on
// the example article, each in its own process with the pack's loader recording, and keeps, per
// module, the largest V8 code cache any run produced in data/code-cache.bin. A cold start then
// skips most compiling (see bench/RESULTS.md). The cache only speeds things up: if anything here
// fails, zhdeck runs as well without it, so this says so and exits 0.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'zhdeck.js');

if (process.argv[2] === '--record') {
  // One command, run exactly as bin/zhdeck.js runs it; its loader's cache is written at exit.
  const [out, ...args] = process.argv.slice(3);
  const load = require(bundle);
  process.argv = [process.argv[0], path.join(root, 'bin', 'zhdeck.js'), ...args];
  process.on('exit', () => fs.writeFileSync(out, load.codeCache()));
  load('cli/main.js');
} else {
  main();
}

function main() {
  const example = path.join(root, 'decks', 'example.txt');
  if (!fs.existsSync(example)) return console.log('zhdeck: no decks/example.txt to warm up on; no code cache');
  const load = require(bundle);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhdeck-cache-'));
  try {
    const deck = path.join(tmp, 'deck.csv');
    const apkg = path.join(tmp, 'deck.apkg');
    const collection = path.join(tmp, 'collection.db');
    const firstChinese = fs.readFileSync(example, 'utf8').split('\n').find((l) => /\p{Script=Han}/u.test(l));
    const runs = [
      [['build', example, '-o', apkg]],
      [['build', example, '-o', deck]],
      [['words', example, '--json']],
      [['align', example, '--json']],
      [['lookup', '銀行', '--json']],
      [['segment'], firstChinese],
      [['add', deck, '--collection', collection]],
      [['stats', '--collection', collection, '--json']],
      [['stats', '--collection', collection]],
      [['review', '--collection', collection, '--limit', '3'], '3\n3\n3\n'],
      [['export', '--collection', collection, '-o', path.join(tmp, 'export.apkg')]],
    ];
    const best = new Map();
    runs.forEach(([args, input], k) => {
      const out = path.join(tmp, `cache-${k}.bin`);
      const r = spawnSync(process.execPath, [__filename, '--record', out, ...args], { input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, ZHDECK_COLLECTION: collection } });
      if (r.status !== 0) throw new Error(`zhdeck ${args[0]} failed while warming up: ${String(r.stderr).trim()}`);
      for (const [id, data] of load.parseCodeCache(fs.readFileSync(out))) if (data.length > (best.get(id)?.length ?? -1)) best.set(id, data);
    });
    const file = load.codeCacheFile;
    const tmpFile = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmpFile, load.serializeCodeCache([...best]));
    fs.renameSync(tmpFile, file);
    console.log(`zhdeck: code cache for ${best.size} modules in ${path.relative(root, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
  } catch (e) {
    console.log(`zhdeck: no code cache (${e.message}); zhdeck works without it, only starts slower`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
