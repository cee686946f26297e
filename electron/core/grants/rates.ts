import { convertMinor, convertMinorInverse, type ExchangeRate, type UsedRate } from '../../contract';
import type { Db } from '../db/database';
import { listRates } from './repository';

/**
 * The rate in force on a date from one currency to another: the latest stored on or before it,
 * either direct or, failing that, the reverse pair used backwards. `rates` newest first.
 */
export function pickRate(rates: readonly ExchangeRate[], from: string, to: string, date: string): UsedRate | null {
  const direct = rates.find((r) => r.fromCurrency === from && r.toCurrency === to && r.date <= date);
  const reverse = rates.find((r) => r.fromCurrency === to && r.toCurrency === from && r.date <= date);
  // The more recent of the two wins: a treasurer may have typed either direction.
  if (reverse && (!direct || reverse.date > direct.date)) return { date: reverse.date, fromCurrency: from, toCurrency: to, rateMicro: reverse.rateMicro, inverse: true };
  if (direct) return { date: direct.date, fromCurrency: from, toCurrency: to, rateMicro: direct.rateMicro, inverse: false };
  return null;
}

export function findRate(db: Db, from: string, to: string, date: string): UsedRate | null {
  return pickRate(listRates(db), from, to, date);
}

export function applyRate(minor: number, rate: UsedRate | null): number {
  if (!rate) return minor;
  return rate.inverse ? convertMinorInverse(minor, rate.rateMicro) : convertMinor(minor, rate.rateMicro);
}

/** Converts an amount for reports (rounded half up, to the centime), with the rate it used; null if no rate. */
export function convertOn(db: Db, minor: number, from: string, to: string, date: string): { minor: number; rate: UsedRate | null } | null {
  if (from === to) return { minor, rate: null };
  const rate = findRate(db, from, to, date);
  return rate ? { minor: applyRate(minor, rate), rate } : null;
}
