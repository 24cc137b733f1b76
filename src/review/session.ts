import type { Grade } from 'ts-fsrs';
import type { CardState, Collection, ReviewRecord } from '../collection/index.js';
import { nextCard, type QueueOptions } from './queue.js';
import { faces, type Style } from './render.js';
import { formatInterval, GRADE_NAMES, GRADES, type Scheduler } from './scheduler.js';

/** What the learner does at a prompt. */
export type Command = { type: 'reveal' } | { type: 'rate'; grade: Grade } | { type: 'undo' } | { type: 'quit' };

/**
 * The terminal, or whatever drives the session. Interactive: the question first, the answer on
 * a keypress. Otherwise (line mode, for scripts and tests): question and answer together, then
 * one rating per line.
 */
export interface ReviewIO {
  interactive: boolean;
  style: Style;
  show(text: string): void;
  /** The next command; `quit` at the end of input. */
  ask(stage: 'reveal' | 'rate'): Promise<Command>;
}

export interface SessionOptions extends QueueOptions {
  /** Stop after this many ratings. */
  limit?: number;
  now: () => number;
}

export interface SessionSummary {
  reviewed: number;
  undone: number;
}

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];

/** Parses what a learner types in line mode: 1–4, again/hard/good/easy, u(ndo), q(uit). */
export function parseCommand(line: string): Command | null {
  const t = line.trim().toLowerCase();
  const byNumber = /^[1-4]$/.test(t) ? GRADES[Number(t) - 1] : undefined;
  const byName = GRADES[GRADE_NAMES.indexOf(t as (typeof GRADE_NAMES)[number])];
  const grade = byNumber ?? byName;
  if (grade !== undefined) return { type: 'rate', grade };
  if (t === 'u' || t === 'undo') return { type: 'undo' };
  if (t === 'q' || t === 'quit') return { type: 'quit' };
  if (t === '' || t === 'show' || t === ' ') return { type: 'reveal' };
  return null;
}

/** How likely the card is to be recalled now, and how stable its memory is: one line, for cards studied before. */
function memoryLine(scheduler: Scheduler, card: CardState, now: number): string | undefined {
  const r = scheduler.retrievability(card, now);
  if (r === null) return undefined;
  return `retrievability ${(100 * r).toFixed(0)}% · stability ${formatInterval(card.stability * 86_400_000)}`;
}

/**
 * A review session: card after card from the queue, each rating committed to the collection
 * before the next card is shown; `u` takes the last rating back, `q` stops. Each card is
 * scheduled by its deck's scheduler (fitted parameters, see settings.ts).
 */
export async function runSession(c: Collection, schedulerFor: (deck: string) => Scheduler, io: ReviewIO, opts: SessionOptions): Promise<SessionSummary> {
  const done: ReviewRecord[] = [];
  let undone = 0;
  const s = io.style;
  const undo = () => {
    const last = done.pop();
    if (!last) return io.show(s.dim('nothing to undo'));
    c.undo(last, opts.now());
    undone++;
    io.show(s.dim('↶ undone: that card comes back'));
  };
  while (opts.limit === undefined || done.length < opts.limit) {
    const t = opts.now();
    const card = nextCard(c, t, opts);
    if (!card) {
      io.show(done.length ? 'Nothing more is due. Well done.' : 'Nothing is due.');
      break;
    }
    const note = c.note(card.noteId)!;
    const scheduler = schedulerFor(note.deck);
    const face = faces(card, note, s);
    const memory = memoryLine(scheduler, card, t);
    io.show(`\n${s.dim(`── ${STATE_NAMES[card.state]} · ${note.deck} · ${note.kind} ──`)}${memory ? `\n${s.dim(memory)}` : ''}\n${face.question}`);
    if (io.interactive) {
      const cmd = await io.ask('reveal');
      if (cmd.type === 'quit') break;
      if (cmd.type === 'undo') {
        undo();
        continue;
      }
    }
    const intervals = scheduler.intervals(card, t).map(formatInterval);
    io.show(`${s.dim('──')}\n${face.answer}\n${GRADE_NAMES.map((g, i) => `${i + 1} ${g} ${s.bold(intervals[i]!)}`).join(' · ')}`);
    const shown = performance.now();
    const cmd = await io.ask('rate');
    if (cmd.type === 'quit') break;
    if (cmd.type === 'undo') {
      undo();
      continue;
    }
    if (cmd.type !== 'rate') continue; // reveal again: the card comes back as it was
    const time = opts.now();
    done.push(c.recordReview(card.id, time, cmd.grade, performance.now() - shown, (before) => scheduler.next({ ...before, id: card.id }, time, cmd.grade)));
  }
  return { reviewed: done.length, undone };
}
