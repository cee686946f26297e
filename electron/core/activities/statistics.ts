import type { ActivityStatistics, StatisticsFigures, StatisticsGroup, StatisticsInput } from '../../contract';
import type { Db } from '../db/database';

/** `[0, 15, 18, 30, 60]` → `0-14`, `15-17`, `18-29`, `30-59`, `60+`. */
export function ageBandLabels(edges: readonly number[]): string[] {
  return edges.map((edge, i) => (i + 1 < edges.length ? `${edge}-${edges[i + 1] - 1}` : `${edge}+`));
}

/** Index of the band an age falls in (a negative age counts in the first band). */
export function ageBandIndex(edges: readonly number[], age: number): number {
  let index = 0;
  for (let i = 0; i < edges.length; i++) if (age >= edges[i]) index = i;
  return index;
}

/** Present at ≥ threshold % of the sessions held, in whole numbers (no rounding at the boundary). */
export const hasCompleted = (presences: number, held: number, threshold: number): boolean =>
  held > 0 && presences * 100 >= threshold * held;

/** [sex, age at first presence in scope, category, nationality, people, presences, participations, completed] */
type DemographicRow = [string, number, string, string, number, number, number, number];

interface Tally {
  people: number;
  presences: number;
  participations: number;
  completed: number;
}

const emptyTally = (): Tally => ({ people: 0, presences: 0, participations: 0, completed: 0 });

function figures(t: Tally, sessionsHeld: number): StatisticsFigures {
  return {
    uniqueParticipants: t.people,
    presences: t.presences,
    averageAttendance: sessionsHeld > 0 ? t.presences / sessionsHeld : 0,
    participations: t.participations,
    completed: t.completed,
    completionRate: t.participations > 0 ? t.completed / t.participations : null,
  };
}

/**
 * Figures of the sessions held in scope, then the same disaggregated by sex, age band, category
 * and nationality. Built for hundreds of thousands of attendance rows, and done inside SQLite so
 * that only a few thousand rows (one per combination of sex, age, category and nationality) come
 * out: activities whose held sessions all fall in the period are read from `participations` (one
 * row per activity and person, kept by triggers); only those straddling the period's edges are
 * counted from the attendance rows.
 */
export function activityStatistics(db: Db, input: StatisticsInput, ageBandEdges: readonly number[]): ActivityStatistics {
  const scope = ['present_count > 0', 'date BETWEEN @from AND @to'];
  if (input.activityId) scope.push('activity_id = @activityId');
  if (input.theme) scope.push('activity_id IN (SELECT id FROM activities WHERE theme = @theme)');
  const params = {
    from: input.from ?? '0000-01-01',
    to: input.to ?? '9999-12-31',
    activityId: input.activityId ?? null,
    theme: input.theme ?? null,
  };
  // Per activity with a session held in scope: its sessions held, in all and in the period.
  const held = `held AS (
    SELECT s.activity_id, act.completion_threshold AS threshold, count(*) AS held_total,
      sum(s.date BETWEEN @from AND @to) AS held_in_scope
    FROM activity_sessions s JOIN activities act ON act.id = s.activity_id
    WHERE s.activity_id IN (SELECT DISTINCT activity_id FROM activity_sessions WHERE ${scope.join(' AND ')})
      AND s.present_count > 0
    GROUP BY s.activity_id)`;

  const sessions = db.prepare(`WITH ${held} SELECT count(*) AS activities, coalesce(sum(held_in_scope), 0) AS sessions FROM held`).get(params) as {
    activities: number;
    sessions: number;
  };
  const rows = db
    .prepare(
      `WITH ${held},
       -- (activity, person): presences in the period, in all, and the first one in the period.
       pairs AS (
         SELECT h.activity_id, p.beneficiary_id, p.presences AS in_scope, p.presences AS total, p.first_present_on AS first_date
         FROM held h JOIN participations p ON p.activity_id = h.activity_id
         WHERE h.held_in_scope = h.held_total
         UNION ALL
         SELECT s.activity_id, a.beneficiary_id, sum(s.date BETWEEN @from AND @to), count(*),
           min(CASE WHEN s.date BETWEEN @from AND @to THEN s.date END)
         FROM held h CROSS JOIN activity_sessions s ON s.activity_id = h.activity_id
           CROSS JOIN attendance a ON a.session_id = s.id
         WHERE h.held_in_scope < h.held_total AND s.present_count > 0 AND a.status = 'present'
         GROUP BY s.activity_id, a.beneficiary_id
         HAVING sum(s.date BETWEEN @from AND @to) > 0),
       persons AS (
         SELECT pr.beneficiary_id, sum(pr.in_scope) AS presences, count(*) AS participations,
           sum(pr.total * 100 >= h.threshold * h.held_total) AS completed, min(pr.first_date) AS first_date
         FROM pairs pr JOIN held h ON h.activity_id = pr.activity_id
         GROUP BY pr.beneficiary_id)
       SELECT b.sex, CAST(substr(pe.first_date, 1, 4) AS INTEGER) - b.birth_year, b.category, b.nationality,
         count(*), sum(pe.presences), sum(pe.participations), sum(pe.completed)
       FROM persons pe JOIN beneficiaries b INDEXED BY beneficiaries_demographics ON b.id = pe.beneficiary_id
       GROUP BY 1, 2, 3, 4`,
    )
    .raw()
    .all(params) as DemographicRow[];
  const sessionsHeld = sessions.sessions;

  const labels = ageBandLabels(ageBandEdges);
  const total = emptyTally();
  const bySex = new Map<string, Tally>([
    ['female', emptyTally()],
    ['male', emptyTally()],
  ]);
  const byAge = new Map<string, Tally>(labels.map((l) => [l, emptyTally()]));
  const byCategory = new Map<string, Tally>();
  const byNationality = new Map<string, Tally>();
  const bump = (t: Tally, row: Tally) => {
    t.people += row.people;
    t.presences += row.presences;
    t.participations += row.participations;
    t.completed += row.completed;
  };
  const add = (groups: Map<string, Tally>, key: string, row: Tally) => {
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTally()));
    bump(t, row);
  };
  for (const [sex, age, category, nationality, people, presences, participations, completed] of rows) {
    const row: Tally = { people, presences, participations, completed };
    bump(total, row);
    add(bySex, sex, row);
    add(byAge, labels[ageBandIndex(ageBandEdges, age)], row);
    add(byCategory, category, row);
    add(byNationality, nationality, row);
  }

  const groups = (m: Map<string, Tally>, sort: boolean): StatisticsGroup[] => {
    const list = [...m].map(([key, t]) => ({ key, ...figures(t, sessionsHeld) }));
    return sort ? list.sort((a, b) => b.uniqueParticipants - a.uniqueParticipants || a.key.localeCompare(b.key)) : list;
  };
  return {
    activities: sessions.activities,
    sessionsHeld,
    total: figures(total, sessionsHeld),
    bySex: groups(bySex, false),
    byAgeBand: groups(byAge, false),
    byCategory: groups(byCategory, true),
    byNationality: groups(byNationality, true),
  };
}
