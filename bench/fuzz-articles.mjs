// Fuzz: mutated articles through the CLI (build, words, align, segment, coverage), as a new user's
// files would reach it. Every run must end 0 or 2 (never 1, never a stack trace, never a hang),
// a failed command must leave every file that was there byte-identical, and a command that
// succeeds may change nothing but its own output.
//
//   node bench/fuzz-articles.mjs [--count N] [--seed S] [--jobs J] [--keep DIR] [--verbose]
//
// Mutations are drawn from a seeded generator, so a run is repeatable; failing cases are copied
// to --keep (default: a temp folder) with the command that failed. Also `npm run bench fuzz`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './util.mjs';

// ZHDECK_FUZZ_CLI: another build's bin/zhdeck.js (main's, to see what a change fixed).
const CLI = process.env.ZHDECK_FUZZ_CLI ?? join(root, 'bin/zhdeck.js');
const FIXTURES = join(root, 'test/fixtures');
const TIMEOUT_MS = 60_000;

/** mulberry32: a small seeded generator, so that a failing case can be made again. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

// Texts of this bench's own, besides the test fixtures: short, bilingual, in several layouts.
const OWN = [
  'The bridge\n橋\n\nThe old bridge crosses the river.\n老橋橫跨河流。\n\nChildren fish from it every summer.\n孩子們每年夏天在橋上釣魚。\n',
  'en\tzh\nThe rain stopped at noon.\t雨在中午停了。\nThe streets were quiet again.\t街道又安靜了。\n',
  '1\n00:00:01,000 --> 00:00:03,000\nThe train is late.\n火車晚點了。\n\n2\n00:00:04,000 --> 00:00:06,500\nWe waited for an hour.\n我們等了一個小時。\n',
  '<html><head><title>Tea</title></head><body><p>Tea grows on the hills.</p><p>茶長在山上。</p></body></html>',
  'Winter came early. Snow covered the fields.\n\n冬天來得早。雪覆蓋了田野。\n',
];

function seeds() {
  const out = [];
  for (const name of readdirSync(FIXTURES)) {
    const file = join(FIXTURES, name);
    if (statSync(file).isFile()) out.push({ name, bytes: readFileSync(file) });
  }
  OWN.forEach((t, i) => out.push({ name: `own${i}.txt`, bytes: Buffer.from(t, 'utf8') }));
  return out;
}

/** A seed that builds as it is: UTF-8, both languages. Most cases start from one, so that most get past reading. */
const bilingual = (bytes) => {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return !text.includes('\ufffd') && /\p{Script=Han}/u.test(text) && /[A-Za-z]{3}/.test(text);
};

/** Small edits of the text that keep it readable: the cases that reach alignment, glossing and the deck. */
function edit(r, b) {
  const chars = [...b.toString('utf8')];
  for (let k = 1 + r.int(12); k > 0 && chars.length; k--) {
    const at = r.int(chars.length);
    const len = 1 + r.int(Math.min(40, chars.length - at));
    switch (r.int(6)) {
      case 0:
        chars.splice(at, len);
        break;
      case 1:
        chars.splice(at, 0, ...chars.slice(r.int(chars.length), r.int(chars.length)));
        break;
      case 2:
        chars.splice(at, 0, ...r.pick(['TikTok', ' 1.7 億 ', '1989 年', 'U.S.', '…', '——', '“', '」', ' & <b> ', '{{c1::', '}}', '::', '#', '\t', '\n\n', '[1/5]', '&amp;']));
        break;
      case 3:
        chars.splice(at, 0, ...HAN.slice(r.int(HAN.length - 10), r.int(HAN.length)));
        break;
      case 4:
        chars.splice(at, len, ...chars.slice(at, at + len).reverse());
        break;
      default:
        chars.splice(at, 0, ...'The quick brown fox. '.repeat(1 + r.int(3)));
    }
  }
  return Buffer.from(chars.join(''));
}

const HAN = '的一是在不了有和人這中大為上個國我以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反你明看原又麼利比或但質氣第向道命此變條只沒結解問意建月公無系軍很情者最立代想已通並提直題黨程展五果料象員革位入常文總次品式活設及管特件長求老頭基資邊流路級少圖山統接知較將組見計別她手角期根論運農指幾九區強放決西被幹做必戰先回則任取據處理';

/** Each mutation turns a seed's bytes (and sometimes a second seed's) into a new article. */
const MUTATIONS = {
  edit,
  flip(r, b) {
    const out = Buffer.from(b);
    for (let k = 1 + r.int(4); k > 0 && out.length; k--) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  truncate: (r, b) => b.subarray(0, r.int(b.length + 1)),
  reencode(r, b) {
    const text = b.toString('utf8');
    switch (r.int(6)) {
      case 0:
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      case 1:
        return Buffer.from(text, 'utf16le'); // no BOM
      case 2: {
        const le = Buffer.from(text, 'utf16le');
        for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
        return r.chance(0.5) ? Buffer.concat([Buffer.from([0xfe, 0xff]), le]) : le;
      }
      case 3:
        return Buffer.from(text, 'latin1');
      case 4:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf16le')]); // a UTF-8 BOM on UTF-16
      default:
        return Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), b]); // a UTF-32 BOM
    }
  },
  hugeLine(r, b) {
    const n = 20_000 + r.int(200_000);
    const unit = r.pick(['市場', 'a', 'word ', '。', HAN.slice(0, 40), '\t', ',']);
    const line = Buffer.from(unit.repeat(Math.ceil(n / unit.length)), 'utf8');
    const at = r.int(b.length + 1);
    return Buffer.concat([b.subarray(0, at), line, b.subarray(at)]);
  },
  nuls(r, b) {
    const out = Buffer.from(b);
    const every = 1 + r.int(40);
    for (let i = r.int(every); i < out.length; i += every) out[i] = 0;
    return out;
  },
  mix: (r, b, other) => {
    const cut = r.int(b.length + 1);
    const from = r.int(other.length + 1);
    return Buffer.concat([b.subarray(0, cut), Buffer.from(r.pick(['', '\n', '\n\n', '\t'])), other.subarray(from)]);
  },
  empty: (r) => Buffer.from(r.pick(['', '\n', '\n\n\n', '   \t\n', '\ufeff', '\ufeff\n', '\r\n\r\n', '\u3000\n'])),
  binary(r) {
    const out = Buffer.alloc(r.int(4096));
    for (let i = 0; i < out.length; i++) out[i] = r.int(256);
    return out;
  },
  lines(r, b) {
    let lines = b.toString('utf8').split('\n');
    switch (r.int(5)) {
      case 0:
        lines = lines.sort(() => r.next() - 0.5);
        break;
      case 1:
        lines = lines.flatMap((l) => (r.chance(0.3) ? [l, l] : [l]));
        break;
      case 2:
        return Buffer.from(lines.join(' '));
      case 3:
        return Buffer.from(lines.join('\r'));
      default:
        return Buffer.from(lines.join('\r\n'));
    }
    return Buffer.from(lines.join('\n'));
  },
  separators(r, b) {
    const out = [];
    for (const ch of b.toString('utf8')) {
      out.push(ch);
      if (r.chance(0.05)) out.push(r.pick(['\t', ',', '"', '\n', '|', ';']));
    }
    return Buffer.from(out.join(''));
  },
  invalidUtf8(r, b) {
    const bad = [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe6, 0x88], [0xf4, 0x90, 0x80, 0x80]];
    const parts = [];
    let at = 0;
    for (let k = 1 + r.int(6); k > 0; k--) {
      const to = at + r.int(Math.max(1, b.length - at));
      parts.push(b.subarray(at, to), Buffer.from(r.pick(bad)));
      at = to;
    }
    parts.push(b.subarray(at));
    return Buffer.concat(parts);
  },
  controls(r, b) {
    const out = [];
    for (const ch of b.toString('utf8')) {
      out.push(ch);
      if (r.chance(0.03)) out.push(r.pick(['\u0000', '\u0007', '\u001b[31m', '\u200b', '\u202e', '\ud800', '\uffff', '\u2028', '\f', '\v']));
    }
    return Buffer.from(out.join(''));
  },
  markup(r, b) {
    const text = b.toString('utf8');
    const wrap = r.pick([
      (t) => `<html><body>${t}`,
      (t) => `<p>${t.replace(/\n/g, '</p><p>')}`,
      (t) => `<!DOCTYPE html><script>${t}</script>`,
      (t) => `WEBVTT\n\n${t}`,
      (t) => `1\n99:99:99,999 --> 00:00:00,000\n${t}`,
      (t) => `${'<div>'.repeat(2000)}${t}`,
      (t) => `{{c1::${t}`,
    ]);
    return Buffer.from(wrap(text));
  },
  onlyOneLanguage: (r, b) => {
    const keep = r.chance(0.5) ? /[\p{Script=Han}，。「」、：；！？\s]/u : /[^\p{Script=Han}，。「」、：；！？]/u;
    return Buffer.from([...b.toString('utf8')].filter((ch) => keep.test(ch)).join(''));
  },
};

const EXTENSIONS = ['.txt', '.tsv', '.csv', '.html', '.htm', '.srt', '.vtt', '.md', '', '.en.txt', '.apkg', '.TXT'];

/** A command, its arguments besides the inputs, and whether it writes a deck. */
function commandFor(r, k, dir, inputs) {
  // Mostly the flags a user types; now and then an odd one.
  const known = () => (r.chance(0.6) ? [] : r.pick([['--known', 'none'], ['--known', join(dir, 'known.txt')], ['--known', join(dir, 'missing.txt')], ['--known', `${inputs[0]}:Hanzi`], ['--known', inputs[0]], ['--known', join(dir, 'collection.db')], ['--level', r.pick(['0', '5', 'abc', '-1', '1e9'])]]));
  const read = () => (r.chance(0.7) ? [] : r.pick([['--layout', r.pick(['interleaved', 'two-files', 'blocks', 'tsv', 'csv', 'html', 'subtitles'])], ['--columns', r.pick(['1,2', '2,1', '9,9', 'en,zh', 'a', ',', '0,0'])], ['--script', r.pick(['traditional', 'simplified'])]]));
  switch (['build', 'words', 'align', 'segment', 'coverage'][k % 5]) {
    case 'build': {
      const output = r.pick([['-o', join(dir, 'deck.apkg')], ['-o', join(dir, 'deck.csv')], [], ['-o', '-'], ['-o', join(dir, 'new', 'deck.apkg')], ['--format', 'csv'], ['-o', inputs[0]], ['-o', join(dir, 'known.txt')], ['-o', join(dir, 'collection.db')], ['-o', dir], ['-o', join(dir, 'known.txt', 'x.apkg')]]);
      const extra = r.chance(0.5) ? [] : r.pick([['--json'], ['--max-words', r.pick(['0', '3', 'x'])], ['--deck', r.pick(['', 'a::b', '\t'])], ['--tags', r.pick(['', 'a b', '#x'])]]);
      return ['build', ...inputs, ...output, ...known(), ...read(), ...extra];
    }
    case 'words':
      return ['words', ...inputs, ...r.pick([[], ['--all'], ['--json'], ['--all', '--json']]), ...known(), ...read()];
    case 'align':
      return ['align', ...inputs, ...r.pick([[], ['--json'], ['--presplit'], ['--presplit', '--json']]), ...read()];
    case 'segment':
      return ['segment', inputs[0]];
    default:
      return ['coverage', ...inputs, ...r.pick([[], ['--json']]), ...known(), ...read()];
  }
}

/** Every file under a folder and a digest of its bytes. */
function snapshot(dir) {
  const out = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p.slice(dir.length + 1)] = createHash('sha1').update(readFileSync(p)).digest('hex');
  }
  return out;
}

function run(args, cwd, env) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = 0;
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d.length));
    child.stderr.on('data', (d) => (stderr += d.toString()));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
  });
}

/** What is wrong with one run, or null. */
function judge(res, before, after, args, dir) {
  if (res.signal === 'SIGKILL') return 'hang';
  if (res.status !== 0 && res.status !== 2) return `exit ${res.status ?? res.signal}`;
  if (/internal error/.test(res.stderr)) return 'internal error';
  if (/\n\s+at .+:\d+:\d+\)?/.test(res.stderr)) return 'stack trace';
  if (res.status === 2 && res.stderr.trim().split('\n').filter((l) => l.startsWith('zhdeck: ')).length !== 1) return 'not one line';
  // A failed command changes nothing; one that succeeds only its own output.
  const o = args.indexOf('-o');
  const named = o > 0 && args[o + 1] !== '-' ? args[o + 1].slice(dir.length + 1) : null;
  const output = new Set(res.status === 0 && args[0] === 'build' ? Object.keys(after).filter((f) => f === named || (named === null && !(f in before))) : []);
  for (const f of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (output.has(f) && f in after) continue;
    // The seal is zhdeck's record of its own integrity check, keyed by the collection's inode and
    // times: each case's copy of the collection has new ones, so a command checks and seals it again.
    // That may change it; the collection itself may not change.
    const sealOf = /^backups\/(.+)\.checked$/.exec(f);
    if (sealOf && sealOf[1] in before && before[sealOf[1]] === after[sealOf[1]]) continue;
    if (before[f] !== after[f]) return `${f in after ? (f in before ? 'changed' : 'created') : 'removed'} ${f}`;
  }
  return null;
}

export async function fuzzArticles({ count = 500, seed = 11, jobs = 2, keep, verbose = false } = {}) {
  const r = generator(seed);
  const pool = seeds();
  const base = mkdtempSync(join(tmpdir(), 'zhdeck-fuzz-'));
  keep ??= join(base, 'failures');
  // A learner's files: a collection (read by --known collection, the default), a word list, a deck built before.
  const home = join(base, 'home');
  mkdirSync(home);
  const collection = join(home, 'collection.db');
  const made = spawnSync(process.execPath, [CLI, 'add', join(FIXTURES, 'market.interleaved.txt'), '--collection', collection], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  writeFileSync(join(home, 'known.txt'), '市場\n# a comment\n農民\n');
  writeFileSync(join(home, 'deck.apkg'), 'a deck the learner made before\n');
  writeFileSync(join(home, 'deck.csv'), '#separator:tab\nearlier\n');
  const names = Object.keys(MUTATIONS);
  const cases = [];
  const readable = pool.filter((s) => bilingual(s.bytes));
  for (let k = 0; k < count; k++) {
    const a = r.chance(0.8) ? r.pick(readable) : r.pick(pool);
    // Every other case a readable edit, which reaches the deep stages; the rest in turn.
    const mutation = k % 2 ? 'edit' : names[(k >> 1) % names.length];
    const bytes = MUTATIONS[mutation](r, a.bytes, r.pick(pool).bytes);
    const ext = r.pick(EXTENSIONS);
    const name = r.pick(['article', 'my article', '文章', '-dash', 'a.b']) + ext;
    const second = r.chance(0.2) ? MUTATIONS[r.pick(names)](r, r.pick(pool).bytes, a.bytes) : null;
    cases.push({ k, seed: a.name, mutation, name, bytes, second, r: generator(seed * 1000 + k) });
  }
  const tally = { runs: 0, exit0: 0, exit2: 0, failures: 0 };
  const byCommand = {};
  const found = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const dir = join(base, `case-${c.k}`);
      cpSync(home, dir, { recursive: true });
      const inputs = [join(dir, c.name)];
      writeFileSync(inputs[0], c.bytes);
      if (c.second) {
        inputs.push(join(dir, `second${c.r.pick(EXTENSIONS)}`));
        writeFileSync(inputs[1], c.second);
      }
      const args = commandFor(c.r, c.k, dir, inputs);
      const before = snapshot(dir);
      const res = await run(args, dir, { ZHDECK_COLLECTION: join(dir, 'collection.db') });
      const after = snapshot(dir);
      const fault = judge(res, before, after, args, dir);
      tally.runs++;
      if (verbose) console.log(`${c.k} ${c.mutation} ${args[0]} → ${res.status}: ${res.stderr.trim().split('\n').pop()?.slice(0, 160)}`);
      const cmd = (byCommand[args[0]] ??= { runs: 0, exit0: 0, exit2: 0, failures: 0 });
      cmd.runs++;
      if (res.status === 0) tally.exit0++, cmd.exit0++;
      if (res.status === 2) tally.exit2++, cmd.exit2++;
      if (fault) {
        tally.failures++;
        cmd.failures++;
        const where = join(keep, `case-${c.k}`);
        mkdirSync(where, { recursive: true });
        for (const f of inputs) copyFileSync(f, join(where, f.slice(dir.length + 1)));
        writeFileSync(join(where, 'command.txt'), `${fault}\nzhdeck ${args.map((a) => JSON.stringify(a.startsWith(dir) ? a.slice(dir.length + 1) : a)).join(' ')}\n${res.stderr}`);
        found.push({ case: c.k, mutation: c.mutation, seed: c.seed, command: args[0], fault, stderr: res.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300) });
      }
      rmSync(dir, { recursive: true, force: true });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  const kept = found.length ? keep : null;
  rmSync(join(base, 'home'), { recursive: true, force: true });
  if (!found.length) rmSync(base, { recursive: true, force: true });
  return { ...tally, byCommand, found, kept };
}

/** The bench section: counts, and each fault found. */
export async function benchFuzz() {
  const res = await fuzzArticles();
  return [
    ['mutated articles through the CLI', res.runs, '≥ 500'],
    ['  of which exit 0 / exit 2', `${res.exit0} / ${res.exit2}`, ''],
    ['  exit 1, stack traces, hangs, files changed', res.failures, '0', res.found.slice(0, 5).map((f) => `case ${f.case} ${f.command} (${f.mutation} of ${f.seed}): ${f.fault}`).join('; ') || undefined],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const flag = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const res = await fuzzArticles({ count: Number(flag('count', 500)), seed: Number(flag('seed', 11)), jobs: Number(flag('jobs', 2)), keep: flag('keep'), verbose: process.argv.includes('--verbose') });
  console.log(`runs ${res.runs}: exit 0 ${res.exit0}, exit 2 ${res.exit2}, faults ${res.failures}`);
  for (const [cmd, t] of Object.entries(res.byCommand)) console.log(`  ${cmd.padEnd(9)} runs ${t.runs}, exit 0 ${t.exit0}, exit 2 ${t.exit2}, faults ${t.failures}`);
  for (const f of res.found) console.log(`  case ${f.case} ${f.command} (${f.mutation} of ${f.seed}): ${f.fault}: ${f.stderr}`);
  if (res.kept) console.log(`failing cases kept in ${res.kept}`);
  process.exitCode = res.failures ? 1 : 0;
}
