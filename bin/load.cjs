// Starts the CLI from dist/bundle/zhdeck.js (scripts/bundle.cjs), compiled from V8's code cache
// when there is one for it. Compiling is a large part of a cold start; data/code-cache.bin is
// written at install time by scripts/code-cache.cjs, after running each command once, so it holds
// the functions the commands really compile. It is used only by the bundle it was made from (the
// build named on the bundle's first line: V8 checks a cache against the source's length, not its
// text) and by the same Node on the same architecture; V8 itself refuses data made for another
// V8 or other flags. A stale, corrupt or missing cache only means compiling as usual.
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
const codeCacheFile = path.join(root, 'data', 'code-cache.bin');

/** The build a bundle names on its first line. */
const buildOf = (source) => /^\/\/ zhdeck build ([0-9a-f]+)/.exec(source)?.[1] ?? '';

/** The V8 data of a code cache file, or null if it was made for another build or by another Node. */
function parseCodeCache(buf, build) {
  const headLength = buf.readUInt32LE(0);
  const head = JSON.parse(buf.toString('utf8', 4, 4 + headLength));
  if (head.build !== build || head.node !== process.version || head.arch !== process.arch) return null;
  return buf.subarray(4 + headLength);
}

function serializeCodeCache(data, build) {
  const head = Buffer.from(JSON.stringify({ build, node: process.version, arch: process.arch }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  return Buffer.concat([length, head, data]);
}

/**
 * Runs the CLI. `cacheFile` is the code cache to start from; with `record`, the cache of every
 * function compiled by then is written there at exit (scripts/code-cache.cjs).
 */
function run({ cacheFile = codeCacheFile, record = false } = {}) {
  const source = fs.readFileSync(bundleFile, 'utf8');
  const build = buildOf(source);
  let cachedData;
  try {
    cachedData = parseCodeCache(fs.readFileSync(cacheFile), build) ?? undefined;
  } catch {
    // No cache, or an unreadable one: compile as usual.
  }
  // Module.wrap opens the wrapper on the bundle's first line, so line numbers in stacks stay true.
  const script = new vm.Script(wrap(source), {
    filename: bundleFile,
    cachedData,
    // import() as in any CommonJS module (Node ≥ 20.12 has the constant; without it import() fails).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  run.codeCacheUse = { offered: cachedData !== undefined, rejected: script.cachedDataRejected === true };
  if (record) process.on('exit', () => fs.writeFileSync(cacheFile, serializeCodeCache(script.createCachedData(), build)));
  const module = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
}

module.exports = { run, bundleFile, codeCacheFile, buildOf, parseCodeCache, serializeCodeCache };
