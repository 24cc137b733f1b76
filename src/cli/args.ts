import { UserError } from '../util/errors.js';

/** A non-negative whole number from a flag, or a one-line user error naming the flag. */
export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`expects a whole number, not "${value}"`, flag);
  return n;
}
