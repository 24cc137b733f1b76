// zhdeck check: is the collection sound (its pages, schema, data and the counts kept of them),
// and does every card's state follow from its review log; --restore puts back the newest
// backup that is sound, keeping the damaged file aside.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { Collection, collectionPath, inspectFile, listBackups, reviewsAfter, type CardHistory, type CardState } from '../collection/index.js';
import { parametersFor, readSettings, Scheduler } from '../review/index.js';
import { now as clock } from '../util/clock.js';
import { UserError } from '../util/errors.js';

export interface CheckOptions {
  collection?: string;
  restore?: boolean;
  now?: number;
}

export interface HistoryReport {
  /** Cards whose review log was replayed. */
  cards: number;
  /** Cards whose state does not follow from their log. */
  mismatched: number;
  /** The first few of them, one line each. */
  examples: string[];
}

export interface Restored {
  /** The backup put back. */
  from: string;
  /** Its day (YYYY-MM-DD). */
  day: string;
  /** Where the damaged file (and its journal, if any) now is. */
  damagedAside: string;
  /** Ratings in the damaged file made after the backup's last one: lost (null: the damaged file could not be read). */
  reviewsLost: number | null;
}

export interface CheckReport {
  collection: string;
  sound: boolean;
  problems: string[];
  version?: number;
  notes?: number;
  cards?: number;
  reviews?: number;
  history?: HistoryReport;
  backups: { file: string; day: string }[];
  restored?: Restored;
}

const EXAMPLES = 5;
const TRACKED = ['state', 'reps', 'lapses', 'due', 'stability', 'difficulty', 'last_review'] as const satisfies readonly (keyof CardState)[];

const same = (a: CardState, b: CardState, keys: readonly (keyof CardState)[] = TRACKED) =>
  keys.find((k) => !(a[k] === b[k] || (typeof a[k] === 'number' && typeof b[k] === 'number' && Math.abs(a[k] - b[k]) < 1e-9)));

/**
 * What is wrong with one card's history, or undefined: a card never rated is new; each rating
 * starts from the state the one before left, and the scheduler turns it into the state it
 * records (state, repetitions and lapses: stability and due depend on the parameters and the
 * load of the day it was made); the card is where its last rating left it.
 */
export function historyProblem(h: CardHistory, schedulerFor: (deck: string) => Scheduler): string | undefined {
  const { card, reviews } = h;
  if (reviews.length === 0) return card.state === 0 && card.reps === 0 ? undefined : `card ${card.id} was never rated, but its state is ${card.state} after ${card.reps} repetitions`;
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i]!;
    const off = i === 0 ? (r.before.state === 0 ? undefined : 'state') : same(r.before, reviews[i - 1]!.after);
    if (off) return `card ${card.id}: review ${r.id} does not start where the one before it ended (${off})`;
    const replayed = schedulerFor(h.deck).next({ ...r.before, id: card.id }, r.time, r.rating as 1 | 2 | 3 | 4);
    const differs = same(replayed, r.after, ['state', 'reps', 'lapses']);
    if (differs) return `card ${card.id}: review ${r.id} records ${differs} ${r.after[differs]}, the scheduler gives ${replayed[differs]}`;
  }
  const off = same(card, reviews[reviews.length - 1]!.after);
  return off ? `card ${card.id}: its ${off} is not what its last review left (${String(card[off])} against ${String(reviews[reviews.length - 1]!.after[off])})` : undefined;
}

/** Replays every card's log (the collection found sound: open checks it again). */
function replay(path: string): HistoryReport {
  const c = Collection.open(path, { readonly: true });
  try {
    const settings = readSettings(c);
    // Without the load balancer: it reads the collection, and the replay checks nothing it decides.
    const schedulers = new Map<string, Scheduler>();
    const schedulerFor = (deck: string) => {
      const parameters = parametersFor(settings, deck);
      const key = parameters?.join(',') ?? '';
      let s = schedulers.get(key);
      if (!s) schedulers.set(key, (s = new Scheduler({ retention: settings.retention, maximumInterval: settings.maximumInterval, parameters })));
      return s;
    };
    const report: HistoryReport = { cards: 0, mismatched: 0, examples: [] };
    for (const h of c.histories()) {
      report.cards++;
      const problem = historyProblem(h, schedulerFor);
      if (!problem) continue;
      report.mismatched++;
      if (report.examples.length < EXAMPLES) report.examples.push(problem);
    }
    return report;
  } finally {
    c.close();
  }
}

const stampOf = (t: number) => new Date(t).toISOString().replace(/[:.]/g, '-');

/** Moves the damaged file and what SQLite keeps beside it out of the way, under one name. */
function setAside(path: string, t: number): string {
  const aside = `${path}.damaged-${stampOf(t)}`;
  renameSync(path, aside);
  for (const suffix of ['-journal', '-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return aside;
}

/** Puts back the newest backup that passes the check; the damaged file is kept aside. */
function restore(path: string, report: CheckReport, t: number): Restored {
  for (const b of listBackups(path)) {
    const found = inspectFile(b.file);
    if (found.problems.length) continue;
    const tmp = `${path}.restoring-${process.pid}`;
    copyFileSync(b.file, tmp);
    const damagedAside = existsSync(path) ? setAside(path, t) : '';
    renameSync(tmp, path);
    rmSync(`${tmp}-journal`, { force: true });
    const reviewsLost = damagedAside ? reviewsAfter(damagedAside, found.lastReview ?? 0) : 0;
    return { from: b.file, day: b.day, damagedAside, reviewsLost };
  }
  throw new UserError(`no backup of it passes the check (${report.backups.length} found in backups/ beside it): nothing was changed`, path);
}

/** Checks the collection and, asked to, restores it from its newest sound backup. */
export function checkCollection(opts: CheckOptions = {}): CheckReport {
  const path = collectionPath(opts.collection);
  if (!existsSync(path) && !opts.restore) throw new UserError('no collection here yet: `zhdeck add <article>` creates it', path);
  const found = inspectFile(path);
  const report: CheckReport = {
    collection: path,
    sound: found.problems.length === 0,
    problems: found.problems,
    version: found.version,
    notes: found.notes,
    cards: found.cards,
    reviews: found.reviews,
    backups: listBackups(path).map((b) => ({ file: b.file, day: b.day })),
  };
  if (report.sound) {
    report.history = replay(path);
    if (report.history.mismatched) {
      report.sound = false;
      report.problems.push(`${report.history.mismatched} of ${report.history.cards} cards are not in the state their review log gives (${report.history.examples[0]})`);
    }
  }
  if (opts.restore && found.problems.length) report.restored = restore(path, report, opts.now ?? clock());
  return report;
}
