import type { Collection, FitReview } from '../collection/index.js';
import { DEFAULT_PARAMETERS, readSettings, saveSettings } from '../review/index.js';
import { UserError } from '../util/errors.js';
import { evaluateParameters, fitParameters, optimizer, type Evaluation } from './fit.js';
import { fitItems, MIN_ITEMS } from './items.js';

export interface OptimizeOptions {
  /** Fit this deck (and its subdecks) alone; its parameters are kept for it. */
  deck?: string;
  onProgress?: (current: number, total: number) => void;
}

export interface OptimizeResult {
  deck: string | null;
  /** Ratings read, and of them the items fitted (reviews a day or more after the card's previous one). */
  reviews: number;
  items: number;
  cards: number;
  defaults: Evaluation;
  fitted: Evaluation;
  parameters: number[];
  /** Whether the fitted parameters predict the log better than the defaults, and so are now used. */
  used: boolean;
}

/**
 * Fits FSRS parameters to the collection's own review log (or one deck's), compares them with
 * the defaults on that log (log-loss and RMSE over bins, as Anki's Evaluate does), and keeps
 * them for `review` when they predict it better. As Anki (params.rs), parameters that do no
 * better than the defaults are not used.
 */
export async function optimize(c: Collection, opts: OptimizeOptions = {}): Promise<OptimizeResult> {
  let reviews = 0;
  const counted = function* (rows: Iterable<FitReview>) {
    for (const r of rows) {
      reviews++;
      yield r;
    }
  };
  const items = fitItems(counted(c.reviewsForFit(opts.deck)));
  if (items.length < MIN_ITEMS) {
    throw new UserError(
      `too few reviews to fit FSRS${opts.deck ? ` for ${opts.deck}` : ''}: ${items.length} of the ${MIN_ITEMS} needed ` +
        `(a review counts when it comes a day or more after the card's previous one; ${reviews} reviews in all)`,
      c.path,
    );
  }
  optimizer(); // a missing binary is said before any work
  const parameters = await fitParameters(items, opts.onProgress);
  const defaults = evaluateParameters(DEFAULT_PARAMETERS, items);
  const fitted = evaluateParameters(parameters, items);
  const used = fitted.logLoss < defaults.logLoss;
  const key = opts.deck ?? '';
  const stored = { ...readSettings(c).parameters };
  if (used) stored[key] = parameters;
  else delete stored[key];
  saveSettings(c, { parameters: stored });
  return { deck: opts.deck ?? null, reviews, items: items.length, cards: new Set(items.map((i) => i.cardId)).size, defaults, fitted, parameters, used };
}
