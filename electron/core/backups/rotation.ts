/**
 * Which regular backups to keep: the newest of each of the last 7 days that have a backup, of the
 * last 4 ISO weeks and of the last 12 months (UTC, like the names). A pure function of the
 * timestamps, so the policy is tested without touching a disk. The newest backup is always kept.
 */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12 };

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

/** The timestamps (as given) to keep; all others may be deleted. */
export function backupsToKeep(timestamps: readonly Date[], policy: RetentionPolicy = DEFAULT_RETENTION): Set<Date> {
  const newestFirst = [...timestamps].sort((a, b) => b.getTime() - a.getTime());
  const keep = new Set<Date>();
  if (newestFirst.length > 0) keep.add(newestFirst[0]);
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
