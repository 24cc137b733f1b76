import { UserError } from '../util/errors.js';
import type { FitItem } from './items.js';

type Binding = typeof import('@open-spaced-repetition/binding');

/** How well parameters predict a history: log-loss and RMSE over retention bins, as Anki's Evaluate reports them. */
export interface Evaluation {
  logLoss: number;
  rmseBins: number;
}

let binding: Binding | undefined;

/**
 * The FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding), loaded only here:
 * `review` never needs it. Where it has no binary (musl has none past 0.1.2), a user error.
 */
export function optimizer(): Binding {
  if (binding) return binding;
  try {
    // Only linux-x64-gnu has a 0.5.0 binary; package.json pins the other platforms' packages to
    // the 0.1.2 that exists (so that `npm ci` resolves them), and the binding's own loader is told
    // to refuse a binary of another version than its own rather than call an older API.
    process.env.NAPI_RS_ENFORCE_VERSION_CHECK ??= '1';
    const b = require('@open-spaced-repetition/binding') as Binding;
    if (typeof b.computeParameters !== 'function' || typeof b.FSRSBinding?.prototype?.evaluate !== 'function') throw new Error('its binary lacks computeParameters or evaluate');
    binding = b;
    return binding;
  } catch (e) {
    const platform = `${process.platform}-${process.arch}`;
    throw new UserError(
      `the FSRS optimizer (@open-spaced-repetition/binding) is not available on this platform (${platform}: ${(e as Error).message.split('\n')[0]}); review goes on with the parameters it has`,
      'zhdeck optimize',
    );
  }
}

const toBinding = (b: Binding, items: readonly FitItem[]) =>
  items.map((it) => new b.FSRSBindingItem(it.reviews.map((r) => new b.FSRSBindingReview(r.rating, r.deltaT))));

/** Fits FSRS-6 parameters to the items (short-term memory on, one relearning step: ours is 10m). */
export async function fitParameters(items: readonly FitItem[], onProgress?: (current: number, total: number) => void): Promise<number[]> {
  const b = optimizer();
  return b.computeParameters(toBinding(b, items), {
    enableShortTerm: true,
    numRelearningSteps: 1,
    ...(onProgress ? { progress: (current: number, total: number) => void onProgress(current, total) } : {}),
  });
}

/** How well `parameters` predict the items. */
export function evaluateParameters(parameters: readonly number[], items: readonly FitItem[]): Evaluation {
  const b = optimizer();
  const { logLoss, rmseBins } = new b.FSRSBinding([...parameters]).evaluate(toBinding(b, items));
  return { logLoss, rmseBins };
}
