import type { Collection } from '../collection/index.js';
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

export function readSettings(c: Collection): ReviewSettings {
  return {
    retention: c.setting<number>(KEYS.retention) ?? DEFAULT_RETENTION,
    maximumInterval: c.setting<number>(KEYS.maximumInterval) ?? DEFAULT_MAXIMUM_INTERVAL,
    parameters: c.setting<Record<string, number[]>>(KEYS.parameters) ?? {},
  };
}

export function saveSettings(c: Collection, change: Partial<ReviewSettings>): void {
  c.batch(() => {
    for (const key of Object.keys(change) as (keyof ReviewSettings)[]) if (change[key] !== undefined) c.setSetting(KEYS[key], change[key]);
  });
}

/** Stores fitted parameters for a deck and its subdecks, or for the whole collection (no deck). */
export function saveParameters(c: Collection, parameters: number[], deck?: string): void {
  c.batch(() => saveSettings(c, { parameters: { ...readSettings(c).parameters, [deck ?? '']: parameters } }));
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
