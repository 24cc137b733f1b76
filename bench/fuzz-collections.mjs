// Issue 11's fuzz of damaged collections: a small collection made through the CLI, damaged in
// each of the ways below (zeroed pages, truncation, flipped bytes, wrong header fields, garbled
// rows, missing tables, -wal / -journal leftovers), then every command a learner runs on it.
// What must hold: no exit 1, no stack trace, no hang, and after a failed command every file
// that was there is byte-identical. Prints the counts; exit 1 when anything broke.
//   node bench/fuzz-collections.mjs            (ZHDECK_BIN=path/to/zhdeck.js runs another build)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './util.mjs';
import { random } from './generate.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const bin = process.env.ZHDECK_BIN ?? join(root, 'bin/zhdeck.js');
const T0 = Date.parse('2026-11-25T10:00:00Z');
const DAY = 86_400_000;
const article = join(root, 'test/fixtures/market.interleaved.txt');
const TIMEOUT = 60_000;

const run = (args, { input = '', t = T0 + DAY, cwd } = {}) => {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: TIMEOUT, cwd, env: { ...process.env, NO_COLOR: '1', ZHDECK_NOW: String(t) } });
  return { status: r.signal ? `signal ${r.signal}` : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error?.code === 'ETIMEDOUT' };
};

const work = mkdtempSync(join(tmpdir(), 'zhdeck-fuzz-'));

/** The collection every damage starts from: an article, three ratings, a setting. */
function pristine() {
  const file = join(work, 'base', 'c.db');
  mkdirSync(join(work, 'base'));
  for (const [args, input] of [
    [['add', article, '--collection', file]],
    [['review', '--collection', file, '--limit', '3', '--retention', '0.85'], '3\n1\n4\n'],
  ]) {
    const r = run(args, { input, t: T0 });
    if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  }
  return readFileSync(file);
}

const base = pristine();
const page = base.readUInt16BE(16) === 1 ? 65536 : base.readUInt16BE(16);
const pages = base.length / page;

const bytes = (edit) => (f) => {
  const b = readFileSync(f);
  edit(b);
  writeFileSync(f, b);
};
const sql = (text) => (f) => {
  const d = new Database(f);
  d.exec(text);
  d.close();
};

/** A hot journal: a writer killed in the middle of a big transaction. */
function hotJournal(f) {
  const script = `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const d = new D(${JSON.stringify(f)});
    d.pragma('journal_mode = TRUNCATE'); d.pragma('cache_size = 1'); d.exec('BEGIN IMMEDIATE');
    d.exec("UPDATE notes SET tags = tags || ' changed'"); for (let i = 0; i < 400; i++) d.prepare('INSERT INTO known_words VALUES (?, 0)').run('字' + i + 'x'.repeat(900));
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
}

const DAMAGES = [
  ...[0, 1, 2, Math.floor(pages / 2), pages - 1].map((k) => [`page ${k + 1} of ${pages} zeroed`, bytes((b) => b.fill(0, k * page, (k + 1) * page))]),
  ['1 byte cut off the end', (f) => truncateSync(f, base.length - 1)],
  ['half a page cut off the end', (f) => truncateSync(f, base.length - page / 2)],
  ['the last page cut off', (f) => truncateSync(f, base.length - page)],
  ['cut to its header', (f) => truncateSync(f, 100)],
  ['cut to half', (f) => truncateSync(f, Math.floor(pages / 2) * page)],
  ...[1, 2, 3, 4, 5, 6].map((seed) => [
    `16 runs of bytes flipped (seed ${seed})`,
    bytes((b) => {
      const r = random(seed);
      for (let k = 0; k < 16; k++) {
        const at = 100 + Math.floor(r() * (b.length - 200));
        for (let i = at; i < at + 8; i++) b[i] ^= 0xff;
      }
    }),
  ]),
  ['header: page size 0', bytes((b) => b.writeUInt16BE(0, 16))],
  ['header: page size 3000', bytes((b) => b.writeUInt16BE(3000, 16))],
  ['header: unknown file format', bytes((b) => b.fill(3, 18, 20))],
  ['header: payload fractions', bytes((b) => b.fill(99, 21, 24))],
  ['header: another application id', bytes((b) => b.writeUInt32BE(0x12345678, 68))],
  ['header: schema version 99', bytes((b) => b.writeUInt32BE(99, 60))],
  ['header: schema version 0', bytes((b) => b.writeUInt32BE(0, 60))],
  ['header: page count larger than the file', bytes((b) => b.writeUInt32BE(pages + 40, 28))],
  ['header: magic garbled', bytes((b) => b.write('SQLite format 4', 0, 'latin1'))],
  ['row: a note\'s fields garbled', sql("UPDATE notes SET fields = '[\"unclosed' WHERE id = (SELECT min(id) FROM notes)")],
  ['row: every note\'s fields garbled', sql("UPDATE notes SET fields = 'garbled'")],
  ['row: fields an object, not an array', sql("UPDATE notes SET fields = '{\"a\": 1}'")],
  ['row: a review\'s state garbled', sql("UPDATE revlog SET state_before = 'x{' WHERE id = (SELECT min(id) FROM revlog)")],
  ['row: a setting garbled', sql("UPDATE config SET value = '0.8.5'")],
  ['row: a card\'s due is text', sql("UPDATE cards SET due = 'soon' WHERE id = (SELECT min(card_id) FROM revlog)")],
  ['row: meta says another app', sql("UPDATE meta SET value = 'other' WHERE key = 'app'")],
  ['table gone: known_words', sql('DROP TABLE known_words')],
  ['table gone: revlog', sql('DROP TABLE revlog')],
  ['table gone: config', sql('DROP TABLE config')],
  ['index gone: cards_queue', sql('DROP INDEX cards_queue')],
  ['trigger gone: revlog_days', sql('DROP TRIGGER revlog_days')],
  ['column gone: cards.position', sql('DROP INDEX cards_new; ALTER TABLE cards DROP COLUMN position')],
  ['schema version 0, tables kept', sql('PRAGMA user_version = 0')],
  ['zhdeck\'s application id, no tables', (f) => {
    rmSync(f);
    sql(`PRAGMA application_id = ${0x7a686463}`)(f);
  }],
  ['leftover: a hot journal (writer killed mid-write)', hotJournal],
  ['leftover: a garbage -journal', (f) => writeFileSync(`${f}-journal`, Buffer.alloc(5000, 0x5a))],
  ['leftover: an empty -journal', (f) => writeFileSync(`${f}-journal`, '')],
  ['leftover: a garbage -wal', (f) => writeFileSync(`${f}-wal`, Buffer.alloc(5000, 0x5a))],
  ['leftover: a garbage -wal and -shm', (f) => {
    writeFileSync(`${f}-wal`, Buffer.alloc(8192, 0x33));
    writeFileSync(`${f}-shm`, Buffer.alloc(32768, 0x44));
  }],
  ['an empty file', (f) => writeFileSync(f, '')],
];

const COMMANDS = [
  ['stats', (f) => ['stats', '--collection', f]],
  ['stats --json', (f) => ['stats', '--collection', f, '--json']],
  ['review, q', (f) => ['review', '--collection', f], 'q\n'],
  ['review, a rating', (f) => ['review', '--collection', f], '3\n'],
  ['add', (f) => ['add', article, '--collection', f]],
  ['check', (f) => ['check', '--collection', f]],
  ['decks', (f) => ['decks', '--collection', f]],
  ['known list', (f) => ['known', 'list', '--collection', f]],
  ['export', (f, dir) => ['export', '--collection', f, '-o', join(dir, 'out.apkg')]],
];

const snapshot = (dir) => new Map(readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile()).map((n) => [n, readFileSync(join(dir, n))]));
const STACK = /^\s+at .+(\(|:\d+:\d+)/m;

const exits = {};
const broken = [];
let runs = 0;
let k = 0;
for (const [name, damage] of DAMAGES) {
  for (const [command, argsOf, input] of COMMANDS) {
    const dir = join(work, `d${k++}`);
    mkdirSync(dir);
    const file = join(dir, 'c.db');
    writeFileSync(file, base);
    damage(file);
    const before = snapshot(dir);
    const r = run(argsOf(file, dir), { input, cwd: dir });
    runs++;
    exits[r.status] = (exits[r.status] ?? 0) + 1;
    const fault = [];
    if (r.timedOut) fault.push('hang');
    if (r.status === 1) fault.push('exit 1');
    if (typeof r.status === 'string') fault.push(r.status);
    if (STACK.test(r.stderr)) fault.push('stack trace');
    if (r.status !== 0) {
      for (const [n, b] of before) if (!existsSync(join(dir, n)) || !readFileSync(join(dir, n)).equals(b)) fault.push(`${n} changed`);
    }
    if (fault.length) broken.push(`${name} × ${command}: ${fault.join(', ')} — ${r.stderr.trim().split('\n')[0]}`);
    rmSync(dir, { recursive: true, force: true });
  }
}
rmSync(work, { recursive: true, force: true });

console.log(`${DAMAGES.length} damaged collections × ${COMMANDS.length} commands = ${runs} runs (${bin})`);
console.log(`exit codes: ${Object.entries(exits).map(([c, n]) => `${c}: ${n}`).join(', ')}`);
console.log(`broken: ${broken.length}`);
for (const b of broken) console.log(`  ${b}`);
process.exitCode = broken.length ? 1 : 0;
