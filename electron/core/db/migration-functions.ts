import { nameSounds } from '../beneficiaries/text-normalization';
import type { Db } from './database';

/**
 * What the migrations' SQL cannot compute by itself, given to it as SQL functions on the
 * connection being migrated. Each is the very function the app derives the same column with, so
 * a migrated file holds what saving the record again would write.
 */
export function registerMigrationFunctions(db: Db): void {
  db.function('tadamon_name_sounds', { deterministic: true }, (firstName: unknown, lastName: unknown) =>
    nameSounds(String(firstName ?? ''), String(lastName ?? '')).join(' '),
  );
}
