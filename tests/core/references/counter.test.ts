import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { allocateReference } from '../../../electron/core/references/counter';
import { useTempDir } from '../helpers';

const tempDir = useTempDir();

describe('reference numbers', () => {
  it('follow each other per kind and year, start at 1 for a new year, and are not given back by a rolled-back write', () => {
    const db = openEncrypted(join(tempDir(), 'refs.sqlite'), randomBytes(32), { create: true });
    migrate(db);
    expect([allocateReference(db, 'B', 2026), allocateReference(db, 'B', 2026)]).toEqual(['B-2026-00001', 'B-2026-00002']);
    expect(allocateReference(db, 'B', 2027)).toBe('B-2027-00001');
    expect(allocateReference(db, 'S', 2026)).toBe('S-2026-00001');
    expect(() =>
      db.transaction(() => {
        expect(allocateReference(db, 'B', 2026)).toBe('B-2026-00003');
        throw new Error('the write fails');
      })(),
    ).toThrow('the write fails');
    expect(allocateReference(db, 'B', 2026)).toBe('B-2026-00003');
    expect(db.prepare('SELECT kind, year, last FROM reference_counters ORDER BY kind, year').all()).toEqual([
      { kind: 'B', year: 2026, last: 3 },
      { kind: 'B', year: 2027, last: 1 },
      { kind: 'S', year: 2026, last: 1 },
    ]);
    db.close();
  });
});
