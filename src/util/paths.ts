import { join } from 'node:path';

/** The package root: two levels above this file in both src/util and dist/util. */
export const packageRoot = join(__dirname, '..', '..');
