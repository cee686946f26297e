import { describe, expect, it, vi } from 'vitest';
import { notInFuture, todayIso } from '../../electron/contract';
import { useTimeZone } from './time-zone';

describe('today, on an office PC in Morocco (UTC+1 outside Ramadan)', () => {
  useTimeZone('Africa/Casablanca');

  it('is the local day: at half past midnight it is already the new day, though UTC is still on the last one', () => {
    const halfPastMidnight = new Date('2026-05-06T23:30:00Z');
    expect(todayIso(halfPastMidnight)).toBe('2026-05-07');
    expect(todayIso(new Date('2026-05-06T22:30:00Z'))).toBe('2026-05-06');
  });

  it('pads months and days, and turns the year at local midnight', () => {
    expect(todayIso(new Date('2026-12-31T23:15:00Z'))).toBe('2027-01-01');
    expect(todayIso(new Date('2026-02-03T09:00:00Z'))).toBe('2026-02-03');
  });

  it('lets a date typed as today be today (not "in the future") right after midnight', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-05-06T23:30:00Z'));
      expect(notInFuture('2026-05-07')).toBe(true);
      expect(notInFuture('2026-05-08')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
