import type { Locale, ReportCell, ReportTable } from '../../contract';
import type { Db } from '../db/database';
import { outreachByTopic, outreachTotals } from '../outreach/repository';
import { lookupLabels, lookupOrder } from './labels';
import { GOVERNANCE_ACTIVITIES_SQL } from './reached';
import { column, sumRow, table } from './section';
import { gridLines, withoutSmallCells } from './small-cells';
import type { ReportTexts } from './texts';

// Attendance counted without names and community outreach: participations, never people reached.
// Both read small tables through their own indexes, so they add next to nothing to a year's report.

export interface CountedAttendance {
  /** Count-only sessions of the period with someone counted. */
  sessions: number;
  total: number;
  /** [age band, sex, people counted] */
  cells: [ageBand: string, sex: 'female' | 'male', count: number][];
}

/** The count-only sessions of the period, of the agreement's activities with one; governance activities left out. */
export function countedAttendance(db: Db, from: string, to: string, agreementId: string | null): CountedAttendance {
  // One pass over the period's counts: the groups, then (the row without a band) the sessions they come from.
  const rows = db
    .prepare(
      `WITH counted AS MATERIALIZED (
         SELECT c.session_id, c.age_band, c.sex, c.count
         FROM activity_sessions s JOIN session_head_counts c ON c.session_id = s.id
         WHERE s.count_only = 1 AND s.date BETWEEN @from AND @to AND c.count > 0
           AND (@agreementId IS NULL OR s.activity_id IN (SELECT id FROM activities WHERE agreement_id = @agreementId))
           AND s.activity_id NOT IN (${GOVERNANCE_ACTIVITIES_SQL}))
       SELECT age_band, sex, sum(count) FROM counted GROUP BY age_band, sex
       UNION ALL SELECT NULL, NULL, count(DISTINCT session_id) FROM counted`,
    )
    .raw()
    .all({ from, to, agreementId }) as [string | null, 'female' | 'male' | null, number][];
  const cells = rows.filter((r): r is [string, 'female' | 'male', number] => r[0] !== null);
  const sessions = rows.find((r) => r[0] === null)?.[2] ?? 0;
  return { sessions, total: cells.reduce((sum, r) => sum + r[2], 0), cells };
}

/** Rows `[age band, women, men, total]` in the setting's band order, then any band recorded under an older setting. */
export function countedByAgeBand(counted: CountedAttendance, bands: readonly string[], texts: ReportTexts, threshold: number): ReportTable {
  const byBand = new Map<string, { female: number; male: number }>();
  for (const [band, sex, n] of counted.cells) {
    const g = byBand.get(band) ?? { female: 0, male: 0 };
    g[sex] += n;
    byBand.set(band, g);
  }
  const rank = (band: string) => (bands.includes(band) ? bands.indexOf(band) : bands.length);
  const rows: ReportCell[][] = [...byBand.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([band, g]) => [band, g.female, g.male, g.female + g.male]);
  const columns = [column(texts.columns.ageBand, 'label'), column(texts.female), column(texts.male), column(texts.total)];
  const counts = table(texts, 'activities.countOnly', columns, rows, sumRow(texts.total, columns, rows));
  return withoutSmallCells(counts, gridLines(counts, [1, 2], 3), threshold);
}

/** The outreach of the period, for the association's own report: outings are linked to no agreement. */
export function outreachTables(db: Db, from: string, to: string, texts: ReportTexts, locale: Locale, threshold: number): ReportTable[] {
  const totals = outreachTotals(db, from, to);
  if (totals.entries === 0) return [];
  const i = texts.indicators;
  const informed = totals.informedFemale + totals.informedMale;
  const summary = table(texts, 'activities.outreach', [column(texts.columns.indicator, 'label'), column(texts.columns.value)], [
    [i.outreachOutings, totals.entries],
    [i.peopleInformed, informed],
    [i.peopleInformedFemale, totals.informedFemale],
    [i.peopleInformedMale, totals.informedMale],
    [i.referralsMade, totals.referrals],
  ]);
  const label = lookupLabels(db, 'outreachTopic', locale);
  const order = lookupOrder(db, 'outreachTopic');
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : Infinity);
  const rows: ReportCell[][] = outreachByTopic(db, from, to)
    .sort((a, b) => rank(a.topic) - rank(b.topic) || a.topic.localeCompare(b.topic))
    .map((t) => [label(t.topic), t.entries, t.female, t.male, t.female + t.male]);
  // An outing may cover several topics: no line of totals, each row adds up on its own.
  const columns = [column(texts.columns.topic, 'label'), column(texts.columns.outings), column(texts.female), column(texts.male), column(texts.total)];
  const byTopic = table(texts, 'activities.outreachByTopic', columns, rows);
  return [summary, withoutSmallCells(byTopic, gridLines(byTopic, [2, 3], 4), threshold)];
}
