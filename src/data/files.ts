// Reading installed data files, checked, and the one load-or-rebuild path every stage's data goes
// through (lexicon, segmentation dictionary, frequency ranks; the code cache is read here too).
//
// Every load checks what costs nothing: the size, the header (its own digest, the kind, format
// and sections the layout names) and each section's bounds. The sections' digests mean reading
// every byte (the lexicon's 10 MB of records too, which a build otherwise reads ~600 entries of)
// and loading zlib: ~20 ms of CPU a build (bench/RESULTS.md), too much for each start, so they
// are checked once per file as it is on disk: a file that passes is recorded in the data folder's seal file under its
// size, modification and change times, inode and device, and later loads of that same file skip
// the digests. Any write to a file changes its change time (which no program can set back), and
// a rebuilt file is a new inode: a changed file is checked again. A file changed in the last two
// seconds is not sealed (a write within the same clock tick would keep its times: git's "racily
// clean" problem). If the seal cannot be written (a read-only install), digests are checked on
// every load: slower, never unchecked.
import { closeSync, fstatSync, openSync, read, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { isUserError, UserError } from '../util/errors.js';
import { writeFileAtomic, writingFile } from '../util/fs.js';
import { checkDigests, DataProblem, FIXED_HEADER, headerLength, readHeader, viewSections, type Header, type Layout, type Schema, type Sections } from './container.js';

/** Where installed data lives: $ZHDECK_DATA_DIR (tests point it at a copy they may damage), else data/ in the package. */
export function dataDir(): string {
  const dir = process.env.ZHDECK_DATA_DIR;
  return dir ? resolve(dir) : join(packageRoot, 'data');
}

export const dataPath = (file: string): string => join(dataDir(), file);

// ---- The seal: files whose digests were checked, as they are on disk.

const SEAL_FILE = 'seal.json';
const RACY_MS = 2000;
const seals = new Map<string, Record<string, string>>();

// Times in ms with their fraction (sub-microsecond: the nanoseconds of BigInt stats cost more to get).
const sealKey = (st: Stats) => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`;

function sealsOf(dir: string): Record<string, string> {
  let s = seals.get(dir);
  if (!s) {
    try {
      const parsed = JSON.parse(readFileSync(join(dir, SEAL_FILE), 'utf8')) as unknown;
      s = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      s = {}; // none yet, or unreadable: every file is checked (and the seal written again)
    }
    seals.set(dir, s);
  }
  return s;
}

const isSealed = (path: string, st: Stats) => sealsOf(dirname(path))[basename(path)] === sealKey(st);

/** Records that `path`, as `st` describes it, passed its digests. Best effort: the seal only saves time. */
function seal(path: string, st: Stats): void {
  if (Date.now() - st.ctimeMs < RACY_MS) return;
  const dir = dirname(path);
  seals.delete(dir); // what other processes sealed meanwhile stays sealed
  const s = sealsOf(dir);
  s[basename(path)] = sealKey(st);
  try {
    writeFileAtomic(join(dir, SEAL_FILE), `${JSON.stringify(s, null, 1)}\n`);
  } catch {
    // A read-only data folder: digests are checked on each load instead.
  }
}

// ---- Reading one file.

/** Opens a data file for reading; a missing one is a DataProblem. */
function openData(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DataProblem('missing', 'missing', path);
    throw new UserError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, path);
  }
}

/** Runs `check`, naming the file in any DataProblem it throws. */
function about<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DataProblem && !e.path) throw new DataProblem(e.problem, e.reason, path);
    throw e;
  }
}

// ---- A head start: whole files read on a thread of libuv's pool while the command starts.

/** A file read ahead, as it was when read: its bytes, and the stat key they belong to. */
interface ReadAhead {
  done: Promise<void>;
  bytes?: { buf: Buffer; key: string };
}
const ahead = new Map<string, ReadAhead>();

/**
 * Starts reading data files whole in the background, for a command about to load them: most of a
 * read's time is the kernel filling fresh pages, which a thread of the pool does on another core
 * while this one compiles and sets up the command (~8 ms of a cold build). One read call per file,
 * so it runs to the end without this thread; it is used only if the file still has the size,
 * times and inode it had before and after the read (readChecked), else read again as usual.
 */
export function readAhead(files: readonly string[]): void {
  for (const file of files) {
    const path = dataPath(file);
    if (ahead.has(path)) continue;
    let fd: number;
    let st: Stats;
    try {
      fd = openSync(path, 'r');
      st = fstatSync(fd);
    } catch {
      continue; // missing or unreadable: the load says why
    }
    const buf = Buffer.allocUnsafeSlow(st.size);
    const entry: ReadAhead = {
      done: new Promise((settle) =>
        read(fd, buf, 0, st.size, 0, (err, n) => {
          try {
            if (!err && n === st.size && sealKey(fstatSync(fd)) === sealKey(st)) entry.bytes = { buf, key: sealKey(st) };
          } catch {
            // The file went away meanwhile: read as usual.
          }
          closeSync(fd);
          settle();
        }),
      ),
    };
    ahead.set(path, entry);
  }
}

/** Waits for the reads ahead of these files, if any were started. */
const readsAhead = (paths: readonly string[]): Promise<unknown> => Promise.all(paths.map((p) => ahead.get(p)?.done));

/** The bytes read ahead of `path`, once, if they are still the file's (`st`). */
function takeAhead(path: string, st: Stats): Buffer | undefined {
  const bytes = ahead.get(path)?.bytes;
  if (!bytes) return undefined;
  ahead.delete(path);
  return bytes.key === sealKey(st) ? bytes.buf : undefined;
}

/** Reads the whole file, checks it (digests unless sealed), then seals it: what both readers share. */
function readChecked(fd: number, path: string, l: Layout): { buf: Buffer; header: Header } {
  const st = fstatSync(fd);
  const buf = takeAhead(path, st) ?? readExactly(fd, path, 0, st.size);
  const header = about(path, () => readHeader(buf, buf.length, l));
  if (!isSealed(path, st)) {
    about(path, () => checkDigests(buf, header));
    seal(path, st);
  }
  return { buf, header };
}

/** A data file read whole and checked: its sections by name. */
export function readDataFile<S extends Schema>(l: Layout<S>, path = dataPath(l.file)): Sections<S> {
  const fd = openData(path);
  try {
    const { buf, header } = readChecked(fd, path, l);
    return viewSections(buf, header, l);
  } finally {
    closeSync(fd);
  }
}

/** A file whose sections are read piece by piece, as they are needed (the lexicon's records). */
export interface SectionReader<S extends Schema> {
  length(name: keyof S & string): number;
  /** Bytes [start, end) of a section. */
  read(name: keyof S & string, start: number, end: number): Buffer;
  /** Closes the file (otherwise it stays open for the process). */
  close(): void;
}

/**
 * A data file kept open and read in pieces. Sealed, only its header is read; otherwise it is
 * read whole once, for its digests. Each piece is read to its last byte or the read fails:
 * never a buffer partly filled.
 */
export function openDataFile<S extends Schema>(l: Layout<S>, path = dataPath(l.file)): SectionReader<S> {
  const fd = openData(path);
  let header: Header;
  try {
    const st = fstatSync(fd);
    if (isSealed(path, st)) {
      const size = st.size;
      const first = readExactly(fd, path, 0, Math.min(FIXED_HEADER, size));
      const length = about(path, () => headerLength(first, size));
      header = about(path, () => readHeader(readExactly(fd, path, 0, length), size, l));
    } else {
      header = readChecked(fd, path, l).header;
    }
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const span = (name: string) => header.spans[name]!;
  return {
    length: (name) => span(name).length,
    read(name, start, end) {
      const s = span(name);
      if (!(start >= 0 && start <= end && end <= s.length)) throw new Error(`${path}: bytes ${start}–${end} are outside section ${name} (${s.length} bytes)`);
      return readExactly(fd, path, s.offset + start, end - start);
    },
    close: () => closeSync(fd),
  };
}

/**
 * Bytes [position, position + length) of an open file, every one read (so unsafe allocation leaks
 * nothing). A small piece (a lexicon record: a build reads some 600) is a slice of Node's shared
 * pool rather than a memory block of its own, which costs several times the read.
 */
function readExactly(fd: number, path: string, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw new UserError('changed while zhdeck was reading it (it is shorter now); run the command again', path);
    got += n;
  }
  return buf;
}

// ---- Load or rebuild.

/** The files a stage's data is made of, how to make them, and how to open them. */
export interface DataSet<T> {
  /** What the files hold, for messages ("the segmentation dictionary"). */
  what: string;
  /** The files, in the order they are written (a file that names another is written after it). */
  layouts: readonly Layout[];
  /** The modules the files are made from, as require.resolve takes them: checked before a rebuild. */
  sources(): string[];
  /** The files' bytes, made from the packages zhdeck depends on, in `layouts` order. */
  build(): Promise<Buffer[]> | Buffer[];
  /** The data, read from its files (readDataFile, openDataFile); throws DataProblem. */
  open(): T;
}

const REINSTALL = 'reinstall zhdeck (npm install zhdeck)';

/** The first source that cannot be found, or null. */
function missingSource<T>(set: DataSet<T>): string | null {
  for (const id of set.sources()) {
    try {
      require.resolve(id);
    } catch {
      return id;
    }
  }
  return null;
}

/** Makes the files and writes them atomically; or one line saying why it cannot and how to fix it. */
async function rebuild<T>(set: DataSet<T>, why: string): Promise<void> {
  let files: Buffer[];
  try {
    files = await set.build();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ENOENT') throw e;
    throw new UserError(`${why}, and a package it is made from is missing (${(e as Error).message.split('\n')[0]}): ${REINSTALL}`);
  }
  try {
    set.layouts.forEach((l, i) => {
      const path = dataPath(l.file);
      writingFile(path, () => writeFileAtomic(path, files[i]!));
    });
  } catch (e) {
    if (!isUserError(e)) throw e;
    throw new UserError(`${why}; ${e.message}: set ZHDECK_DATA_DIR to a folder you can write, or ${REINSTALL}`);
  }
}

/**
 * A stage's data, from its files when they are there and sound. Otherwise made again as on first
 * use (a missing or stale file quietly, a damaged one saying so), written atomically, and read
 * back through the same checks; or one line saying how to fix it. Nothing else writes into the
 * data folder at run time.
 */
export async function loadData<T>(set: DataSet<T>): Promise<T> {
  await readsAhead(set.layouts.map((l) => dataPath(l.file)));
  try {
    return set.open();
  } catch (e) {
    if (!(e instanceof DataProblem)) throw e;
    const why = e.problem === 'missing' ? `${e.path} is missing` : `${e.path} is ${e.problem} (${e.reason})`;
    const missing = missingSource(set);
    if (missing) throw new UserError(`${why}, and a package it is made from is missing (cannot find ${missing}): ${REINSTALL}`);
    process.stderr.write(e.problem === 'damaged' ? `zhdeck: ${why}; rebuilding ${set.what}…\n` : `zhdeck: preparing ${set.what} (once)…\n`);
    await rebuild(set, why);
  }
  return reopen(set);
}

/** A stage's loader: its data, loaded (or made) on first use and held for the process. */
export function dataLoader<T>(set: () => DataSet<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= loadData(set()));
}

/** Install time: makes a stage's files and checks them as a load would. */
export async function prepareData<T>(set: DataSet<T>): Promise<{ files: string[]; bytes: number }> {
  await rebuild(set, `${set.what} cannot be made`);
  reopen(set);
  const files = set.layouts.map((l) => dataPath(l.file));
  return { files, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
}

/** Files just written must pass: a problem now is a bug, not the user's. */
function reopen<T>(set: DataSet<T>): T {
  try {
    return set.open();
  } catch (e) {
    if (e instanceof DataProblem) throw new Error(`${e.path || set.what}: rebuilt, and still ${e.problem} (${e.reason})`);
    throw e;
  }
}
