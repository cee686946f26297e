import type { Business, BusinessVisit, EmploymentRecord } from '../../contract';
import type { Db } from '../db/database';

interface RecordRow {
  id: string;
  beneficiary_id: string;
  date: string;
  situation: EmploymentRecord['situation'];
  employer: string | null;
  sector: EmploymentRecord['sector'];
  contract_type: EmploymentRecord['contractType'];
  start_date: string | null;
  income_band: EmploymentRecord['incomeBand'];
  created_at: string;
  updated_at: string;
}

const toRecord = (r: RecordRow): EmploymentRecord => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  date: r.date,
  situation: r.situation,
  employer: r.employer,
  sector: r.sector,
  contractType: r.contract_type,
  startDate: r.start_date,
  incomeBand: r.income_band,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function recordsOf(db: Db, beneficiaryId: string): EmploymentRecord[] {
  return (
    db.prepare('SELECT * FROM employment_records WHERE beneficiary_id = ? ORDER BY date DESC, created_at DESC').all(beneficiaryId) as RecordRow[]
  ).map(toRecord);
}

export function getRecord(db: Db, id: string): EmploymentRecord | undefined {
  const row = db.prepare('SELECT * FROM employment_records WHERE id = ?').get(id) as RecordRow | undefined;
  return row && toRecord(row);
}

export function upsertRecord(db: Db, r: EmploymentRecord, userId: string): void {
  db.prepare(
    `INSERT INTO employment_records (id, beneficiary_id, date, situation, employer, sector, contract_type, start_date, income_band, recorded_by, created_at, updated_at)
     VALUES (@id, @beneficiaryId, @date, @situation, @employer, @sector, @contractType, @startDate, @incomeBand, @userId, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET date = excluded.date, situation = excluded.situation, employer = excluded.employer,
       sector = excluded.sector, contract_type = excluded.contract_type, start_date = excluded.start_date,
       income_band = excluded.income_band, updated_at = excluded.updated_at`,
  ).run({ ...r, userId });
}

interface BusinessRow {
  id: string;
  beneficiary_id: string;
  activity: string;
  sector: Business['sector'];
  start_date: string;
  grant_minor: number | null;
  created_at: string;
  updated_at: string;
}

interface VisitRow {
  id: string;
  business_id: string;
  date: string;
  state: BusinessVisit['state'];
  note: string | null;
  created_at: string;
}

const toVisit = (r: VisitRow): BusinessVisit => ({ id: r.id, businessId: r.business_id, date: r.date, state: r.state, note: r.note, createdAt: r.created_at });

function visitsOf(db: Db, businessId: string): BusinessVisit[] {
  return (db.prepare('SELECT * FROM business_visits WHERE business_id = ? ORDER BY date DESC, created_at DESC').all(businessId) as VisitRow[]).map(toVisit);
}

const toBusiness = (db: Db, r: BusinessRow): Business => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  activity: r.activity,
  sector: r.sector,
  startDate: r.start_date,
  grantMinor: r.grant_minor,
  currency: 'MAD',
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  visits: visitsOf(db, r.id),
});

export function businessesOf(db: Db, beneficiaryId: string): Business[] {
  return (
    db.prepare('SELECT * FROM businesses WHERE beneficiary_id = ? AND archived_at IS NULL ORDER BY start_date DESC, created_at DESC').all(beneficiaryId) as BusinessRow[]
  ).map((r) => toBusiness(db, r));
}

export function getBusiness(db: Db, id: string): Business | undefined {
  const row = db.prepare('SELECT * FROM businesses WHERE id = ? AND archived_at IS NULL').get(id) as BusinessRow | undefined;
  return row && toBusiness(db, row);
}

export function upsertBusiness(db: Db, b: Omit<Business, 'visits' | 'currency'>): void {
  db.prepare(
    `INSERT INTO businesses (id, beneficiary_id, activity, sector, start_date, grant_minor, created_at, updated_at)
     VALUES (@id, @beneficiaryId, @activity, @sector, @startDate, @grantMinor, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET activity = excluded.activity, sector = excluded.sector, start_date = excluded.start_date,
       grant_minor = excluded.grant_minor, updated_at = excluded.updated_at`,
  ).run(b);
}

export function getVisit(db: Db, id: string): BusinessVisit | undefined {
  const row = db.prepare('SELECT * FROM business_visits WHERE id = ?').get(id) as VisitRow | undefined;
  return row && toVisit(row);
}

export function upsertVisit(db: Db, v: BusinessVisit, at: string): void {
  db.prepare(
    `INSERT INTO business_visits (id, business_id, date, state, note, created_at, updated_at)
     VALUES (@id, @businessId, @date, @state, @note, @createdAt, @at)
     ON CONFLICT (id) DO UPDATE SET date = excluded.date, state = excluded.state, note = excluded.note, updated_at = excluded.updated_at`,
  ).run({ ...v, at });
}

/** Consent withdrawn: the employer, the business's activity and the visit notes are personal text. */
export function eraseEmploymentText(db: Db, beneficiaryId: string): void {
  db.prepare('UPDATE employment_records SET employer = NULL WHERE beneficiary_id = ?').run(beneficiaryId);
  db.prepare("UPDATE businesses SET activity = '' WHERE beneficiary_id = ?").run(beneficiaryId);
  db.prepare('UPDATE business_visits SET note = NULL WHERE business_id IN (SELECT id FROM businesses WHERE beneficiary_id = ?)').run(beneficiaryId);
}
