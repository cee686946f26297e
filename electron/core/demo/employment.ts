import { TRAINING_ACTIVITY_TYPES, todayIso, type EmploymentRecordInput } from '../../contract';
import type { WriteTx } from '../context';
import { saveBusiness, saveRecord, saveVisit, setBusinessGrant } from '../employment/service';

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Job = Pick<EmploymentRecordInput, 'situation' | 'employer' | 'sector' | 'contractType' | 'incomeBand'> & {
  /** How many days ago the job started: 100 and 110 make a late 3-month follow-up, 85 one coming up, 60 none yet. */
  daysAgo: number;
};

/** What the trained people did next; the first one started a sewing business. */
const JOBS: Job[] = [
  { situation: 'own_business', employer: 'Atelier de couture à domicile', sector: 'crafts', contractType: 'none', incomeBand: 'under_1500', daysAgo: 100 },
  { situation: 'employed_contract', employer: 'Hôtel Atlas Oujda', sector: 'hospitality', contractType: 'anapec', incomeBand: 'from_1500_to_3000', daysAgo: 85 },
  { situation: 'employed_contract', employer: 'Centre d’appels Oriental Call', sector: 'services', contractType: 'cdd', incomeBand: 'from_3000_to_5000', daysAgo: 110 },
  { situation: 'employed_no_contract', employer: 'Restaurant Al Waha', sector: 'hospitality', contractType: 'none', incomeBand: 'under_1500', daysAgo: 60 },
];

/** Visits to the business, days after it started. */
const VISITS = [
  { days: 30, state: 'struggling', note: 'Peu de clientes le premier mois ; besoin d’une seconde machine.' },
  { days: 75, state: 'active', note: 'Commandes régulières du quartier et d’une école.' },
] as const;

/**
 * People with their consent on file who completed a training that ended at least two weeks before
 * their job, women first: their situation when the training started, then in work. Their 3-, 6- and
 * 12-month follow-ups fall at different times, so the follow-up dashboard shows some late and some
 * coming up. The first one's sewing business has a grant and two visits.
 */
export function addDemoEmployment(tx: WriteTx, now: Date): void {
  const today = todayIso(now);
  const endedBy = addDays(today, -(Math.max(...JOBS.map((j) => j.daysAgo)) + 14));
  const trained = tx.db
    .prepare(
      `WITH held AS (
         SELECT s.activity_id, count(*) AS sessions, max(s.date) AS last_day FROM activity_sessions s
         WHERE s.present_count > 0 GROUP BY s.activity_id)
       SELECT p.beneficiary_id AS id, min(coalesce(a.start_date, h.last_day)) AS started
       FROM held h JOIN activities a ON a.id = h.activity_id JOIN participations p ON p.activity_id = h.activity_id
       JOIN beneficiaries b ON b.id = p.beneficiary_id
       WHERE a.type IN (SELECT value FROM json_each(?)) AND p.presences * 100 >= a.completion_threshold * h.sessions
         AND coalesce(a.end_date, h.last_day) <= ? AND b.personal_json IS NOT NULL
       GROUP BY p.beneficiary_id
       ORDER BY b.sex = 'female' DESC, b.reference
       LIMIT ?`,
    )
    .all(JSON.stringify(TRAINING_ACTIVITY_TYPES), endedBy, JOBS.length) as { id: string; started: string }[];

  trained.forEach((person, i) => {
    const { daysAgo, ...job } = JOBS[i];
    const startDate = addDays(today, -daysAgo);
    saveRecord({ beneficiaryId: person.id, date: person.started, situation: 'unemployed_looking', incomeBand: 'none' })(tx);
    saveRecord({ beneficiaryId: person.id, date: addDays(startDate, 3), startDate, ...job })(tx);
    if (job.situation !== 'own_business') return;
    const business = saveBusiness({ beneficiaryId: person.id, activity: 'Couture et retouches à domicile', sector: 'crafts', startDate })(tx);
    setBusinessGrant({ businessId: business.id, grantMinor: 500_000 })(tx);
    for (const v of VISITS) saveVisit({ businessId: business.id, date: addDays(startDate, v.days), state: v.state, note: v.note })(tx);
  });
}
