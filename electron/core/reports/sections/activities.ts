import type { ReportCell, ReportTable } from '../../../contract';
import type { Db } from '../../db/database';
import { lookupLabels, lookupOrder } from '../labels';
import { countedAttendance, countedByAgeBand, outreachTables } from '../mass-events';
import { ageBandLabels } from '../../activities/statistics';
import { GOVERNANCE_ACTIVITIES_SQL } from '../reached';
import { column, percent, table, type ReportSectionModule } from '../section';
import { gridLines, withoutSmallCells } from '../small-cells';
import { fill } from '../texts';

interface ThemeFigures {
  /** null on the line of totals. */
  theme: string | null;
  activities: number;
  sessions: number;
  participants: number;
  presences: number;
  participations: number;
  completed: number;
}

/**
 * The figures of the activities' own statistics (a session is held when someone was present;
 * completion is judged over all the sessions held of the activity), for every theme and in total,
 * in one pass. Like those statistics, activities whose held sessions all fall in the period are
 * read from `participations` (one row per activity and person, kept by triggers); only those
 * straddling the period's edges are counted from the attendance rows. Governance activities
 * (general assembly, board meeting) are left out.
 */
function themeFigures(db: Db, from: string, to: string, agreementId: string | null): ThemeFigures[] {
  return db
    .prepare(
      `WITH held AS MATERIALIZED (
         SELECT s.activity_id, a.theme, a.completion_threshold AS threshold, count(*) AS held_total,
           sum(s.date BETWEEN @from AND @to) AS held_in
         FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
         WHERE s.present_count > 0 AND (@agreementId IS NULL OR a.agreement_id = @agreementId)
           AND a.id NOT IN (${GOVERNANCE_ACTIVITIES_SQL})
           AND s.activity_id IN (SELECT DISTINCT activity_id FROM activity_sessions WHERE present_count > 0 AND date BETWEEN @from AND @to)
         GROUP BY s.activity_id),
       pairs AS MATERIALIZED (
         SELECT h.activity_id, p.beneficiary_id, p.presences AS in_scope, p.presences AS total
         FROM held h JOIN participations p ON p.activity_id = h.activity_id
         WHERE h.held_in = h.held_total
         UNION ALL
         SELECT s.activity_id, a.beneficiary_id, sum(s.date BETWEEN @from AND @to), count(*)
         FROM held h CROSS JOIN activity_sessions s ON s.activity_id = h.activity_id
           CROSS JOIN attendance a ON a.session_id = s.id
         WHERE h.held_in < h.held_total AND s.present_count > 0 AND a.status = 'present'
         GROUP BY s.activity_id, a.beneficiary_id
         HAVING sum(s.date BETWEEN @from AND @to) > 0),
       scored AS MATERIALIZED (
         SELECT h.theme, pr.beneficiary_id, pr.in_scope, pr.total * 100 >= h.threshold * h.held_total AS completed
         FROM pairs pr JOIN held h ON h.activity_id = pr.activity_id)
       SELECT t.theme, t.activities, t.sessions, s.participants, s.presences, s.participations, s.completed
       FROM (SELECT theme, count(*) AS activities, sum(held_in) AS sessions FROM held GROUP BY theme) t
         JOIN (SELECT theme, count(DISTINCT beneficiary_id) AS participants, sum(in_scope) AS presences,
                 count(*) AS participations, sum(completed) AS completed FROM scored GROUP BY theme) s ON s.theme = t.theme
       UNION ALL
       SELECT NULL, (SELECT count(*) FROM held), (SELECT coalesce(sum(held_in), 0) FROM held),
         count(DISTINCT beneficiary_id), coalesce(sum(in_scope), 0), count(*), coalesce(sum(completed), 0)
       FROM scored`,
    )
    .all({ from, to, agreementId }) as ThemeFigures[];
}

/**
 * Participants, participations and completions are groups of people: a small one is hidden (with
 * the column's others as need be), and a rate that would give a hidden count back is left blank.
 */
function smallGroupsHidden(t: ReportTable, threshold: number): ReportTable {
  const hidden = withoutSmallCells(t, gridLines(t, [3, 4, 5], null), threshold);
  const blankRate = (cells: ReportCell[]) => (typeof cells[4] === 'string' || typeof cells[5] === 'string' ? [...cells.slice(0, 6), null] : cells);
  return { ...hidden, rows: hidden.rows.map(blankRate), total: hidden.total && blankRate(hidden.total) };
}

/** Activities (those linked to the agreement, with one) and sessions held in the period, and per theme the distinct participants and the completed participations. */
export const activitiesSection: ReportSectionModule = {
  id: 'activities',
  available: () => true,
  build({ db, from, to, texts, locale, agreementId, smallCellThreshold, ageBandEdges }) {
    const figures = themeFigures(db, from, to, agreementId);
    // Count-only sessions add participations, never participants: nobody behind them is known.
    const counted = countedAttendance(db, from, to, agreementId);
    const all = figures.find((f) => f.theme === null)!;
    const theme = lookupLabels(db, 'theme', locale);
    const order = lookupOrder(db, 'theme');
    const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : Infinity);
    const row = (f: ThemeFigures, label: string): ReportCell[] => [
      label,
      f.activities,
      f.sessions,
      f.participants,
      f.participations,
      f.completed,
      percent(f.completed, f.participations),
    ];
    const rows = figures
      .filter((f): f is ThemeFigures & { theme: string } => f.theme !== null)
      .sort((a, b) => rank(a.theme) - rank(b.theme) || a.theme.localeCompare(b.theme))
      .map((f) => row(f, theme(f.theme)));
    const c = texts.columns;
    const i = texts.indicators;
    const themeColumns = [
      column(c.theme, 'label'),
      column(c.activities),
      column(c.sessionsHeld),
      column(c.participants),
      column(c.participations),
      column(c.completions),
      column(c.completionRate, 'percent'),
    ];
    const byTheme = smallGroupsHidden(table(texts, 'activities.byTheme', themeColumns, rows, row(all, texts.total)), smallCellThreshold);
    return {
      measures: { activities_held: all.activities, sessions_held: all.sessions, participants: all.participants, completions: all.completed },
      notes: [
        ...(all.sessions === 0 && counted.sessions === 0 ? [texts.notesText.noSessions] : []),
        ...(counted.total > 0 ? [fill(texts.notesText.countOnlyIncluded, { count: counted.total, sessions: counted.sessions })] : []),
      ],
      tables: [
        table(texts, 'activities.summary', [column(c.indicator, 'label'), column(c.value)], [
          [i.activities, all.activities],
          [i.sessionsHeld, all.sessions],
          [i.participants, all.participants],
          ...(counted.total > 0
            ? [
                [i.presencesWithCounts, all.presences + counted.total],
                [i.participationsWithCounts, all.participations + counted.total],
                [i.countedAttendance, counted.total],
                [i.countOnlySessions, counted.sessions],
              ]
            : [
                [i.presences, all.presences],
                [i.participations, all.participations],
              ]),
          [i.completions, all.completed],
        ]),
        byTheme,
        ...(counted.total > 0 ? [countedByAgeBand(counted, ageBandLabels(ageBandEdges), texts, smallCellThreshold)] : []),
        ...(agreementId === null ? outreachTables(db, from, to, texts, locale, smallCellThreshold) : []),
      ],
    };
  },
};
