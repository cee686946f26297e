import { appendAudit } from '../audit/repository';
import { mergeBeneficiaries } from '../beneficiaries/merge';
import { withdrawConsent } from '../beneficiaries/service';
import type { User } from '../../contract';
import type { WriteTx } from '../context';
import type { OpenedFile } from '../db/association-file';
import type { Erasure } from '../db/keyslots';
import { updateTrustedKeys } from '../db/trusted-keys';
import { AppError } from '../errors';
import { findActiveUser } from '../users/repository';

/**
 * Erasures outlive a restore. A consent withdrawal erases a person's personal data, and a merge
 * folds a duplicate into the record that stays; a backup made before either still holds the old
 * state. Law 09-08 asks that an erasure stays made, so each one is also written (ids only) in the
 * keys file, which a restore does not roll back, and made again on the restored file.
 */

/** The work of a transaction that erases, followed by its record in the keys file (before commit). */
export function recordingErasure<T>(file: OpenedFile, work: (tx: WriteTx) => T, erasure: (tx: WriteTx) => Erasure) {
  return (tx: WriteTx): T => {
    const result = work(tx);
    const made = erasure(tx);
    updateTrustedKeys(file, (keys) => ({ ...keys, erasures: [...keys.erasures, made] }));
    return result;
  };
}

const key = (e: Erasure) => (e.kind === 'merged' ? `merged ${e.beneficiaryId} ${e.survivorId}` : `withdrawn ${e.beneficiaryId}`);

/** Both lists, each erasure once, oldest first. */
export function unionOfErasures(a: readonly Erasure[], b: readonly Erasure[]): Erasure[] {
  const all = new Map<string, Erasure>();
  for (const e of [...a, ...b]) if (!all.has(key(e))) all.set(key(e), e);
  return [...all.values()].sort((x, y) => x.at.localeCompare(y.at));
}

function stillToErase(file: OpenedFile, e: Erasure): boolean {
  const row = file.db.prepare('SELECT consent_withdrawn_at AS withdrawn, merged_into AS merged FROM beneficiaries WHERE id = ?').get(e.beneficiaryId) as
    | { withdrawn: string | null; merged: string | null }
    | undefined;
  if (!row) return false;
  return e.kind === 'consentWithdrawn' ? row.withdrawn === null : row.merged === null;
}

/** Who the erasures are made as: the person restoring, else a president of the file (never null in a real file). */
function actorFor(file: OpenedFile, userId: string | null): User | undefined {
  const president = file.db.prepare("SELECT id FROM users WHERE role = 'president' AND removed_at IS NULL ORDER BY created_at LIMIT 1").get() as
    | { id: string }
    | undefined;
  return (userId ? findActiveUser(file.db, userId) : undefined) ?? (president && findActiveUser(file.db, president.id));
}

/**
 * Makes again, on a file just restored, the erasures of `erasures` it does not show yet, each in
 * its own savepoint and audited as `backups.reapplyErasure`. A merge whose record to keep is not in
 * the backup cannot be made; it is left out of the count. Then the file's own list is brought up
 * to date. Returns how many were made again.
 */
export function reapplyErasures(file: OpenedFile, erasures: readonly Erasure[], userId: string | null, at: string): number {
  let made = 0;
  file.db.transaction(() => {
    const actor = actorFor(file, userId);
    for (const erasure of erasures) {
      if (!actor || !stillToErase(file, erasure)) continue;
      const tx: WriteTx = {
        db: file.db,
        user: actor,
        at,
        audit: (entityId) => appendAudit(file.db, { at, userId, op: 'backups.reapplyErasure', entityId }),
      };
      try {
        file.db.transaction(() =>
          erasure.kind === 'consentWithdrawn'
            ? withdrawConsent(erasure.beneficiaryId)(tx)
            : mergeBeneficiaries(erasure.survivorId, erasure.beneficiaryId)(tx),
        )();
        made += 1;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    updateTrustedKeys(file, (keys) => ({ ...keys, erasures: unionOfErasures(keys.erasures, erasures) }));
  })();
  return made;
}
