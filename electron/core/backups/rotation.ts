import type { BackupKind } from '../../contract';

/**
 * Which automatic backups to keep: every one of the last 48 hours (a mistake made at 10:00 can be
 * undone from the 09:00 backup even after more backups that day), then the newest of each of the
 * last 7 days that have a backup, of the last 4 ISO weeks and of the last 12 months (UTC, like the
 * names). A pure function of the timestamps and the present moment, so the policy is tested
 * without touching a disk. The newest backup is always kept.
 */
export interface RetentionPolicy {
  /** Every backup at most this many hours old is kept. */
  recentHours: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { recentHours: 48, daily: 7, weekly: 4, monthly: 12 };

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The timestamps (as given) to keep at `now`; all others may be deleted. A backup dated after
 * `now` (a clock set back) counts as recent: a wrong clock must not cost a backup.
 */
export function backupsToKeep(timestamps: readonly Date[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Set<Date> {
  const newestFirst = [...timestamps].sort((a, b) => b.getTime() - a.getTime());
  const keep = new Set<Date>();
  if (newestFirst.length > 0) keep.add(newestFirst[0]);
  const recentFrom = now.getTime() - policy.recentHours * 3_600_000;
  for (const t of newestFirst) if (t.getTime() >= recentFrom) keep.add(t);
  const buckets: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, isoWeekKey],
    [policy.monthly, monthKey],
  ];
  for (const [limit, key] of buckets) {
    let last: string | undefined;
    let kept = 0;
    for (const t of newestFirst) {
      if (kept >= limit) break;
      const k = key(t);
      if (k === last) continue;
      keep.add(t);
      last = k;
      kept += 1;
    }
  }
  return keep;
}

/**
 * The backups rotation deletes at `now`: automatic (`regular`) ones outside the policy. Every other
 * kind (by hand, before a restore, a key rotation or a migration) was made on purpose and is never
 * deleted automatically.
 */
export function backupsToDelete<B extends { kind: BackupKind; createdAt: string }>(
  backups: readonly B[],
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): B[] {
  const regular = backups.filter((b) => b.kind === 'regular');
  const dates = regular.map((b) => new Date(b.createdAt));
  const keep = backupsToKeep(dates, now, policy);
  return regular.filter((_, i) => !keep.has(dates[i]));
}
