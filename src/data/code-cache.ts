// data/code-cache.bin: V8's compiled code of the CLI bundle, made at install time by
// scripts/code-cache.cjs and handed to V8 by bin/load.cjs (which requires this file from dist/).
// V8 checks a cache against the source's length, its own version and flags, but not its bytes:
// a cache with a few bytes changed crashes Node (SIGTRAP, exit 133). So it is a checked data
// file like the others. It is never rebuilt at run time (that takes running every command):
// one that is missing, stale (another bundle, Node or architecture) or damaged only means
// compiling as usual, and nothing is said.
import { pack, layout } from './container.js';
import { readDataFile, dataPath } from './files.js';

export const CODE_CACHE = layout('code-cache.bin', 1, { meta: 'utf16', v8: 'bytes' });

interface Meta {
  build: string;
  node: string;
  arch: string;
}

const metaFor = (build: string): Meta => ({ build, node: process.version, arch: process.arch });

/**
 * The cache of every command (code-cache.bin), or of one command alone (code-cache.build.bin):
 * V8 reads a whole cache before the first line runs, so a command whose starts are budgeted
 * (build, stats, review) reads only its own functions (build 0.98×, stats 0.96× paired).
 */
export const codeCachePath = (command?: string): string => dataPath(command ? CODE_CACHE.file.replace(/\.bin$/, `.${command}.bin`) : CODE_CACHE.file);

/** The commands with a cache of their own (scripts/code-cache.cjs warms each up on its own). */
export const OWN_CACHE = ['build', 'stats', 'review'];

export const encodeCodeCache = (v8: Buffer, build: string): Buffer => pack(CODE_CACHE, { meta: JSON.stringify(metaFor(build)), v8 });

/** The V8 data of a code cache file for this bundle build, Node and architecture, or null. */
export function readCodeCache(path: string, build: string): Buffer | null {
  try {
    const { meta, v8 } = readDataFile(CODE_CACHE, path);
    const m = JSON.parse(meta) as Meta;
    const want = metaFor(build);
    return m.build === want.build && m.node === want.node && m.arch === want.arch ? v8 : null;
  } catch {
    return null; // missing, damaged, unreadable: compile as usual
  }
}
