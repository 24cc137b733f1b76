// Starts the CLI from dist/bundle/zhdeck.js (scripts/bundle.cjs), compiled from V8's code cache
// when there is one for it. Compiling is a large part of a cold start; data/code-cache.bin is
// written at install time by scripts/code-cache.cjs, after running each command once, so it holds
// the functions the commands really compile. It is used only by the bundle it was made from (the
// build named on the bundle's first line: V8 checks a cache against the source's length, not its
// text) and by the same Node on the same architecture; V8 itself refuses data made for another
// V8 or other flags, but not changed bytes (they crash Node), so the file is a checked data file
// (dist/data/code-cache.js: named sections, digests). A stale, damaged or missing cache only
// means compiling as usual.
//
// Node ≥ 22.1 has module.enableCompileCache(), which keeps such a cache for every module by
// itself (under os.tmpdir() unless told otherwise, made when a module is first compiled and
// checked against its contents). Once Node 20 is no longer supported, this file can shrink to
// that call and a require of the bundle, and scripts/code-cache.cjs can go.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire, wrap } = require('module');

const root = path.join(__dirname, '..');
const bundleFile = path.join(root, 'dist', 'bundle', 'zhdeck.js');
// The code cache is read as the CLI reads every data file (src/data/code-cache.ts), from its own
// small bundle (scripts/bundle.cjs): the CLI's bundle has its own copy.
const { codeCachePath, readCodeCache, encodeCodeCache, OWN_CACHE } = require('../dist/bundle/code-cache.js');

/** The build a bundle names on its first line. */
const buildOf = (source) => /^\/\/ zhdeck build ([0-9a-f]+)/.exec(source)?.[1] ?? '';

/**
 * Runs the CLI. `cacheFile` is the code cache to start from; with `record`, the cache of every
 * function compiled by then is written there at exit (scripts/code-cache.cjs).
 */
function run({ cacheFile, record = false } = {}) {
  // The bundle is ASCII (scripts/bundle.cjs escapes the rest): read as Latin-1, it becomes a
  // one-byte string with no UTF-8 decoding.
  const source = fs.readFileSync(bundleFile, 'latin1');
  const build = buildOf(source);
  // The command's own cache, else every command's; none, or a stale, damaged or unreadable
  // one: compile as usual.
  const command = OWN_CACHE.includes(process.argv[2]) ? process.argv[2] : undefined;
  const cached = cacheFile ? readCodeCache(cacheFile, build) : (command ? readCodeCache(codeCachePath(command), build) : null) ?? readCodeCache(codeCachePath(), build);
  const cachedData = cached ?? undefined;
  // Module.wrap opens the wrapper on the bundle's first line, so line numbers in stacks stay true.
  const script = new vm.Script(wrap(source), {
    filename: bundleFile,
    cachedData,
    // import() as in any CommonJS module (Node ≥ 20.12 has the constant; without it import() fails).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  run.codeCacheUse = { offered: cachedData !== undefined, rejected: script.cachedDataRejected === true };
  if (record) process.on('exit', () => fs.writeFileSync(cacheFile, encodeCodeCache(script.createCachedData(), build)));
  const module = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
}

module.exports = { run, bundleFile, codeCachePath, buildOf, readCodeCache };
