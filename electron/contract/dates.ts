import { z } from 'zod';

/** `YYYY-MM-DD` that is a real calendar day. */
export const isoDateSchema = z.iso.date();

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The day it is on the office PC (its clock and its time zone), not in UTC: in Morocco (UTC+1) the
 * UTC day is still yesterday until 1 a.m., and a date typed as today would be refused as future.
 */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}`;
}

export const notInFuture = (value: string): boolean => value <= todayIso();
