import type { Collection } from '../collection/index.js';
import { UserError } from '../util/errors.js';
import { LoadBalancer } from './balance.js';
import { DEFAULT_MAXIMUM_INTERVAL, DEFAULT_RETENTION, Scheduler } from './scheduler.js';

/** What a collection remembers of how to schedule: set once, used by every review after. */
export interface ReviewSettings {
  retention: number;
  maximumInterval: number;
  /** Fitted FSRS parameters by deck ('' for the whole collection); a deck uses its own or its nearest parent's. */
  parameters: Record<string, number[]>;
}

const KEYS = { retention: 'retention', maximumInterval: 'maximum_interval', parameters: 'fsrs_parameters' } as const;

const isParameters = (w: unknown) => Array.isArray(w) && w.length >= 17 && w.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The collection's settings, defaults for those never set; one that is not what it should be is a user error saying how to set it again. */
export function readSettings(c: Collection): ReviewSettings {
  const stored = c.settings();
  const bad = (key: string, fix: string) => new UserError(`holds a setting "${key}" that is not valid (${JSON.stringify(stored[key])}): ${fix}`, c.path);
  const retention = stored[KEYS.retention] ?? DEFAULT_RETENTION;
  if (typeof retention !== 'number' || !(retention > 0 && retention < 1)) throw bad(KEYS.retention, 'set it again with `zhdeck review --retention 0.9`');
  const maximumInterval = stored[KEYS.maximumInterval] ?? DEFAULT_MAXIMUM_INTERVAL;
  if (!Number.isInteger(maximumInterval) || (maximumInterval as number) < 1) throw bad(KEYS.maximumInterval, 'set it again with `zhdeck review --max-interval 36500`');
  const parameters = stored[KEYS.parameters] ?? {};
  if (typeof parameters !== 'object' || parameters === null || !Object.values(parameters).every(isParameters)) throw bad(KEYS.parameters, 'fit them again with `zhdeck optimize`');
  return { retention, maximumInterval: maximumInterval as number, parameters: parameters as Record<string, number[]> };
}

export function saveSettings(c: Collection, change: Partial<ReviewSettings>): void {
  c.batch(() => {
    for (const key of Object.keys(change) as (keyof ReviewSettings)[]) if (change[key] !== undefined) c.setSetting(KEYS[key], change[key]);
  });
}

/** Keeps the settings asked for that differ from those stored (a stored one that is not valid is replaced); returns what changed. */
export function rememberSettings(c: Collection, want: Partial<Omit<ReviewSettings, 'parameters'>>): Partial<ReviewSettings> {
  const stored = c.settings();
  const change: Partial<ReviewSettings> = {};
  if (want.retention !== undefined && want.retention !== stored[KEYS.retention]) change.retention = want.retention;
  if (want.maximumInterval !== undefined && want.maximumInterval !== stored[KEYS.maximumInterval]) change.maximumInterval = want.maximumInterval;
  if (Object.keys(change).length) saveSettings(c, change);
  return change;
}

/** The parameters a deck is scheduled with: its own, else its nearest parent's, else the collection's, else none (defaults). */
export function parametersFor(settings: ReviewSettings, deck: string): number[] | undefined {
  for (let d: string | undefined = deck; d !== undefined; ) {
    const own = settings.parameters[d];
    if (own) return own;
    const cut = d.lastIndexOf('::');
    d = cut > 0 ? d.slice(0, cut) : d === '' ? undefined : '';
  }
  return undefined;
}

/**
 * A scheduler per deck from the collection's settings, sharing one load balancer: decks with the
 * same parameters share a scheduler.
 */
export function schedulersFor(c: Collection, settings: ReviewSettings = readSettings(c)): (deck: string) => Scheduler {
  const balancer = new LoadBalancer(c);
  const byParameters = new Map<string, Scheduler>();
  return (deck) => {
    const parameters = parametersFor(settings, deck);
    const key = parameters ? parameters.join(',') : '';
    let s = byParameters.get(key);
    if (!s) {
      s = new Scheduler({ retention: settings.retention, maximumInterval: settings.maximumInterval, parameters, balancer });
      byParameters.set(key, s);
    }
    return s;
  };
}
