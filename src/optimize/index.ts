export { fitItems, MIN_ITEMS, type FitItem, type ItemReview } from './items.js';
export { evaluateParameters, fitParameters, optimizer, type Evaluation } from './fit.js';
export { optimize, type OptimizeOptions, type OptimizeResult } from './optimize.js';
