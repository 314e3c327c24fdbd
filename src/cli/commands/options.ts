import { InvalidArgumentError } from 'commander';

/** Parses a whole number of zero or more for options like --limit. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number');
  return n;
}
