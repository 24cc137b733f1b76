// Paired CPU figures for two (or more) built checkouts of zhdeck, alternating run by run so that a
// busy machine's drift falls on each alike: whole-process CPU (process.cpuUsage() at exit, µs) of
// `node -e 0` and of a cold `zhdeck build decks/example.txt`, and the lexicon load alone.
// Usage: node bench/cpu-pairs.mjs RUNS ROOT... (each ROOT built, with its data and code cache).
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
const runs = Number(process.argv[2]);
const roots = process.argv.slice(3);
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const atExit = `process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write('\\nCPU ' + (c.user + c.system) / 1000); });`;
function cpu(root, script) {
  const r = spawnSync(process.execPath, ['-e', atExit + script], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(/CPU (\S+)$/.exec(r.stderr)[1]);
}
const res = Object.fromEntries(roots.map((r) => [r, { base: [], build: [], lex: [] }]));
for (let i = 0; i < runs; i++) for (const [k, root] of roots.entries()) {
  const o = res[root];
  o.base.push(cpu(root, ''));
  o.build.push(cpu(root, `process.argv = [process.argv[0], 'zhdeck', 'build', 'decks/example.txt', '-o', '${tmpdir()}/zhdeck-cpu-pairs-${k}.apkg']; require('./bin/load.cjs').run();`));
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `
    const { loadLexicon } = await import('./dist/lexicon/index.js');
    const c0 = process.cpuUsage();
    const lx = await loadLexicon(); lx.lookup('銀行');
    const c = process.cpuUsage(c0);
    console.log((c.user + c.system) / 1000);`], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(r.stderr);
  o.lex.push(Number(r.stdout));
}
for (const root of roots) {
  const o = res[root];
  console.log(root, JSON.stringify({ nodeE0: +med(o.base).toFixed(1), build: +med(o.build).toFixed(1), ratio: +(med(o.build) / med(o.base)).toFixed(3), lexiconLoad: +med(o.lex).toFixed(2) }));
}
