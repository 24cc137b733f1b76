export { Scheduler, formatInterval, GRADES, GRADE_NAMES } from './scheduler.js';
export { nextCard, type QueueOptions } from './queue.js';
export { faces, htmlToTerminal, renderCloze, type Face, type Style } from './render.js';
export { runSession, parseCommand, type Command, type ReviewIO, type SessionOptions, type SessionSummary } from './session.js';
