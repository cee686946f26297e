import { AppError } from './errors';

/** A field left empty in a form ('' or absent) is stored as null. */
export const orNull = <T>(value: T | null | undefined): T | null => (value === undefined || value === '' ? null : value);

/** The row an operation names must exist: else `not_found`, whoever asks. */
export function found<T>(value: T | undefined): T {
  if (value === undefined) throw new AppError('not_found');
  return value;
}
