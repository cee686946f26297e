import type Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';

type Statement = Sqlite.Statement<unknown[]>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection. Compiling one costs about as much as running it on a
 * typical keystroke, and an import of 20,000 people runs the same few statements for every row.
 * A statement keeps `raw()` or `pluck()` once set: each text must always be run in the same mode.
 * Texts built from a query's shape vary; the cache is emptied when an unusual run of them fills it.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache || cache.size >= 500) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare<unknown[]>(sql)));
  return statement;
}
