// The review screen in a real terminal: a pseudo-terminal made by util-linux's `script`, its
// size set with stty, keys typed as a learner types them, the screen read back.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { fixture, root, scratch, zhdeck } from '../helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const ARTICLE = fixture('market.interleaved.txt');

/** Runs `zhdeck review` in a terminal `cols` wide, answering `cards` cards (Space, then Good), then q; the bytes it wrote. */
function reviewInTerminal(collection: string, cols: number, cards: number, colour = false): Promise<string> {
  const cmd = `stty cols ${cols} rows 60; exec '${process.execPath}' '${join(root, 'bin/zhdeck.js')}' review --collection '${collection}'`;
  const env: NodeJS.ProcessEnv = { ...process.env, ZHDECK_NOW: String(T0), TERM: 'xterm-256color' };
  if (colour) delete env.NO_COLOR;
  else env.NO_COLOR = '1';
  const child = spawn('script', ['-q', '-e', '-c', cmd, '/dev/null'], { env });
  let out = '';
  let seen = 0;
  let answered = 0;
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill();
      reject(new Error(`the review did not go on: ${out.slice(-500)}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      // Each prompt once: the key it waits for.
      for (;;) {
        const reveal = out.indexOf('[space] show answer', seen);
        const rate = out.indexOf('[1] again', seen);
        const next = [reveal, rate].filter((i) => i >= 0).sort((a, b) => a - b)[0];
        if (next === undefined) break;
        seen = next + 1;
        if (next === rate) answered++;
        child.stdin.write(next === reveal ? ' ' : answered > cards ? 'q' : '3');
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(guard);
      resolve(out);
    });
  });
}

/** The lines a terminal shows, escape sequences (colour, clearing) taken out. */
const screenLines = (raw: string) =>
  raw
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .split(/\r?\n|\r/)
    .filter((l) => l.length);

describe.skipIf(!hasScript)('the review screen in a terminal', () => {
  const dir = scratch();
  const collection = join(dir, 'c.db');
  const words = () => JSON.parse(zhdeck(['words', ARTICLE, '--all', '--json']).stdout) as { word: string }[];
  // Every Latin word the cards may show: the article's English, and its words' pinyin, senses and glosses.
  const LATIN = /\p{Script=Latin}[\p{Script=Latin}'’-]*/gu;
  const english = new Set(
    `${zhdeck(['align', ARTICLE, '--json']).stdout} ${zhdeck(['words', ARTICLE, '--all', '--json']).stdout}`.match(LATIN)!.map((w) => w.toLowerCase()),
  );

  it.each([40, 100])('at %i columns: no line longer than the screen, no word broken, each card on a cleared screen, each rating said', async (cols) => {
    expect(zhdeck(['add', ARTICLE, '--collection', collection, '--level', '0'], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    const raw = await reviewInTerminal(collection, cols, 8);
    const lines = screenLines(raw);
    expect(lines.length).toBeGreaterThan(20);
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(cols);
    // A screen cleared for each card shown.
    expect(raw.split('\x1b[2J').length - 1).toBeGreaterThanOrEqual(8);
    expect(lines.filter((l) => /^good · due in \d+ (minute|minutes|hour|hours|day|days)$/.test(l)).length).toBeGreaterThanOrEqual(7);
    // English words whole: every one on the screen is a word of the article or of the screen's own text.
    const ui = new Set('space show answer undo quit again hard good easy suspend due in minutes minute hours hour days day review new learning cloze translation vocabulary zhdeck measure words retrievability stability nothing is more well done mo d m h y reviewed card cards u q top word rank rare k'.split(' '));
    for (const l of lines) {
      for (const w of l.match(LATIN) ?? []) expect(english.has(w.toLowerCase()) || ui.has(w.toLowerCase()), `"${w}" in "${l}"`).toBe(true);
    }
    // Chinese words whole: no word of the article (as zhdeck segments it) runs across a line end.
    const multi = words().map((w) => w.word).filter((w) => w.length > 1);
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      for (const w of multi) for (let k = 1; k < w.length; k++) expect(a.endsWith(w.slice(0, k)) && b.startsWith(w.slice(k)), `${w} broken: "${a}" / "${b}"`).toBe(false);
    }
  });

  it('in colour, lines are as wide and the codes do not count', async () => {
    const c = join(dir, 'colour.db');
    expect(zhdeck(['add', ARTICLE, '--collection', c, '--level', '0'], { env: { ZHDECK_NOW: String(T0) } }).status).toBe(0);
    const raw = await reviewInTerminal(c, 40, 4, true);
    expect(raw).toMatch(/\x1b\[[0-9;]*m/);
    for (const l of screenLines(raw)) expect(stringWidth(l), l).toBeLessThanOrEqual(40);
  });
});
