import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { fileAtVersion, useTempDir } from './helpers';

const tempDir = useTempDir();
const AT = '2026-01-10T10:00:00.000Z';
const VERSION = migrations.findIndex((m) => m.name === '0022_case_lifecycle') + 1;

/** A file as the app left it just before case lifecycles: a person followed, one archived, a note. */
function fileBeforeLifecycle(): Db {
  const db = fileAtVersion(tempDir(), VERSION - 1);
  db.exec(`
    INSERT INTO users (id, display_name, role, created_at) VALUES ('u1', 'Meryem', 'volunteer', '${AT}');
    INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials, created_at, updated_at, archived_at)
      VALUES ('b1', 'B-2026-00001', 'female', 1990, 0, 'SN', 'subsaharan_migrant', 'AD', '${AT}', '${AT}', NULL),
             ('b2', 'B-2026-00002', 'male', 1985, 0, 'CM', 'subsaharan_migrant', 'JT', '${AT}', '${AT}', '${AT}');
    INSERT INTO case_notes (id, beneficiary_id, date, author_id, type, text, sensitive, created_at)
      VALUES ('n1', 'b1', '2026-01-10', 'u1', 'visit', 'Accueil', 0, '${AT}');
  `);
  return db;
}

const insertEvent = (db: Db, values: Record<string, string | null>) =>
  db
    .prepare(
      `INSERT INTO case_events (id, beneficiary_id, kind, reason, note, date, recorded_by, recorded_at)
       VALUES (@id, 'b1', @kind, @reason, @note, '2026-01-11', 'u1', '${AT}')`,
    )
    .run({ id: 'e1', kind: 'closed', reason: 'goals_reached', note: null, ...values });

describe('migration 0022_case_lifecycle', () => {
  it('keeps the people and notes as they were, every case open, nothing recorded for them', () => {
    const db = fileBeforeLifecycle();
    migrate(db);
    expect(db.prepare('SELECT id, archived_at FROM beneficiaries ORDER BY id').all()).toEqual([
      { id: 'b1', archived_at: null },
      { id: 'b2', archived_at: AT },
    ]);
    expect(db.prepare('SELECT id, text FROM case_notes').all()).toEqual([{ id: 'n1', text: 'Accueil' }]);
    for (const table of ['case_events', 'intake_needs', 'sensitive_recordings']) {
      expect((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    }
    db.close();
  });

  it('holds a closing to a reason of the list, a reopening to a note, an "other" reason to its note', () => {
    const db = fileBeforeLifecycle();
    migrate(db);
    expect(() => insertEvent(db, { reason: 'bored' })).toThrow(/CHECK/);
    expect(() => insertEvent(db, { reason: null })).toThrow(/CHECK/);
    expect(() => insertEvent(db, { reason: 'other' })).toThrow(/CHECK/);
    expect(() => insertEvent(db, { kind: 'reopened', reason: null })).toThrow(/CHECK/);
    expect(() => insertEvent(db, { kind: 'reopened', reason: 'goals_reached', note: 'Retour' })).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO case_events (id, beneficiary_id, kind, reason, date, recorded_by, recorded_at) VALUES ('x', 'nobody', 'closed', 'deceased', '2026-01-11', 'u1', '${AT}')`).run(),
    ).toThrow(/FOREIGN KEY/);
    insertEvent(db, { kind: 'archived', reason: 'other', note: 'Parti en Europe' });
    expect(db.prepare('SELECT kind, reason, note FROM case_events').all()).toEqual([{ kind: 'archived', reason: 'other', note: 'Parti en Europe' }]);
    db.close();
  });

  it('holds a need to the checklist, once per person, met with both its day and who said so', () => {
    const db = fileBeforeLifecycle();
    migrate(db);
    const need = db.prepare(`INSERT INTO intake_needs (beneficiary_id, need, recorded_by, recorded_at, met_on, met_by) VALUES ('b1', ?, 'u1', '${AT}', ?, ?)`);
    need.run('housing', null, null);
    expect(() => need.run('housing', null, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => need.run('jetpack', null, null)).toThrow(/CHECK/);
    expect(() => need.run('food', '2026-01-12', null)).toThrow(/CHECK/);
    need.run('health', '2026-01-12', 'u1');
    expect(db.prepare('SELECT need, met_on FROM intake_needs ORDER BY need').all()).toEqual([
      { need: 'health', met_on: '2026-01-12' },
      { need: 'housing', met_on: null },
    ]);
    db.close();
  });
});
