import { describe, expect, it } from 'vitest';
import { daysUntil, expiryState } from '../../renderer/features/beneficiaries/format';
import { useTimeZone } from '../core/time-zone';

describe('a document’s expiry, counted from the office PC’s day', () => {
  useTimeZone('Africa/Casablanca');

  it('in Morocco at half past midnight, a card that expired yesterday (local) is expired, not due today', () => {
    const halfPastMidnight = new Date('2026-05-06T23:30:00Z'); // 7 May, 00:30 in Casablanca
    expect(daysUntil('2026-05-06', halfPastMidnight)).toBe(-1);
    expect(expiryState('2026-05-06', halfPastMidnight)).toBe('expired');
    expect(daysUntil('2026-05-07', halfPastMidnight)).toBe(0);
    expect(expiryState('2026-07-06', halfPastMidnight)).toBe('soon');
    expect(expiryState('2026-07-07', halfPastMidnight)).toBe('valid');
  });
});
