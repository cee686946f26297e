import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-01-10T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0026_participations_by_person') + 1;

/** A file just before: two people marked present at the sessions of an activity. */
function fileBefore(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Meryem', 'volunteer', '${AT}');
    INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, created_at, updated_at) VALUES
      ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'AD', '${AT}', '${AT}'),
      ('b2', 'B-2026-00002', 'male', 2001, 0, 'ML', 'subsaharan_migrant', 'MK', '${AT}', '${AT}');
    INSERT INTO activities (id, reference, title, type, theme, created_at, updated_at)
      VALUES ('a1', 'A-2026-00001', 'Atelier santé', 'workshop', 'health', '${AT}', '${AT}');
    INSERT INTO activity_sessions (id, activity_id, date, start_time, end_time, created_at, updated_at) VALUES
      ('s1', 'a1', '2026-01-10', '10:00', '12:00', '${AT}', '${AT}'),
      ('s2', 'a1', '2026-01-17', '10:00', '12:00', '${AT}', '${AT}');
    INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by) VALUES
      ('s1', 'b1', 'present', '${AT}', 'u1'), ('s1', 'b2', 'present', '${AT}', 'u1'), ('s2', 'b1', 'present', '${AT}', 'u1');
  `);
  return db;
}

const byPerson = (db: Db) =>
  db.prepare('SELECT beneficiary_id, presences, first_present_on FROM participations INDEXED BY participations_by_person ORDER BY beneficiary_id').all();

describe('migration 0026_participations_by_person', () => {
  it('keeps every participation and reads them person by person with their figures', () => {
    const db = fileBefore();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(byPerson(db)).toEqual([
      { beneficiary_id: 'b1', presences: 2, first_present_on: '2026-01-10' },
      { beneficiary_id: 'b2', presences: 1, first_present_on: '2026-01-10' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participations' ORDER BY name").pluck().all()).toEqual(['participations_by_person']);
    // The activities a person attended come from the new index alone.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT activity_id FROM participations WHERE beneficiary_id = 'b2'").all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join()).toContain('COVERING INDEX participations_by_person');
    db.close();
  });

  it('follows the marks made after it, through the triggers', () => {
    const db = fileBefore();
    migrate(db);
    db.exec(`INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by) VALUES ('s2', 'b2', 'present', '${AT}', 'u1')`);
    db.exec("UPDATE attendance SET status = 'absent' WHERE session_id = 's1' AND beneficiary_id = 'b1'");
    expect(byPerson(db)).toEqual([
      { beneficiary_id: 'b1', presences: 1, first_present_on: '2026-01-17' },
      { beneficiary_id: 'b2', presences: 2, first_present_on: '2026-01-10' },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
