import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, beforeMigrationFileName, dateOfStamp, parseBackupName, stampOf } from '../../../electron/core/backups/naming';
import type { BackupKind } from '../../../electron/contract';
import { backupsToDelete, backupsToKeep, isoWeekKey } from '../../../electron/core/backups/rotation';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const newest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
/** What rotation keeps right after the newest backup was made (when it runs). */
const keptAt = (dates: Date[], now: Date) => [...backupsToKeep(dates, now)].map((d) => d.toISOString()).sort();
const kept = (dates: Date[]) => keptAt(dates, newest(dates));

/** One backup every `hours` hours from `start` for `days` days. */
function every(hours: number, days: number, start = '2025-01-01T09:00:00.000Z'): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(start); t < Date.parse(start) + days * 86_400_000; t += hours * 3_600_000) out.push(new Date(t));
  return out;
}

describe('backup rotation: every backup of 48 hours, then 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps everything while there are few backups on distinct days', () => {
    const dates = ['2026-05-01T08:00:00Z', '2026-05-02T08:00:00Z', '2026-05-03T08:00:00Z'].map(at);
    expect(kept(dates)).toEqual(dates.map((d) => d.toISOString()).sort());
  });

  it("keeps the morning's backup after later ones the same day: a 10:00 mistake can be undone from 09:00 at 17:30", () => {
    const dates = ['2026-05-01T09:00:00Z', '2026-05-01T12:00:00Z', '2026-05-01T17:30:00Z'].map(at);
    expect(kept(dates)).toEqual(dates.map((d) => d.toISOString()));
  });

  it('keeps every backup of the last 48 hours, however many, and only the newest of each older day', () => {
    const dates = every(1, 5, '2026-05-01T00:30:00.000Z');
    const now = newest(dates); // 2026-05-05T23:30
    const result = keptAt(dates, now);
    const recent = dates.filter((d) => now.getTime() - d.getTime() <= 48 * HOUR).map((d) => d.toISOString());
    expect(recent).toHaveLength(49);
    expect(result.filter((iso) => recent.includes(iso))).toEqual(recent);
    // May 3rd's newest (23:30) is among the 48 hours, so nothing else of that day is kept
    expect(result.filter((iso) => !recent.includes(iso))).toEqual(['2026-05-01T23:30:00.000Z', '2026-05-02T23:30:00.000Z']);
  });

  it('backups made the same day more than 48 hours ago come down to the newest of that day', () => {
    const day = ['2026-05-01T08:00:00Z', '2026-05-01T12:00:00Z', '2026-05-01T17:30:00Z'].map(at);
    expect(keptAt(day, at('2026-05-03T08:00:00Z'))).toEqual(day.map((d) => d.toISOString()));
    expect(keptAt(day, at('2026-05-03T08:00:01Z'))).toEqual(['2026-05-01T12:00:00.000Z', '2026-05-01T17:30:00.000Z']);
    expect(keptAt(day, at('2026-05-03T17:30:01Z'))).toEqual(['2026-05-01T17:30:00.000Z']);
  });

  it('a clock set back does not cost a backup: one dated after now counts as recent', () => {
    const dates = ['2026-05-01T08:00:00Z', '2026-05-01T12:00:00Z', '2026-05-09T08:00:00Z'].map(at);
    expect(keptAt(dates, at('2026-05-01T12:00:00Z'))).toEqual(dates.map((d) => d.toISOString()));
  });

  it('a year of backups every 6 hours comes down to the newest of 7 days, 4 weeks and 12 months', () => {
    const dates = every(6, 366);
    const last = dates.at(-1)!;
    const result = backupsToKeep(dates, last);
    expect(result.has(last)).toBe(true);
    const days = new Set([...result].map((d) => d.toISOString().slice(0, 10)));
    // the last 7 days, each by its newest backup
    for (let i = 0; i < 7; i++) {
      const day = new Date(last.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      expect(days.has(day), day).toBe(true);
      const ofDay = dates.filter((d) => d.toISOString().startsWith(day));
      expect(result.has(ofDay.at(-1)!)).toBe(true);
    }
    // 12 distinct months, 4 distinct weeks among what is kept
    expect(new Set([...result].map((d) => d.toISOString().slice(0, 7))).size).toBe(12);
    expect(new Set([...result].map(isoWeekKey)).size).toBeGreaterThanOrEqual(4);
    // plus every backup of the last 48 hours (one every 6 hours: 9 of them, some also a day's newest)
    expect([...result].filter((d) => last.getTime() - d.getTime() <= 48 * HOUR)).toHaveLength(9);
    expect(result.size).toBeLessThanOrEqual(7 + 4 + 12 + 9);
    expect(result.size).toBeGreaterThanOrEqual(12);
  });

  it('the oldest monthly backup is the last one of its month, and nothing older than 12 months survives', () => {
    const dates = every(24, 800, '2024-01-01T10:00:00.000Z');
    const last = dates.at(-1)!;
    const result = [...backupsToKeep(dates, last)].sort((a, b) => a.getTime() - b.getTime());
    const oldest = result[0];
    const monthsApart = (last.getUTCFullYear() - oldest.getUTCFullYear()) * 12 + last.getUTCMonth() - oldest.getUTCMonth();
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

  it('property: every backup of the 48 hours before now, at most 23 older ones, always the newest, whatever the order given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 30 * 24 }),
        (times, hoursAfter) => {
          const dates = times.map((t) => new Date(t));
          const now = new Date(Math.max(...times) + hoursAfter * HOUR);
          const result = backupsToKeep(dates, now);
          const recent = dates.filter((d) => d.getTime() >= now.getTime() - 48 * HOUR);
          for (const d of recent) expect(result.has(d)).toBe(true);
          expect(result.size - recent.length).toBeLessThanOrEqual(23);
          expect([...result].some((d) => d.getTime() === Math.max(...times))).toBe(true);
          const reversed = backupsToKeep([...dates].reverse(), now);
          expect([...reversed].map((d) => d.getTime()).sort()).toEqual([...result].map((d) => d.getTime()).sort());
          // a second rotation over what was kept deletes nothing more
          expect(backupsToKeep([...result], now).size).toBe(result.size);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('what rotation may delete', () => {
  const KINDS: BackupKind[] = ['regular', 'manual', 'beforeRestore', 'beforeRekey', 'beforeMigration'];
  /** Two years of one backup of each kind every day. */
  const years = every(24, 730, '2024-01-01T09:00:00.000Z').flatMap((d) => KINDS.map((kind) => ({ kind, createdAt: d.toISOString() })));
  const now = at('2025-12-31T09:00:00Z');

  it('only automatic backups, never one made by hand, before a restore, a key rotation or a migration', () => {
    const deleted = backupsToDelete(years, now);
    expect(deleted.length).toBeGreaterThan(600);
    expect(new Set(deleted.map((b) => b.kind))).toEqual(new Set(['regular']));
  });

  it('the automatic backups it deletes are exactly those the policy does not keep', () => {
    const regular = years.filter((b) => b.kind === 'regular');
    const keep = kept(regular.map((b) => new Date(b.createdAt)));
    const deleted = backupsToDelete(years, now).map((b) => b.createdAt);
    expect(deleted.length + keep.length).toBe(regular.length);
    expect(deleted.filter((iso) => keep.includes(iso))).toEqual([]);
  });

  it('property: whatever the kinds and dates, nothing but regular backups is ever deleted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...KINDS), t: fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }) }), {
          maxLength: 200,
        }),
        (rows) => {
          const backups = rows.map((r) => ({ kind: r.kind, createdAt: new Date(r.t).toISOString() }));
          for (const b of backupsToDelete(backups, at('2030-01-01T00:00:00Z'))) expect(b.kind).toBe('regular');
        },
      ),
      { numRuns: 100 },
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

  it('carry the kind, and every kind reads back from its name; names made before the kinds read as regular', () => {
    const d = at('2026-05-01T08:09:10.123Z');
    for (const kind of ['regular', 'manual', 'beforeRestore', 'beforeRekey'] as const) {
      expect(parseBackupName(backupFileName('Amal', kind, d), 'Amal')).toEqual({ kind, createdAt: d });
    }
    expect(backupFileName('Amal', 'manual', d)).toBe('Amal.manual.2026-05-01T08-09-10-123Z.tadamon');
    expect(backupFileName('Amal', 'beforeRekey', d)).toBe('Amal.before-rekey.2026-05-01T08-09-10-123Z.tadamon');
    expect(parseBackupName(beforeMigrationFileName('Amal', 4, d), 'Amal')).toEqual({ kind: 'beforeMigration', createdAt: d, fromVersion: 3 });
    expect(parseBackupName('Amal.other.2026-05-01T08-09-10-123Z.tadamon', 'Amal')).toBeNull();
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
