// Shared helpers for `npm run bench`: cold child processes, medians, peak RSS.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const shared = join(root, '../shared');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a command cold `runs` times; wall-clock ms and peak RSS (MB, from /usr/bin/time when present). */
export function timeCommand(cmd, args, { runs = 7, env = {}, input } = {}) {
  const times = [];
  const rss = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', cmd, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      input,
    });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(kb)) rss.push(kb / 1024);
    if (Number.isFinite(user + sys)) cpu.push((user + sys) * 1000);
  }
  // cpuMs: user + system time of the process (all its threads), steadier than wall time on a shared machine.
  return { ms: median(times), cpuMs: cpu.length ? median(cpu) : NaN, rssMB: rss.length ? Math.max(...rss) : NaN };
}

/** Runs a small ESM script in a fresh node and returns what it printed as JSON. */
export function childJson(script) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

export const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
