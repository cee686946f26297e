import { z } from 'zod';

// Money and bank details shared by the grants forms and the core. Amounts are integer minor
// units (centimes) of an ISO currency; nothing here ever goes through a float.

/** Above any grant an association handles, and well inside Number.MAX_SAFE_INTEGER once summed. */
export const MAX_MINOR = 100_000_000_000_00;

/** A strictly positive amount in minor units. */
export const minorSchema = z.number().int().min(1).max(MAX_MINOR);

export const currencySchema = z.string().regex(/^[A-Z]{3}$/);
export const GRANT_CURRENCIES = ['MAD', 'EUR', 'USD'] as const;

/**
 * "1 234,56" / "1234.5" / "1 234" → centimes. Refuses negatives, zero, more than 2 decimals and
 * anything that is not a plain number; null when refused.
 */
export function parseMoney(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const units = match[1] ?? '0';
  const cents = (match[2] ?? '').padEnd(2, '0');
  if (units.length > 13) return null;
  const minor = Number(units) * 100 + Number(cents);
  return minor > 0 && minor <= MAX_MINOR ? minor : null;
}

/** Centimes → "1 234,56" style digits with a fixed separator, for inputs and prints. */
export function formatMinorPlain(minor: number, decimalSeparator = ',', groupSeparator = '\u202f'): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const units = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${units}${decimalSeparator}${cents}`;
}

/**
 * Moroccan RIB: 3-digit bank code, 3-digit city code, 16-digit account, 2-digit key, where
 * key = 97 − ((the first 22 digits as a number × 100) mod 97).
 */
export function ribKeyValid(rib: string): boolean {
  if (!/^\d{24}$/.test(rib)) return false;
  const body = BigInt(rib.slice(0, 22));
  const key = 97n - ((body * 100n) % 97n);
  return key === BigInt(rib.slice(22));
}

/** The 2-digit key of 22 digits (to build valid examples and demo data). */
export function ribKey(first22: string): string {
  return String(97n - ((BigInt(first22) * 100n) % 97n)).padStart(2, '0');
}

/** Spaces and dashes people type between the groups are dropped. */
export const ribSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .refine((s) => /^\d{24}$/.test(s), { message: 'rib_format' })
  .refine(ribKeyValid, { message: 'rib_key' });

/** A rate as typed, "10,8345" or "10.8345" (up to 6 decimals), → millionths. */
export function parseRate(text: string): number | null {
  const match = /^(\d{1,6})(?:[.,](\d{1,6}))?$/.exec(text.trim());
  if (!match) return null;
  const micro = Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
  return micro > 0 ? micro : null;
}

/**
 * minor × rate (millionths), rounded half away from zero, with BigInt so that no product
 * ever loses a digit.
 */
export function convertMinor(minor: number, rateMicro: number): number {
  const product = BigInt(minor) * BigInt(rateMicro);
  const q = product / 1_000_000n;
  const r = product % 1_000_000n;
  return Number(r * 2n >= 1_000_000n ? q + 1n : q);
}

/** minor ÷ rate (the reverse direction of a stored rate), rounded half up. */
export function convertMinorInverse(minor: number, rateMicro: number): number {
  const numerator = BigInt(minor) * 1_000_000n;
  const d = BigInt(rateMicro);
  const q = numerator / d;
  const r = numerator % d;
  return Number(r * 2n >= d ? q + 1n : q);
}
