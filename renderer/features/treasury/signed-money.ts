import { parseMoney } from '../../../electron/contract';

/**
 * A balance as typed: zero and an overdraft (a leading minus) are balances too, unlike the amounts
 * of a movement. The digits are read by the contract's parser; null when refused.
 */
export function parseBalance(text: string): number | null {
  const trimmed = text.trim();
  if (/^-?0+(?:[.,]0{1,2})?$/.test(trimmed)) return 0;
  const negative = trimmed.startsWith('-');
  const minor = parseMoney(negative ? trimmed.slice(1) : trimmed);
  return minor === null ? null : negative ? -minor : minor;
}
