// The table module alone: `review`, `stats` and `optimize` parse their counts here and need none of the readers.
import { parseColumns } from '../article/table.js';
import type { Layout, ParseOptions, Script } from '../article/index.js';
import { UserError } from '../util/errors.js';

/** A non-negative whole number from a flag, or a one-line user error naming the flag. */
export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`expects a whole number, not "${value}"`, flag);
  return n;
}

/** The flags every command that reads articles takes: --layout, --script, --columns. */
export interface ReadFlags {
  layout?: Layout;
  script?: Script;
  columns?: string;
}

export const parseOptionsOf = (opts: ReadFlags): ParseOptions => ({ layout: opts.layout, script: opts.script, columns: parseColumns(opts.columns) });
