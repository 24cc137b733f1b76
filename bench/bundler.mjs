// How the CLI is loaded (issue 12, item 6): the shipped start (esbuild's bundle, bin/load.cjs with
// the install-time V8 code cache) against the same bundle without the cache, tsc's files loaded
// one by one by Node, and the hand-made pack esbuild replaced (scripts/bundle.cjs and
// code-cache.cjs of commit e8c136d, rebuilt from git when the history is there). All cold, taken
// in turn (A B C D A B C D …) so that the machine's drift falls on every variant alike. Each
// variant other than the shipped one is a package of its own in a scratch folder, its dist/ a
// copy of this one's, node_modules and the data files linked, so that paths resolve as installed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, median, fmt } from './util.mjs';
import { seedArticle } from './gloss.mjs';
import { exampleCollection } from './review.mjs';

const HAND_MADE_PACK = 'e8c136d';

/** A package in a scratch folder: this one's dist/ (without the bundle) and the given files. */
function variant(dir, name, files) {
  const pkg = join(dir, name);
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  mkdirSync(join(pkg, 'scripts'), { recursive: true });
  mkdirSync(join(pkg, 'data'), { recursive: true });
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true, filter: (src) => !src.includes(`${join(root, 'dist', 'bundle')}`) });
  cpSync(join(root, 'package.json'), join(pkg, 'package.json'));
  cpSync(join(root, 'decks'), join(pkg, 'decks'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  // The data files linked, the code cache each variant's own.
  for (const f of readdirSync(join(root, 'data'))) if (f.endsWith('.bin') && f !== 'code-cache.bin') symlinkSync(join(root, 'data', f), join(pkg, 'data', f));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(pkg, path), text);
  return pkg;
}

const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });

/** The hand-made pack, as that commit built it (its bundle.cjs and code-cache.cjs run on this dist/). */
function handMadePack(dir) {
  const show = (path) => git(['show', `${HAND_MADE_PACK}:${path}`]);
  const files = ['scripts/bundle.cjs', 'scripts/code-cache.cjs', 'bin/zhdeck.js'].map((p) => [p, show(p)]);
  if (files.some(([, r]) => r.status !== 0)) return null;
  const pkg = variant(dir, 'hand-made-pack', Object.fromEntries(files.map(([p, r]) => [p, r.stdout])));
  for (const script of ['bundle.cjs', 'code-cache.cjs']) {
    const r = spawnSync(process.execPath, [join(pkg, 'scripts', script)], { encoding: 'utf8' });
    if (r.status !== 0 || /no code cache/.test(r.stdout)) throw new Error(`${script} of ${HAND_MADE_PACK}: ${r.stdout}${r.stderr}`);
  }
  return join(pkg, 'bin/zhdeck.js');
}

/** Cold runs of each command in turn: the median wall-clock ms of each. */
function inTurn(commands, runs) {
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(([cmd, args], k) => {
      const t0 = performance.now();
      const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      times[k].push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    });
  }
  return times.map(median);
}

export function benchBundler({ runs = 21 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'zhdeck-bundler-'));
  const { file: collection, cleanup } = exampleCollection();
  try {
    const article = existsSync(seedArticle) ? seedArticle : join(root, 'decks/example.txt');
    const plain = variant(dir, 'esbuild-no-cache', {});
    cpSync(join(root, 'dist/bundle'), join(plain, 'dist/bundle'), { recursive: true });
    cpSync(join(root, 'bin/load.cjs'), join(plain, 'bin/load.cjs'));
    writeFileSync(join(plain, 'bin/zhdeck.js'), "require('./load.cjs').run();\n");
    const variants = [
      ['esbuild bundle + code cache (shipped)', join(root, 'bin/zhdeck.js')],
      ['esbuild bundle, no code cache', join(plain, 'bin/zhdeck.js')],
      ["tsc's files, no bundle (node dist/cli/main.js)", join(root, 'dist/cli/main.js')],
    ];
    const pack = handMadePack(dir);
    if (pack) variants.push([`hand-made pack + code cache (${HAND_MADE_PACK})`, pack]);
    const rows = [];
    for (const [what, argsOf] of [
      ['build', (bin) => [bin, 'build', article, '-o', join(dir, 'out.csv')]],
      ['stats', (bin) => [bin, 'stats', '--collection', collection]],
    ]) {
      const [base, ...ms] = inTurn([[process.execPath, ['-e', '0']], ...variants.map(([, bin]) => [process.execPath, argsOf(bin)])], runs);
      rows.push([`${what}: node -e 0 (ms, median of ${runs})`, fmt(base, 1), '']);
      variants.forEach(([name], k) => rows.push([`${what}: ${name}`, `${fmt(ms[k] / base, 2)}×`, '', `${fmt(ms[k], 1)} ms`]));
    }
    if (!pack) rows.push(['hand-made pack', 'n/a', '', `no git history for ${HAND_MADE_PACK}`]);
    return rows;
  } finally {
    cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}
