import type { CertificateKind, CertificateSubject, CycleModule, TrainingCycle } from '../../contract';
import type { Db } from '../db/database';

// ---------------------------------------------------------------------------------------------
// Cycles and their modules

interface CycleDbRow {
  id: string;
  title: string;
  required_modules: number | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

function moduleIds(db: Db, cycleId: string): string[] {
  const rows = db.prepare('SELECT activity_id FROM training_cycle_modules WHERE cycle_id = ? ORDER BY position').all(cycleId) as { activity_id: string }[];
  return rows.map((r) => r.activity_id);
}

const toCycle = (db: Db, r: CycleDbRow): TrainingCycle => ({
  id: r.id,
  title: r.title,
  requiredModules: r.required_modules,
  activityIds: moduleIds(db, r.id),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

export function getCycle(db: Db, id: string): TrainingCycle | undefined {
  const row = db.prepare('SELECT * FROM training_cycles WHERE id = ?').get(id) as CycleDbRow | undefined;
  return row && toCycle(db, row);
}

/** Newest first. */
export function listCycles(db: Db, archived: boolean): TrainingCycle[] {
  const rows = db
    .prepare(`SELECT * FROM training_cycles WHERE archived_at IS ${archived ? 'NOT ' : ''}NULL ORDER BY created_at DESC, id DESC`)
    .all() as CycleDbRow[];
  return rows.map((r) => toCycle(db, r));
}

/** The cycle's fields and its modules as given (a module list is not history: it is replaced whole). */
export function saveCycle(db: Db, c: TrainingCycle): void {
  db.prepare(
    `INSERT INTO training_cycles (id, title, required_modules, created_at, updated_at, archived_at)
     VALUES (@id, @title, @requiredModules, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, required_modules = excluded.required_modules,
       updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run({ id: c.id, title: c.title, requiredModules: c.requiredModules, createdAt: c.createdAt, updatedAt: c.updatedAt, archivedAt: c.archivedAt });
  db.prepare('DELETE FROM training_cycle_modules WHERE cycle_id = ?').run(c.id);
  const insert = db.prepare('INSERT INTO training_cycle_modules (cycle_id, activity_id, position) VALUES (?, ?, ?)');
  c.activityIds.forEach((activityId, i) => insert.run(c.id, activityId, i + 1));
}

/** The modules in teaching order, with what their sessions held say. */
export function cycleModules(db: Db, cycleId: string): CycleModule[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.reference, a.title, a.completion_threshold, a.archived_at,
         (SELECT count(*) FROM activity_sessions s WHERE s.activity_id = a.id AND s.present_count > 0) AS held,
         (SELECT min(s.date) FROM activity_sessions s WHERE s.activity_id = a.id AND s.present_count > 0) AS first_date,
         (SELECT max(s.date) FROM activity_sessions s WHERE s.activity_id = a.id AND s.present_count > 0) AS last_date
       FROM training_cycle_modules m JOIN activities a ON a.id = m.activity_id
       WHERE m.cycle_id = ? ORDER BY m.position`,
    )
    .all(cycleId) as {
    id: string;
    reference: string;
    title: string;
    completion_threshold: number;
    archived_at: string | null;
    held: number;
    first_date: string | null;
    last_date: string | null;
  }[];
  return rows.map((r) => ({
    activityId: r.id,
    reference: r.reference,
    title: r.title,
    sessionsHeld: r.held,
    completionThreshold: r.completion_threshold,
    firstSessionDate: r.first_date,
    lastSessionDate: r.last_date,
    archived: r.archived_at !== null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Certificates

interface CertificateDbRow {
  id: string;
  reference: string;
  kind: CertificateKind;
  beneficiary_id: string;
  issued_on: string;
}

export interface StoredCertificate {
  id: string;
  reference: string;
  kind: CertificateKind;
  beneficiaryId: string;
  issuedOn: string;
}

const subjectColumn = (subject: CertificateSubject) => (subject === 'activity' ? 'activity_id' : 'cycle_id');

/** The certificates of an activity or a cycle, the first issued of each person and kind. */
export function certificatesOf(db: Db, subject: CertificateSubject, subjectId: string): StoredCertificate[] {
  const rows = db
    .prepare(
      `SELECT id, reference, kind, beneficiary_id, issued_on FROM certificates
       WHERE ${subjectColumn(subject)} = ? ORDER BY issued_at, reference`,
    )
    .all(subjectId) as CertificateDbRow[];
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const key = `${r.beneficiary_id} ${r.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({ id: r.id, reference: r.reference, kind: r.kind, beneficiaryId: r.beneficiary_id, issuedOn: r.issued_on }));
}

export function insertCertificate(
  db: Db,
  c: StoredCertificate & { subject: CertificateSubject; subjectId: string; issuedAt: string; issuedBy: string },
): void {
  db.prepare(
    `INSERT INTO certificates (id, reference, kind, beneficiary_id, activity_id, cycle_id, issued_on, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.id,
    c.reference,
    c.kind,
    c.beneficiaryId,
    c.subject === 'activity' ? c.subjectId : null,
    c.subject === 'cycle' ? c.subjectId : null,
    c.issuedOn,
    c.issuedAt,
    c.issuedBy,
  );
}

const MINUTES = (column: string) => `(cast(substr(${column}, 1, 2) AS INTEGER) * 60 + cast(substr(${column}, 4, 2) AS INTEGER))`;

/** A person's presence at an activity: first and last day present, and the minutes of those sessions. */
export function presenceIn(db: Db, activityId: string, beneficiaryId: string): { first: string; last: string; minutes: number } | undefined {
  const row = db
    .prepare(
      `SELECT min(s.date) AS first, max(s.date) AS last, sum(${MINUTES('s.end_time')} - ${MINUTES('s.start_time')}) AS minutes
       FROM attendance a JOIN activity_sessions s ON s.id = a.session_id
       WHERE a.beneficiary_id = ? AND s.activity_id = ? AND a.status = 'present'`,
    )
    .get(beneficiaryId, activityId) as { first: string | null; last: string | null; minutes: number | null };
  return row.first && row.last ? { first: row.first, last: row.last, minutes: row.minutes ?? 0 } : undefined;
}

/** The first active president, for the certificate's signature block. */
export function presidentName(db: Db): string | null {
  const row = db.prepare("SELECT display_name FROM users WHERE role = 'president' AND removed_at IS NULL ORDER BY created_at LIMIT 1").get() as
    | { display_name: string }
    | undefined;
  return row?.display_name ?? null;
}
