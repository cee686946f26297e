import type { IndicatorFilterDimension, IndicatorFilters, MeasuredIndicatorCode } from '../../contract';
import type { Db } from '../db/database';
import { GOVERNANCE_ACTIVITIES_SQL, reachedSql } from './reached';

/** The people whose latest situation recorded by the period's end is one of `@employmentSituation`. */
const LATEST_SITUATION_SQL = `SELECT beneficiary_id FROM (
    SELECT beneficiary_id, situation, row_number() OVER (PARTITION BY beneficiary_id ORDER BY date DESC, created_at DESC) AS n
    FROM employment_records WHERE date <= @to)
  WHERE n = 1 AND situation IN (SELECT value FROM json_each(@employmentSituation))`;

/** Each dimension as a condition on the person `b` or the activity `a`, its codes a JSON array parameter. */
const CONDITIONS: Record<IndicatorFilterDimension, { on: 'person' | 'activity'; sql: string }> = {
  category: { on: 'person', sql: 'b.category IN (SELECT value FROM json_each(@category))' },
  theme: { on: 'activity', sql: 'a.theme IN (SELECT value FROM json_each(@theme))' },
  activityType: { on: 'activity', sql: 'a.type IN (SELECT value FROM json_each(@activityType))' },
  employmentSituation: { on: 'person', sql: `b.id IN (${LATEST_SITUATION_SQL})` },
  // Given in the period, neither reversed nor withdrawn from the log (archived); for an agreement,
  // one it funded: a scholarship another funder paid is not this funder's result.
  serviceType: {
    on: 'person',
    sql: `b.id IN (SELECT beneficiary_id FROM person_services WHERE type_code IN (SELECT value FROM json_each(@serviceType))
      AND date BETWEEN @from AND @to AND archived_at IS NULL AND reversed_on IS NULL AND (@agreementId IS NULL OR agreement_id = @agreementId))`,
  },
};

function conditions(filters: IndicatorFilters, on: 'person' | 'activity'): string | null {
  const parts = (Object.keys(filters) as IndicatorFilterDimension[]).filter((d) => CONDITIONS[d].on === on).map((d) => CONDITIONS[d].sql);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

export interface FilterScope {
  db: Db;
  from: string;
  to: string;
  agreementId: string | null;
}

/**
 * A measure narrowed by the indicator's filters, counted as the report counts it: people reached
 * (only through presences once an activity dimension is chosen), participants (people present),
 * activities and sessions held. Only the pairs allowed by the contract's `FILTERABLE_BY` come here.
 */
export function filteredMeasure({ db, from, to, agreementId }: FilterScope, measure: MeasuredIndicatorCode, filters: IndicatorFilters): number {
  const params = { from, to, agreementId, ...Object.fromEntries(Object.entries(filters).map(([d, codes]) => [d, JSON.stringify(codes)])) };
  const activities = conditions(filters, 'activity');
  if (measure === 'activities_held' || measure === 'sessions_held') {
    const row = db
      .prepare(
        `SELECT count(DISTINCT s.activity_id) AS activities, count(*) AS sessions
         FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
         WHERE s.present_count > 0 AND s.date BETWEEN @from AND @to AND (@agreementId IS NULL OR a.agreement_id = @agreementId)
           AND a.id NOT IN (${GOVERNANCE_ACTIVITIES_SQL}) AND ${activities ?? '1'}`,
      )
      .get(params) as { activities: number; sessions: number };
    return measure === 'activities_held' ? row.activities : row.sessions;
  }
  // Participants are the people present at an activity: the presence part of "reached".
  const source = reachedSql(measure === 'participants' ? (activities ?? '1') : activities);
  const sex = measure === 'people_reached_female' ? "AND b.sex = 'female'" : measure === 'people_reached_male' ? "AND b.sex = 'male'" : '';
  const row = db
    .prepare(`WITH reached AS (${source}) SELECT count(*) AS n FROM reached r JOIN beneficiaries b ON b.id = r.id WHERE ${conditions(filters, 'person') ?? '1'} ${sex}`)
    .get(params) as { n: number };
  return row.n;
}
