import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-01-10T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0020_employment') + 1;

/** A file as the app left it just before employment: a user and a person with a case note. */
function fileBeforeEmployment(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Meryem', 'volunteer', '${AT}');
    INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, display_name, created_at, updated_at)
      VALUES ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'AD', 'Aminata Diop', '${AT}', '${AT}');
    INSERT INTO case_notes (id, beneficiary_id, date, type, text, author_id, created_at)
      VALUES ('n1', 'b1', '2026-01-10', 'visit', 'Premier entretien', 'u1', '${AT}');
  `);
  return db;
}

const insertRecord = (db: Db, values: Partial<Record<string, string | null>>) =>
  db
    .prepare(
      `INSERT INTO employment_records (id, beneficiary_id, date, situation, contract_type, start_date, recorded_by, created_at, updated_at)
       VALUES (@id, 'b1', @date, @situation, @contract_type, @start_date, 'u1', '${AT}', '${AT}')`,
    )
    .run({ id: 'r1', date: '2026-01-10', situation: 'employed_contract', contract_type: 'cdd', start_date: '2026-01-02', ...values });

describe('migration 0020_employment', () => {
  it('keeps what the file held and adds empty employment tables', () => {
    const db = fileBeforeEmployment();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT id, display_name FROM beneficiaries').all()).toEqual([{ id: 'b1', display_name: 'Aminata Diop' }]);
    expect(db.prepare('SELECT text FROM case_notes').all()).toEqual([{ text: 'Premier entretien' }]);
    for (const table of ['employment_records', 'businesses', 'business_visits']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    db.close();
  });

  it('holds its constraints: known situations and contracts, a start not after the record, a positive grant, a known person', () => {
    const db = fileBeforeEmployment();
    migrate(db);
    insertRecord(db, {});
    expect(() => insertRecord(db, { id: 'r2', situation: 'hired' })).toThrow(/CHECK/);
    expect(() => insertRecord(db, { id: 'r3', contract_type: 'interim' })).toThrow(/CHECK/);
    expect(() => insertRecord(db, { id: 'r4', start_date: '2026-02-01' })).toThrow(/CHECK/);
    const business = db.prepare(
      `INSERT INTO businesses (id, beneficiary_id, activity, sector, start_date, grant_minor, created_at, updated_at)
       VALUES (?, ?, 'Couture', 'crafts', '2026-01-01', ?, '${AT}', '${AT}')`,
    );
    business.run('s1', 'b1', 500_000);
    expect(() => business.run('s2', 'b1', 0)).toThrow(/CHECK/);
    expect(() => business.run('s3', 'nobody', null)).toThrow(/FOREIGN KEY/);
    const visit = db.prepare(`INSERT INTO business_visits (id, business_id, date, state, created_at, updated_at) VALUES (?, 's1', '2026-01-15', ?, '${AT}', '${AT}')`);
    visit.run('v1', 'active');
    expect(() => visit.run('v2', 'closed')).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM employment_records').get()).toEqual({ n: 1 });
    db.close();
  });
});
