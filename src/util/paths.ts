import { join } from 'node:path';

/** The package root: two levels above this file in both src/util and dist/util. */
export const packageRoot = join(__dirname, '..', '..');

/** Where install-time data lives (data/ beside dist/). */
export const dataPath = (name: string) => join(packageRoot, 'data', name);
