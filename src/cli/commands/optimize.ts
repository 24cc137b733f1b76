import { Collection, collectionPath } from '../../collection/index.js';
import { optimize, type OptimizeResult } from '../../optimize/index.js';
import { colors, printJson, printLines } from '../output.js';

interface Options {
  collection?: string;
  deck?: string;
  json?: boolean;
}

/** A progress bar on a terminal (stderr) while the optimizer trains; nothing otherwise. */
function progressBar(): { update(current: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
  const bar = new SingleBar({ format: 'fitting FSRS {bar} {percentage}%', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
  let started = false;
  return {
    update(current, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(current);
    },
    stop: () => started && bar.stop(),
  };
}

export function resultLines(r: OptimizeResult): string[] {
  const k = colors();
  const row = (name: string, e: { logLoss: number; rmseBins: number }) =>
    `  ${name.padEnd(10)} ${e.logLoss.toFixed(4).padStart(8)}  ${(100 * e.rmseBins).toFixed(2).padStart(9)}%`;
  return [
    `fitted to ${r.items} reviews of ${r.cards} cards${r.deck ? ` in ${r.deck}` : ''} (${r.reviews} ratings read)`,
    `  ${''.padEnd(10)} ${'log-loss'.padStart(8)}  ${'RMSE(bins)'.padStart(10)}`,
    row('defaults', r.defaults),
    row('fitted', r.fitted),
    r.used
      ? k.green(`✓ review schedules ${r.deck ? `${r.deck} and its subdecks` : 'this collection'} with the fitted parameters from now on`)
      : 'the defaults predict these reviews as well or better: review keeps them',
    k.dim(`parameters: ${r.parameters.map((w) => w.toFixed(4)).join(', ')}`),
  ];
}

export default async function run(opts: Options): Promise<void> {
  const c = Collection.open(collectionPath(opts.collection));
  const bar = progressBar();
  let result: OptimizeResult;
  try {
    result = await optimize(c, { deck: opts.deck, onProgress: (current, total) => bar.update(current, total) });
  } finally {
    bar.stop();
    c.close();
  }
  if (opts.json) return printJson(result);
  printLines(resultLines(result));
}
