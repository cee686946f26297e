import { z } from 'zod';

/** `YYYY-MM-DD` that is a real calendar day. */
export const isoDateSchema = z.iso.date();

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const notInFuture = (value: string): boolean => value <= todayIso();
