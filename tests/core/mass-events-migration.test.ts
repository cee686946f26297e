import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-01-10T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0023_mass_events') + 1;

/** A file as the app left it just before mass events: an activity with a session where someone was marked present. */
function fileBeforeMassEvents(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Meryem', 'volunteer', '${AT}');
    INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, created_at, updated_at)
      VALUES ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'AD', '${AT}', '${AT}');
    INSERT INTO activities (id, reference, title, type, theme, created_at, updated_at)
      VALUES ('a1', 'A-2026-00001', 'Atelier santé', 'workshop', 'health', '${AT}', '${AT}');
    INSERT INTO activity_sessions (id, activity_id, date, start_time, end_time, created_at, updated_at)
      VALUES ('s1', 'a1', '2026-01-10', '10:00', '12:00', '${AT}', '${AT}');
    INSERT INTO registrations (activity_id, beneficiary_id, registered_at, sheet_order) VALUES ('a1', 'b1', '${AT}', 1);
    INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by) VALUES ('s1', 'b1', 'present', '${AT}', 'u1');
  `);
  return db;
}

const insertOutreach = (db: Db, values: Record<string, string | number | null>) =>
  db
    .prepare(
      `INSERT INTO outreach_logs (id, date, neighbourhood, agent_user_id, agent_name, informed_female, informed_male, created_at, updated_at, created_by)
       VALUES (@id, '2026-01-12', 'Hay Al Qods', @agent_user_id, @agent_name, @informed_female, 4, '${AT}', '${AT}', 'u1')`,
    )
    .run({ id: 'o1', agent_user_id: 'u1', agent_name: null, informed_female: 3, ...values });

describe('migration 0023_mass_events', () => {
  it('keeps every session named with its attendance, and seeds the outreach topics', () => {
    const db = fileBeforeMassEvents();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare('SELECT id, count_only, present_count FROM activity_sessions').all()).toEqual([{ id: 's1', count_only: 0, present_count: 1 }]);
    expect(db.prepare('SELECT beneficiary_id, status FROM attendance').all()).toEqual([{ beneficiary_id: 'b1', status: 'present' }]);
    expect(db.prepare("SELECT count(*) AS n FROM lookup_values WHERE list = 'outreachTopic'").get()).toEqual({ n: 5 });
    db.close();
  });

  it('holds its rules in the file: counts are whole and not negative, an outing has exactly one agent', () => {
    const db = fileBeforeMassEvents();
    migrate(db);
    const count = db.prepare("INSERT INTO session_head_counts (session_id, sex, age_band, count) VALUES ('s1', ?, '15-17', ?)");
    expect(() => count.run('female', -1)).toThrow(/CHECK/);
    expect(() => count.run('girls', 3)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO session_head_counts VALUES ('nowhere', 'male', '15-17', 2)").run()).toThrow(/FOREIGN KEY/);
    count.run('female', 17);
    expect(() => count.run('female', 2)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE activity_sessions SET count_only = 2 WHERE id = 's1'").run()).toThrow(/CHECK/);

    expect(() => insertOutreach(db, { agent_user_id: null })).toThrow(/CHECK/);
    expect(() => insertOutreach(db, { agent_name: 'Youssef' })).toThrow(/CHECK/);
    expect(() => insertOutreach(db, { informed_female: -2 })).toThrow(/CHECK/);
    insertOutreach(db, {});
    expect(db.prepare('SELECT topics_json, referrals, archived_at FROM outreach_logs').get()).toEqual({ topics_json: '[]', referrals: 0, archived_at: null });
    db.close();
  });
});
