import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { beneficiaryInputSchema, beneficiarySearchSchema } from '../../electron/contract';
import { warmSearchCache } from '../../electron/core/beneficiaries/search-warmup';
import { createBeneficiary, searchIn } from '../../electron/core/beneficiaries/service';
import type { WriteTx } from '../../electron/core/context';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { fictitiousBeneficiary } from '../../electron/core/demo/beneficiaries';
import { seededRandom } from '../../electron/core/demo/random';
import { useSuiteTempDir } from './helpers';

const at = '2026-05-01T09:00:00.000Z';
const tx = (db: Db): WriteTx => ({
  db,
  user: { id: 'u', displayName: 'U', role: 'president', locale: 'fr', mustChangePassword: false, createdAt: '' },
  at,
  audit: () => undefined,
});

describe('reading the search’s pages into the cache after sign-in', () => {
  const suiteDir = useSuiteTempDir();
  const key = randomBytes(32);
  let path: string;

  beforeAll(() => {
    path = join(suiteDir(), 'warm.tadamon');
    const db = openEncrypted(path, key, { create: true });
    migrate(db);
    const random = seededRandom(3);
    const people = Array.from({ length: 6000 }, () => beneficiaryInputSchema.parse(fictitiousBeneficiary(random, new Date(at))));
    db.transaction(() => people.forEach((p) => createBeneficiary(p)(tx(db))))();
    db.close();
  });

  it('goes through every table in several steps, and searches then find what they found before', async () => {
    const db = openEncrypted(path, key);
    const search = beneficiarySearchSchema.parse({ query: 'ma', offset: 0, limit: 40 });
    const before = searchIn(db, search, 2026);
    // 6,000 people are three steps of rows, each trigram index (a few hundred blocks) one, then
    // the sound codes and the index a one-letter search walks: a step that failed would end it early
    expect(await warmSearchCache(db, () => true)).toBe(3 + 1 + 1 + 2);
    expect(searchIn(db, search, 2026)).toEqual(before);
    db.close();
  });

  it('answers what is asked between two steps', async () => {
    const db = openEncrypted(path, key);
    let between = 0;
    const warming = warmSearchCache(db, () => {
      between++;
      return true;
    });
    // the first step waits for a turn of the event loop: the caller's next question comes first
    expect(between).toBe(0);
    expect(searchIn(db, beneficiarySearchSchema.parse({ offset: 0, limit: 1 }), 2026).total).toBe(6000);
    await warming;
    db.close();
  });

  it('stops when the session ends, and when the file was closed under it, without failing', async () => {
    const db = openEncrypted(path, key);
    let open = 2;
    expect(await warmSearchCache(db, () => open-- > 0)).toBe(2);
    const closing = warmSearchCache(db, () => true);
    db.close();
    expect(await closing).toBe(0);
  });
});
