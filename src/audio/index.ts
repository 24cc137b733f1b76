export { speak, wav } from './espeak.js';
