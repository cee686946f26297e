import type { OutreachLog, OutreachTotals } from '../../contract';
import type { Db } from '../db/database';

interface Row {
  id: string;
  date: string;
  neighbourhood: string;
  agent_user_id: string | null;
  agent_name: string | null;
  agent_label: string | null;
  informed_female: number;
  informed_male: number;
  topics_json: string;
  referrals: number;
  referrals_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toLog = (r: Row): OutreachLog => ({
  id: r.id,
  date: r.date,
  neighbourhood: r.neighbourhood,
  agentUserId: r.agent_user_id,
  agentName: r.agent_name,
  agentLabel: r.agent_label ?? r.agent_name ?? '',
  informedFemale: r.informed_female,
  informedMale: r.informed_male,
  topics: JSON.parse(r.topics_json) as string[],
  referrals: r.referrals,
  referralsNote: r.referrals_note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

const SELECT = `SELECT o.*, coalesce(u.display_name, o.agent_name) AS agent_label
  FROM outreach_logs o LEFT JOIN users u ON u.id = o.agent_user_id`;

export function getOutreach(db: Db, id: string): OutreachLog | undefined {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  return row && toLog(row);
}

export interface OutreachScope {
  from: string | null;
  to: string | null;
  archived: boolean;
}

const WHERE = `(@from IS NULL OR o.date >= @from) AND (@to IS NULL OR o.date <= @to)`;

/** Newest first. */
export function listOutreach(db: Db, scope: OutreachScope): OutreachLog[] {
  const rows = db
    .prepare(`${SELECT} WHERE ${scope.archived ? 'o.archived_at IS NOT NULL' : 'o.archived_at IS NULL'} AND ${WHERE} ORDER BY o.date DESC, o.created_at DESC`)
    .all({ from: scope.from, to: scope.to }) as Row[];
  return rows.map(toLog);
}

/** Entries not archived in the period (both days included). */
export function outreachTotals(db: Db, from: string | null, to: string | null): OutreachTotals {
  return db
    .prepare(
      `SELECT count(*) AS entries, coalesce(sum(informed_female), 0) AS informedFemale, coalesce(sum(informed_male), 0) AS informedMale,
         coalesce(sum(referrals), 0) AS referrals
       FROM outreach_logs o WHERE o.archived_at IS NULL AND ${WHERE}`,
    )
    .get({ from, to }) as OutreachTotals;
}

/** [topic code, people informed women, men, entries] over the entries of the period. */
export function outreachByTopic(db: Db, from: string, to: string): { topic: string; female: number; male: number; entries: number }[] {
  return db
    .prepare(
      `SELECT t.value AS topic, sum(o.informed_female) AS female, sum(o.informed_male) AS male, count(*) AS entries
       FROM outreach_logs o, json_each(o.topics_json) t
       WHERE o.archived_at IS NULL AND o.date BETWEEN ? AND ? GROUP BY t.value`,
    )
    .all(from, to) as { topic: string; female: number; male: number; entries: number }[];
}

export function saveOutreach(db: Db, log: OutreachLog): void {
  db.prepare(
    `INSERT INTO outreach_logs (id, date, neighbourhood, agent_user_id, agent_name, informed_female, informed_male, topics_json,
       referrals, referrals_note, created_at, updated_at, created_by, archived_at)
     VALUES (@id, @date, @neighbourhood, @agentUserId, @agentName, @informedFemale, @informedMale, @topicsJson,
       @referrals, @referralsNote, @createdAt, @updatedAt, @createdBy, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET date = excluded.date, neighbourhood = excluded.neighbourhood, agent_user_id = excluded.agent_user_id,
       agent_name = excluded.agent_name, informed_female = excluded.informed_female, informed_male = excluded.informed_male,
       topics_json = excluded.topics_json, referrals = excluded.referrals, referrals_note = excluded.referrals_note,
       updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run({
    id: log.id,
    date: log.date,
    neighbourhood: log.neighbourhood,
    agentUserId: log.agentUserId,
    agentName: log.agentName,
    informedFemale: log.informedFemale,
    informedMale: log.informedMale,
    topicsJson: JSON.stringify(log.topics),
    referrals: log.referrals,
    referralsNote: log.referralsNote,
    createdAt: log.createdAt,
    updatedAt: log.updatedAt,
    createdBy: log.createdBy,
    archivedAt: log.archivedAt,
  });
}
