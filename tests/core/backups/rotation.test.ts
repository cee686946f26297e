import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, dateOfStamp, parseBackupName, stampOf } from '../../../electron/core/backups/naming';
import { backupsToKeep, isoWeekKey } from '../../../electron/core/backups/rotation';

const at = (iso: string) => new Date(iso);
const kept = (dates: Date[]) => [...backupsToKeep(dates)].map((d) => d.toISOString()).sort();

/** One backup every `hours` hours from `start` for `days` days. */
function every(hours: number, days: number, start = '2025-01-01T09:00:00.000Z'): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(start); t < Date.parse(start) + days * 86_400_000; t += hours * 3_600_000) out.push(new Date(t));
  return out;
}

describe('backup rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps everything while there are few backups on distinct days', () => {
    const dates = ['2026-05-01T08:00:00Z', '2026-05-02T08:00:00Z', '2026-05-03T08:00:00Z'].map(at);
    expect(kept(dates)).toEqual(dates.map((d) => d.toISOString()).sort());
  });

  it('keeps only the newest of the backups made on the same day (the others are older states of that day)', () => {
    const dates = ['2026-05-01T08:00:00Z', '2026-05-01T12:00:00Z', '2026-05-01T17:30:00Z'].map(at);
    expect(kept(dates)).toEqual(['2026-05-01T17:30:00.000Z']);
  });

  it('a year of backups every 6 hours comes down to the newest of 7 days, 4 weeks and 12 months', () => {
    const dates = every(6, 366);
    const result = backupsToKeep(dates);
    const newest = dates.at(-1)!;
    expect(result.has(newest)).toBe(true);
    const days = new Set([...result].map((d) => d.toISOString().slice(0, 10)));
    // the last 7 days, each by its newest backup
    for (let i = 0; i < 7; i++) {
      const day = new Date(newest.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      expect(days.has(day), day).toBe(true);
      const ofDay = dates.filter((d) => d.toISOString().startsWith(day));
      expect(result.has(ofDay.at(-1)!)).toBe(true);
    }
    // 12 distinct months, 4 distinct weeks among what is kept
    expect(new Set([...result].map((d) => d.toISOString().slice(0, 7))).size).toBe(12);
    expect(new Set([...result].map(isoWeekKey)).size).toBeGreaterThanOrEqual(4);
    expect(result.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(result.size).toBeGreaterThanOrEqual(12);
  });

  it('the oldest monthly backup is the last one of its month, and nothing older than 12 months survives', () => {
    const dates = every(24, 800, '2024-01-01T10:00:00.000Z');
    const result = [...backupsToKeep(dates)].sort((a, b) => a.getTime() - b.getTime());
    const oldest = result[0];
    const newest = dates.at(-1)!;
    const monthsApart = (newest.getUTCFullYear() - oldest.getUTCFullYear()) * 12 + newest.getUTCMonth() - oldest.getUTCMonth();
    expect(monthsApart).toBe(11);
    const sameMonth = dates.filter((d) => d.toISOString().slice(0, 7) === oldest.toISOString().slice(0, 7));
    expect(oldest).toBe(sameMonth.at(-1));
  });

  it('weeks are ISO weeks (Monday to Sunday, week 1 holds the first Thursday)', () => {
    expect(isoWeekKey(at('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekKey(at('2025-12-29T00:00:00Z'))).toBe('2026-W01'); // the Monday before it
    expect(isoWeekKey(at('2025-12-28T23:59:59Z'))).toBe('2025-W52'); // the Sunday before that
    expect(isoWeekKey(at('2021-01-03T12:00:00Z'))).toBe('2020-W53');
  });

  it('property: never more than 23, never empty, always the newest, and the same answer whatever the order given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }), { minLength: 1, maxLength: 300 }),
        (times) => {
          const dates = times.map((t) => new Date(t));
          const result = backupsToKeep(dates);
          expect(result.size).toBeGreaterThanOrEqual(1);
          expect(result.size).toBeLessThanOrEqual(23);
          const newest = Math.max(...times);
          expect([...result].some((d) => d.getTime() === newest)).toBe(true);
          const reversed = backupsToKeep([...dates].reverse());
          expect([...reversed].map((d) => d.getTime()).sort()).toEqual([...result].map((d) => d.getTime()).sort());
          // a second rotation over what was kept deletes nothing more
          expect(backupsToKeep([...result]).size).toBe(result.size);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('backup names', () => {
  it('carry the UTC moment, and read back to it', () => {
    const d = at('2026-05-01T08:09:10.123Z');
    expect(stampOf(d)).toBe('2026-05-01T08-09-10-123Z');
    expect(dateOfStamp(stampOf(d))).toEqual(d);
    expect(backupFileName('Association Amal', 'regular', d)).toBe('Association Amal.2026-05-01T08-09-10-123Z.tadamon');
    expect(backupFileName('Association Amal', 'beforeRestore', d)).toBe('Association Amal.before-restore.2026-05-01T08-09-10-123Z.tadamon');
  });

  it('are recognised only for their own file, the pre-migration copies included', () => {
    expect(parseBackupName('Amal.2026-05-01T08-09-10-123Z.tadamon', 'Amal')).toEqual({ kind: 'regular', createdAt: at('2026-05-01T08:09:10.123Z') });
    expect(parseBackupName('Amal.before-v3.2026-05-01T08-09-10-123Z.tadamon', 'Amal')).toMatchObject({ kind: 'beforeMigration', fromVersion: 2 });
    expect(parseBackupName('Amal.before-restore.2026-05-01T08-09-10-123Z.tadamon', 'Amal')).toMatchObject({ kind: 'beforeRestore' });
    expect(parseBackupName('Amal Nour.2026-05-01T08-09-10-123Z.tadamon', 'Amal')).toBeNull();
    expect(parseBackupName('Amal.2026-05-01T08-09-10-123Z.tadamon.keys', 'Amal')).toBeNull();
    expect(parseBackupName('.Amal.2026-05-01T08-09-10-123Z.tadamon.partial-0a1b', 'Amal')).toBeNull();
    expect(parseBackupName('Amal.2026-13-01T08-09-10-123Z.tadamon', 'Amal')).toBeNull();
    // names with dots and brackets are taken literally
    expect(parseBackupName('A.(b)+.2026-05-01T08-09-10-123Z.tadamon', 'A.(b)+')).toMatchObject({ kind: 'regular' });
    expect(parseBackupName('AX(b)+.2026-05-01T08-09-10-123Z.tadamon', 'A.(b)+')).toBeNull();
  });
});
