import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-03-01T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0021_training_cycles') + 1;

/** A file as the app left it before training cycles: an activity with a person who attended it. */
function fileBeforeCycles(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Imane', 'president', '${AT}');
    INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, created_at, updated_at)
      VALUES ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'AD', '${AT}', '${AT}');
    INSERT INTO activities (id, reference, title, type, theme, created_at, updated_at)
      VALUES ('a1', 'A-2026-00001', 'Module 1', 'training_module', 'employability', '${AT}', '${AT}');
    INSERT INTO activity_sessions (id, activity_id, date, start_time, end_time, created_at, updated_at)
      VALUES ('s1', 'a1', '2026-02-10', '09:00', '12:00', '${AT}', '${AT}');
    INSERT INTO registrations (activity_id, beneficiary_id, registered_at, sheet_order) VALUES ('a1', 'b1', '${AT}', 1);
    INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by) VALUES ('s1', 'b1', 'present', '${AT}', 'u1');
    INSERT INTO reference_counters (kind, year, last) VALUES ('A', 2026, 1);
  `);
  return db;
}

describe('migration 0021: training cycles and certificates', () => {
  it('keeps the activities and attendance, and holds cycles and certificates to their rules', () => {
    const db = fileBeforeCycles();
    migrate(db);
    expect(db.prepare('SELECT presences FROM participations WHERE activity_id = ? AND beneficiary_id = ?').get('a1', 'b1')).toEqual({ presences: 1 });
    expect(db.prepare('SELECT last FROM reference_counters WHERE kind = ?').get('A')).toEqual({ last: 1 });

    db.prepare("INSERT INTO training_cycles (id, title, created_at, updated_at) VALUES ('c1', 'Parcours', ?, ?)").run(AT, AT);
    db.prepare("INSERT INTO training_cycle_modules (cycle_id, activity_id, position) VALUES ('c1', 'a1', 1)").run();
    const certificate = (id: string, activity: string | null, cycle: string | null, kind = 'completion') =>
      db
        .prepare(
          `INSERT INTO certificates (id, reference, kind, beneficiary_id, activity_id, cycle_id, issued_on, issued_at, issued_by)
           VALUES (?, ?, ?, 'b1', ?, ?, '2026-03-01', ?, 'u1')`,
        )
        .run(id, `CERT-${id}`, kind, activity, cycle, AT);
    certificate('1', 'a1', null);
    certificate('2', null, 'c1', 'participation');
    expect(() => certificate('3', null, null)).toThrow(/CHECK/);
    expect(() => certificate('4', 'a1', 'c1')).toThrow(/CHECK/);
    expect(() => certificate('5', 'a1', null, 'honours')).toThrow(/CHECK/);
    expect(() => certificate('1', null, 'c1')).toThrow(/UNIQUE/);
    expect(() => certificate('6', 'no-activity', null)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO training_cycles (id, title, required_modules, created_at, updated_at) VALUES ('c2', 'X', 0, ?, ?)").run(AT, AT)).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO training_cycle_modules (cycle_id, activity_id, position) VALUES ('c1', 'a1', 2)").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO training_cycle_modules (cycle_id, activity_id, position) VALUES ('c1', 'nope', 2)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
