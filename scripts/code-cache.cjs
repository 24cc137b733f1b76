// Install-time step (npm's prepare; also before tests and benchmarks): runs each command once on
// the example article, each in its own process, each starting from the code cache the runs
// before it left and writing it back at exit with what it compiled, so that data/code-cache.bin
// ends with the functions every command compiles. A cold start then skips most compiling (see
// bin/load.cjs and bench/RESULTS.md). The cache only speeds things up: if anything here fails,
// zhdeck runs as well without it, so this says so and exits 0.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const load = path.join(root, 'bin', 'load.cjs');

if (process.argv[2] === '--record') {
  // One command, run exactly as bin/zhdeck.js runs it.
  const [cacheFile, ...args] = process.argv.slice(3);
  process.argv = [process.argv[0], path.join(root, 'bin', 'zhdeck.js'), ...args];
  require(load).run({ cacheFile, record: true });
} else {
  main();
}

function main() {
  const example = path.join(root, 'decks', 'example.txt');
  if (!fs.existsSync(example)) return console.log('zhdeck: no decks/example.txt to warm up on; no code cache');
  const codeCacheFile = require(load).codeCachePath();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhdeck-cache-'));
  try {
    const deck = path.join(tmp, 'deck.csv');
    const apkg = path.join(tmp, 'deck.apkg');
    const collection = path.join(tmp, 'collection.db');
    const cache = path.join(tmp, 'code-cache.bin');
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
    const warm = (file, list) => {
      for (const [args, input] of list) {
        const r = spawnSync(process.execPath, [__filename, '--record', file, ...args], { input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, ZHDECK_COLLECTION: collection } });
        if (r.status !== 0) throw new Error(`zhdeck ${args[0]} failed while warming up: ${String(r.stderr).trim()}`);
      }
    };
    const install = (from, to) => {
      const tmpFile = `${to}.${process.pid}.tmp`;
      fs.copyFileSync(from, tmpFile);
      fs.renameSync(tmpFile, to);
      console.log(`zhdeck: code cache in ${path.relative(root, to)} (${(fs.statSync(to).size / 1024).toFixed(0)} KB)`);
    };
    warm(cache, runs);
    install(cache, codeCacheFile);
    // The commands with a cache of their own: each warmed up alone, on the runs above that are its.
    const { OWN_CACHE, codeCachePath } = require(path.join(root, 'dist', 'bundle', 'code-cache.js'));
    for (const command of OWN_CACHE) {
      const own = path.join(tmp, `code-cache.${command}.bin`);
      warm(own, runs.filter(([args]) => args[0] === command));
      install(own, codeCachePath(command));
    }
  } catch (e) {
    console.log(`zhdeck: no code cache (${e.message}); zhdeck works without it, only starts slower`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
