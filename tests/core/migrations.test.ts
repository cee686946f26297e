import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beneficiarySearchSchema } from '../../electron/contract';
import { searchIn } from '../../electron/core/beneficiaries/service';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { KEYS_FORMAT, keysPathFor } from '../../electron/core/db/keyslots';
import { legacyWrapKey } from '../../electron/core/db/slots';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations';
import { sha256, testCore, useTempDir, withDb } from './helpers';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../electron/core/db/migrations');
const tempDir = useTempDir();

function freshDb(): { db: Db; path: string; key: Buffer } {
  const path = join(tempDir(), 'migrating.tadamon');
  const key = randomBytes(32);
  return { db: openEncrypted(path, key, { create: true }), path, key };
}

/** Names of the tables, indexes, views and triggers a migration's SQL creates, in order. */
function createdBy(sql: string): string[] {
  const pattern = /CREATE\s+(?:UNIQUE\s+)?(?:VIRTUAL\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?["`[]?(\w+)/gi;
  return [...sql.replace(/--[^\n]*/g, '').matchAll(pattern)].map((m) => m[1]);
}

/** Indexes a migration's SQL drops (replaced by better ones): the only objects allowed to go. */
function droppedBy(sql: string): string[] {
  return [...sql.replace(/--[^\n]*/g, '').matchAll(/DROP\s+INDEX\s+(?:IF\s+EXISTS\s+)?["`[]?(\w+)/gi)].map((m) => m[1]);
}

/**
 * What a migration creates again under a name the file already holds: the indexes and triggers it
 * drops first, and those of a table it rebuilds (SQLite changes a table's CHECK only by copying the
 * table into a new one renamed over it, whose name is gone afterwards).
 */
function recreatedBy(db: Db, sql: string): { names: string[]; renamedAway: string[] } {
  const clean = sql.replace(/--[^\n]*/g, '');
  const rebuilt = [...clean.matchAll(/DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?["`[]?(\w+)/gi)].map((m) => m[1]);
  const ofRebuilt = (
    db.prepare("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN (SELECT value FROM json_each(?))").all(JSON.stringify(rebuilt)) as { name: string }[]
  ).map((r) => r.name);
  const triggers = [...clean.matchAll(/DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?["`[]?(\w+)/gi)].map((m) => m[1]);
  return {
    names: [...droppedBy(sql), ...triggers, ...ofRebuilt],
    renamedAway: [...clean.matchAll(/ALTER\s+TABLE\s+["`[]?(\w+)["`\]]?\s+RENAME\s+TO\s/gi)].map((m) => m[1]),
  };
}

const schemaObjects = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

const tables = (db: Db): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** Every row of every table, as sorted JSON strings. */
function dump(db: Db): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables(db)) out[t] = db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
  return out;
}

/**
 * Data an older schema allows, keyed by the version it needs. Later migrations must carry all of
 * it forward untouched (new columns may be added, old values must stay).
 */
const seeds: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.prepare("INSERT INTO association VALUES ('a1', 'f1', 'Association Amal', 'Oujda', '2025-01-02T10:00:00.000Z')").run();
    db.prepare(
      "INSERT INTO users (id, display_name, role, locale, must_change_password, created_at) VALUES ('u1', 'Nadia Bennani', 'president', 'ar', 0, '2025-01-02T10:00:00.000Z')",
    ).run();
    db.prepare(
      "INSERT INTO users (id, display_name, role, locale, must_change_password, created_at, removed_at) VALUES ('u2', 'Youssef Tazi', 'volunteer', 'fr', 1, '2025-01-03T10:00:00.000Z', '2025-02-01T00:00:00.000Z')",
    ).run();
  },
  2: (db) => {
    db.prepare("INSERT INTO audit_log VALUES ('l1', '2025-01-02T10:00:00.000Z', 'u1', 'file.create', 'a1')").run();
    db.prepare("INSERT INTO audit_log VALUES ('l2', '2025-01-03T10:00:00.000Z', 'u1', 'users.create', 'u2')").run();
    db.prepare("INSERT INTO settings VALUES ('autoLockMinutes', '25')").run();
  },
  // People saved before the search indexes (0012), as that version of the app derived their text.
  11: (db) => {
    const insert = db.prepare(
      `INSERT INTO beneficiaries (id, reference, sex, birth_year, birth_year_estimated, nationality, category, initials,
         display_name, sort_name, search_text, phonetic_text, created_at, updated_at)
       VALUES (?, ?, 'male', 1980, 0, 'MA', 'returning_migrant', ?, ?, ?, ?, ?, '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z')`,
    );
    insert.run('b1', 'B-2025-00001', 'ME', 'Mohamed El Amrani', 'mohamed el amrani', 'mohamed el amrani محمد العمراني b 2025 00001 0661234567', 'MHMT AL AMRN');
    insert.run('b2', 'B-2025-00002', 'FD', 'Fatou Diallo', 'fatou diallo', 'fatou diallo b 2025 00002', 'FT TL');
  },
};

/** A fresh file brought to `version` one step at a time, seeded along the way. */
function fileAt(version: number): { db: Db; path: string; key: Buffer } {
  const file = freshDb();
  for (let v = 1; v <= version; v++) {
    migrate(file.db, { target: v });
    seeds[v]?.(file.db);
  }
  expect(schemaVersion(file.db)).toBe(version);
  return file;
}

describe('migrations, one at a time', () => {
  it('there is at least one migration and the known ones create what the code relies on', () => {
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
    expect(createdBy(migrations[0].sql)).toEqual(expect.arrayContaining(['association', 'users']));
    expect(createdBy(migrations[1].sql)).toEqual(expect.arrayContaining(['audit_log', 'settings']));
  });

  it.each(migrations.map((m, i) => [m.name, i + 1] as const))('%s: from version N-1 to N, new objects appear and old rows survive', (_name, n) => {
    const { db } = fileAt(n - 1);
    const before = dump(db);
    const objectsBefore = schemaObjects(db);
    const recreated = recreatedBy(db, migrations[n - 1].sql);
    const expectedNew = createdBy(migrations[n - 1].sql).filter((name) => !recreated.renamedAway.includes(name));
    expect(expectedNew.length).toBeGreaterThan(0);
    for (const name of expectedNew.filter((o) => !recreated.names.includes(o))) expect(objectsBefore).not.toContain(name);

    migrate(db, { target: n });

    expect(schemaVersion(db)).toBe(n);
    const objectsAfter = schemaObjects(db);
    const dropped = droppedBy(migrations[n - 1].sql);
    for (const name of dropped) expect(objectsBefore).toContain(name);
    for (const name of [...objectsBefore.filter((o) => !dropped.includes(o)), ...expectedNew]) expect(objectsAfter).toContain(name);
    for (const name of dropped.filter((o) => !expectedNew.includes(o))) expect(objectsAfter).not.toContain(name);
    for (const name of recreated.renamedAway) expect(objectsAfter).not.toContain(name);
    const after = dump(db);
    for (const [table, rows] of Object.entries(before)) {
      expect(after[table]).toBeDefined();
      const columns = rows.length ? Object.keys(rows[0]) : [];
      const kept = after[table].map((row) => JSON.stringify(columns.map((c) => row[c])));
      for (const row of rows) expect(kept).toContain(JSON.stringify(columns.map((c) => row[c])));
    }
    if (n >= 2) expect(Object.values(before).flat().length).toBeGreaterThan(0); // there was data to keep
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('the seeded rows come through every migration up to the latest, values unchanged', () => {
    const { db } = fileAt(LATEST_VERSION);
    expect(db.prepare('SELECT id, name, city FROM association').all()).toEqual([{ id: 'a1', name: 'Association Amal', city: 'Oujda' }]);
    expect(db.prepare('SELECT id, display_name, role, locale, must_change_password, removed_at FROM users ORDER BY id').all()).toEqual([
      { id: 'u1', display_name: 'Nadia Bennani', role: 'president', locale: 'ar', must_change_password: 0, removed_at: null },
      { id: 'u2', display_name: 'Youssef Tazi', role: 'volunteer', locale: 'fr', must_change_password: 1, removed_at: '2025-02-01T00:00:00.000Z' },
    ]);
    expect(db.prepare('SELECT id, op, entity_id FROM audit_log ORDER BY id').all()).toEqual([
      { id: 'l1', op: 'file.create', entity_id: 'a1' },
      { id: 'l2', op: 'users.create', entity_id: 'u2' },
    ]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'autoLockMinutes'").get()).toEqual({ value: '25' });
    db.close();
  });

  it('0012 brings the people already in the file into the search indexes', () => {
    const { db } = fileAt(12);
    const found = (query: string) => searchIn(db, beneficiarySearchSchema.parse({ query }), 2026).rows.map((r) => r.id);
    expect(found('amrani')).toEqual(['b1']);
    expect(found('Muhammad')).toEqual(['b1']);
    expect(found('العمراني')).toEqual(['b1']);
    expect(found('di')).toEqual(['b2']);
    expect(found('0661')).toEqual(['b1']);
    expect(found('2025')).toHaveLength(2);
    expect(() => db.prepare("INSERT INTO beneficiary_search (beneficiary_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    db.close();
  });

  it('migrating in one go gives the same schema as step by step', () => {
    const stepwise = fileAt(LATEST_VERSION).db;
    const direct = freshDb().db;
    migrate(direct);
    const schemaOf = (db: Db) => db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    expect(schemaOf(direct)).toEqual(schemaOf(stepwise));
    expect(schemaVersion(direct)).toBe(LATEST_VERSION);
    stepwise.close();
    direct.close();
  });
});

describe('each migration is atomic', () => {
  it.each(migrations.map((m, i) => [m.name, i + 1] as const))(
    '%s: when its SQL fails part-way, nothing of it stays and user_version is unchanged',
    (_name, n) => {
      const { db } = fileAt(n - 1);
      const created = createdBy(migrations[n - 1].sql);
      const last = created[created.length - 1];
      // Something already holding the name of the last object the migration creates makes it fail late.
      db.exec(`CREATE TABLE "${last}" (in_the_way TEXT)`);
      const before = schemaObjects(db);

      expect(() => migrate(db, { target: n })).toThrow(/already exists|already a table named/);

      expect(schemaVersion(db)).toBe(n - 1);
      expect(schemaObjects(db)).toEqual(before);
      for (const name of created.slice(0, -1).filter((o) => !before.includes(o))) expect(schemaObjects(db)).not.toContain(name);
      db.close();
    },
  );

  it('a failure in a later step keeps the earlier steps, each being its own transaction', () => {
    const { db } = freshDb();
    const second = createdBy(migrations[1].sql);
    db.exec(`CREATE TABLE "${second[second.length - 1]}" (in_the_way TEXT)`);
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(1);
    for (const name of createdBy(migrations[0].sql)) expect(schemaObjects(db)).toContain(name);
    for (const name of second.slice(0, -1)) expect(schemaObjects(db)).not.toContain(name);
    db.close();
  });

  it('never migrates down: a newer file is refused and left at its version', () => {
    const { db } = fileAt(LATEST_VERSION);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'file_too_new' }));
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    db.close();
  });

  it('calls the backup hook once, before any change, and only for a file that already has data', () => {
    const fresh = freshDb().db;
    const calls: number[] = [];
    migrate(fresh, { beforeMigrating: (from) => calls.push(from) });
    expect(calls).toEqual([]); // a brand-new file has nothing to lose

    const { db } = fileAt(1);
    migrate(db, {
      beforeMigrating: (from) => {
        calls.push(from);
        expect(schemaVersion(db)).toBe(1); // still untouched when the hook runs
      },
    });
    expect(calls).toEqual([1]);
    migrate(db, { beforeMigrating: (from) => calls.push(from) });
    expect(calls).toEqual([1]); // up to date: no hook, no work
    fresh.close();
    db.close();
  });
});

describe('opening an old file', () => {
  it('upgrades a version-1 file to the latest version and sets an encrypted copy aside first', async () => {
    const dir = tempDir();
    const path = join(dir, 'documents', 'Ancienne Association.tadamon');
    mkdirSync(join(dir, 'documents'));
    const key = randomBytes(32);
    const v1 = openEncrypted(path, key, { create: true });
    migrate(v1, { target: 1 });
    seeds[1](v1);
    v1.pragma('wal_checkpoint(TRUNCATE)');
    v1.close();
    const password = 'an old password 2024';
    writeFileSync(keysPathFor(path), JSON.stringify({
      format: KEYS_FORMAT,
      version: 1, // and a keys file of the first format, as that version of the app wrote them
      fileId: 'f1',
      slots: [await legacyWrapKey(key, password, { kind: 'user', userId: 'u1', label: 'Nadia Bennani' })],
    }));
    const originalDb = sha256(path);
    const originalKeys = readFileSync(keysPathFor(path));

    const core = testCore(dir, () => new Date('2026-03-04T05:06:07.089Z'));
    const session = await core.must('file.open', { path, userId: 'u1', password });
    expect(session.association).toEqual({ name: 'Association Amal', city: 'Oujda' });
    expect(session.user.locale).toBe('ar');
    expect(session.autoLockMinutes).toBe(10);
    await core.must('session.lock', {});

    expect(withDb(path, key, (db) => [schemaVersion(db), tables(db)])).toEqual([
      LATEST_VERSION,
      expect.arrayContaining(['association', 'users', 'audit_log', 'settings']),
    ]);

    const backups = readdirSync(join(dir, 'documents', 'backups')).sort();
    expect(backups).toEqual([
      'Ancienne Association.before-v2.2026-03-04T05-06-07-089Z.tadamon',
      'Ancienne Association.before-v2.2026-03-04T05-06-07-089Z.tadamon.keys',
    ]);
    const backup = join(dir, 'documents', 'backups', backups[0]);
    const backupBytes = readFileSync(backup);
    expect(backupBytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(backupBytes.includes(Buffer.from('Association Amal'))).toBe(false);
    expect(sha256(backup)).toBe(originalDb); // the file exactly as it was before the upgrade
    expect(readFileSync(keysPathFor(backup)).equals(originalKeys)).toBe(true);
    // and it is a usable file at its old version, with the old data
    expect(
      withDb(backup, key, (db) => [schemaVersion(db), db.prepare('SELECT name FROM association').get(), tables(db)]),
    ).toEqual([1, { name: 'Association Amal' }, ['association', 'users']]);

    // A second sign-in has nothing to migrate, so no second copy.
    await core.must('file.open', { path, userId: 'u1', password });
    core.close();
    expect(readdirSync(join(dir, 'documents', 'backups'))).toHaveLength(2);
  });
});

describe('the migration list', () => {
  const files = readdirSync(MIGRATIONS_DIR);
  const sqlFiles = files.filter((f) => f.endsWith('.sql')).sort();

  it('holds only index.ts and numbered, well-named .sql files', () => {
    for (const f of files) expect(f === 'index.ts' || /^\d{4}_[a-z0-9_]+\.sql$/.test(f), f).toBe(true);
  });

  it('lists every .sql file of the folder, in order, numbered 0001, 0002, … without gaps', () => {
    expect(migrations.map((m) => m.name)).toEqual(sqlFiles.map((f) => f.replace(/\.sql$/, '')));
    sqlFiles.forEach((f, i) => expect(f.slice(0, 5)).toBe(`${String(i + 1).padStart(4, '0')}_`));
    expect(LATEST_VERSION).toBe(sqlFiles.length);
  });

  it('each entry carries the text of its own file', () => {
    migrations.forEach((m) => expect(m.sql).toBe(readFileSync(join(MIGRATIONS_DIR, `${m.name}.sql`), 'utf8')));
  });
});
