export {
  Scheduler,
  formatInterval,
  GRADES,
  GRADE_NAMES,
  DEFAULT_MAXIMUM_INTERVAL,
  DEFAULT_PARAMETERS,
  DEFAULT_RETENTION,
  type SchedulerOptions,
  type SchedulingCard,
} from './scheduler.js';
export { LoadBalancer, seededRandom, type Load } from './balance.js';
export { parametersFor, readSettings, rememberSettings, saveSettings, schedulersFor, type ReviewSettings } from './settings.js';
export { nextCard, type QueueOptions } from './queue.js';
export { faces, htmlToTerminal, renderCloze, type Face, type Style } from './render.js';
export { runSession, parseCommand, type Command, type ReviewIO, type SessionOptions, type SessionSummary } from './session.js';
