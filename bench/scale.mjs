// Issue 14: the review path at 1k / 10k / 100k cards with as many reviews, in one run. Per-rating
// cost (next card + durable commit, in one process), and `zhdeck stats` and the review start
// (`zhdeck review` in line mode answered `q`: the time until the first card is shown, and out)
// as ratios to `node -e 0`, each run paired with a run of `node -e 0` so that drift cancels.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { childJson, fmt, median, root } from './util.mjs';
import { generateCollection } from './generate.mjs';

const main = join(root, 'bin/zhdeck.js');

function wall(args, env, input) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, input: input ?? '' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** Median ms of each command and of its ratio to `node -e 0`, the runs interleaved (base, a, base, b, …). */
function paired(commands, runs = 11) {
  const base = [];
  const out = commands.map(() => ({ ms: [], ratio: [] }));
  for (let i = 0; i < runs; i++) {
    commands.forEach((cmd, k) => {
      const b = wall(['-e', '0']);
      const a = wall(cmd.args, cmd.env, cmd.input);
      base.push(b);
      out[k].ms.push(a);
      out[k].ratio.push(a / b);
    });
  }
  return { base: median(base), results: out.map((o) => ({ ms: median(o.ms), ratio: median(o.ratio) })) };
}

/** `n` ratings, each committed on its own (rollback journal, synchronous=FULL), as `zhdeck review` makes them. */
function ratings(file, now, n = 300) {
  return childJson(`
    const { Collection } = await import('./dist/collection/index.js');
    const { nextCard, schedulersFor } = await import('./dist/review/index.js');
    const c = Collection.open(${JSON.stringify(file)});
    const schedulerFor = schedulersFor(c);
    let t = ${now};
    const times = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < ${n}; i++) {
      const t0 = performance.now();
      const card = nextCard(c, t, { newLimit: 100000 });
      const note = c.note(card.noteId);
      const s = schedulerFor(note.deck);
      s.intervals(card, t);
      const at = t;
      c.recordReview(card.id, at, 3, 5000, (before) => s.next({ ...before, id: card.id }, at, 3));
      times.push(performance.now() - t0);
      t += 5000;
    }
    const cpu = process.cpuUsage(cpu0);
    c.close();
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const median = [...times].sort((a, b) => a - b)[times.length >> 1];
    console.log(JSON.stringify({ ms: median, mean: mean(times), cpu: (cpu.user + cpu.system) / 1000 / ${n}, first: mean(times.slice(0, 100)), last: mean(times.slice(-100)) }));`);
}

/** Sizes: 1k, 10k, 100k; ZHDECK_BENCH_SIZES=1000,10000 runs fewer (while working on it). */
export function benchScale(sizes = (process.env.ZHDECK_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-scale-'));
  try {
    const rows = [];
    const table = [];
    for (const size of sizes) {
      const file = join(dir, `c${size}.db`);
      const t0 = performance.now();
      const g = generateCollection({ file, cards: size, reviews: size });
      const made = performance.now() - t0;
      const env = { ZHDECK_NOW: String(g.now) };
      const { base, results } = paired([
        { args: [main, 'stats', '--collection', file], env },
        { args: [main, 'review', '--collection', file], env, input: 'q\n' },
      ]);
      const [stats, start] = results;
      const r = ratings(file, g.now);
      table.push({ size, g, made, base, stats, start, r });
      const k = size >= 1000 ? `${size / 1000}k` : String(size);
      rows.push([`${k} cards, ${g.reviews} reviews (${g.days} days; made in ${fmt(made / 1000, 1)} s): ms per rating, median`, fmt(r.ms, 2), size === 100_000 ? '≤ 5' : '']);
      rows.push([`  mean (with the day's first quick_check and backup), and of it CPU (the rest waits for the fsyncs)`, `${fmt(r.mean, 2)}, ${fmt(r.cpu, 2)}`, '']);
      rows.push([`  ratings 1–100 / 201–300 of one session (ms)`, `${fmt(r.first, 2)} / ${fmt(r.last, 2)}`, '']);
      rows.push([`  zhdeck stats / node -e 0 (${fmt(stats.ms, 0)} / ${fmt(base, 0)} ms)`, fmt(stats.ratio, 2), size === 100_000 ? '≤ 1.5' : '']);
      rows.push([`  review start / node -e 0 (${fmt(start.ms, 0)} ms)`, fmt(start.ratio, 2), size === 100_000 ? '≤ 1.8' : '']);
    }
    const note = [
      '| cards + reviews | ms per rating (median) | stats / node -e 0 | review start / node -e 0 |',
      '| --- | --- | --- | --- |',
      ...table.map((t) => `| ${t.size.toLocaleString('en')} + ${t.g.reviews.toLocaleString('en')} | ${fmt(t.r.ms, 2)} (mean ${fmt(t.r.mean, 2)}, CPU ${fmt(t.r.cpu, 2)}) | ${fmt(t.stats.ratio, 2)} | ${fmt(t.start.ratio, 2)} |`),
    ].join('\n    ');
    rows.push(['the table (markdown)', '', '', note]);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
