import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/**
 * Right after sign-in the connection's page cache is empty, and a search's first run reads and
 * decrypts every page it touches: a two- or three-letter query, whose matches are spread over the
 * whole file, took 20 to 40 ms instead of 2 on the 50,000-person bench file. The pages searches
 * read (people's rows, the two trigram indexes, the sound codes, the index a one-letter search
 * walks) are read once in the background instead, in small steps so that what the person asks
 * meanwhile is answered between two of them. About a quarter of a second of processor and 55 MB
 * of the 64 MB cache on that file.
 */

/** Tables read along their rowids, this many rows a step (each step a few milliseconds). */
const BY_ROWID: [table: string, rowsPerStep: number][] = [
  ['beneficiaries', 2500],
  ['beneficiary_search_pairs_data', 400],
  ['beneficiary_search_data', 400],
];

const WHOLE = [
  'SELECT count(*) FROM beneficiary_phonetic',
  'SELECT count(*) FROM beneficiaries INDEXED BY beneficiaries_by_name WHERE archived_at IS NULL',
];

function* steps(db: Db): Generator<void> {
  for (const [table, rows] of BY_ROWID) {
    const next = prepared(db, `SELECT max(rowid) FROM (SELECT rowid FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${rows})`).pluck();
    let after: number | null = -Infinity;
    while ((after = next.get(after) as number | null) !== null) yield;
  }
  for (const sql of WHOLE) {
    prepared(db, sql).pluck().get();
    yield;
  }
}

/**
 * Reads the search's pages into `db`'s cache, one step per turn of the event loop, while
 * `stillOpen()`. Resolves with the number of steps run; never rejects (a file closed between two
 * steps simply ends it).
 */
export function warmSearchCache(db: Db, stillOpen: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const run = steps(db);
    let done = 0;
    const step = () => {
      try {
        if (!stillOpen() || !db.open || run.next().done) return resolve(done);
        done++;
        setImmediate(step);
      } catch {
        resolve(done);
      }
    };
    setImmediate(step);
  });
}
