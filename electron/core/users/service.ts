import type { z } from 'zod';
import type { createUserSchema, resetPasswordSchema, User } from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import { withoutUserSlot, withSlot } from '../db/keyslots';
import { createSlot } from '../db/slots';
import { updateTrustedKeys } from '../db/trusted-keys';
import { AppError } from '../errors';
import { newId } from '../ids';
import { assertStrongPassword } from '../security/password-strength';
import { countActivePresidents, findActiveUser, insertUser, markUserRemoved, setMustChangePassword } from './repository';

/** Wraps the key for the new user first (slow, outside the transaction), then records both. */
export async function createUser(ctx: SignedInContext, input: z.output<typeof createUserSchema>) {
  assertStrongPassword(input.temporaryPassword, [input.displayName], 'temporaryPassword');
  const id = newId();
  const { file } = ctx.session;
  const slot = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret: input.temporaryPassword,
    meta: { kind: 'user', userId: id, label: input.displayName },
  });
  return (tx: WriteTx): User => {
    const user: User = {
      id,
      displayName: input.displayName,
      role: input.role,
      locale: tx.user.locale,
      mustChangePassword: true,
      createdAt: tx.at,
    };
    insertUser(tx.db, user);
    updateTrustedKeys(file, (keys) => withSlot(keys, slot));
    tx.audit(id);
    return user;
  };
}

/**
 * The president gives someone who forgot their password a temporary one: their key slot is sealed
 * anew under it (replacing the old one, as a password change does) and they must change it at their
 * next sign-in.
 */
export async function resetPassword(ctx: SignedInContext, input: z.output<typeof resetPasswordSchema>) {
  const { file } = ctx.session;
  if (input.userId === ctx.session.user.id) throw new AppError('cannot_reset_own_password');
  const target = findActiveUser(file.db, input.userId);
  if (!target) throw new AppError('unknown_user');
  assertStrongPassword(input.temporaryPassword, [target.displayName], 'temporaryPassword');
  const slot = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret: input.temporaryPassword,
    meta: { kind: 'user', userId: target.id, label: target.displayName },
  });
  return (tx: WriteTx): User => {
    const user = findActiveUser(tx.db, input.userId);
    if (!user) throw new AppError('unknown_user');
    setMustChangePassword(tx.db, user.id, true);
    updateTrustedKeys(file, (keys) => withSlot(keys, slot));
    tx.audit(user.id);
    return { ...user, mustChangePassword: true };
  };
}

/** Deleting the key slot is what stops them opening the file; the row stays for the audit trail. */
export function removeUser(ctx: SignedInContext, userId: string) {
  const { file } = ctx.session;
  return (tx: WriteTx): null => {
    const user = findActiveUser(tx.db, userId);
    if (!user) throw new AppError('unknown_user');
    if (user.id === tx.user.id) throw new AppError('cannot_remove_self');
    if (user.role === 'president' && countActivePresidents(tx.db) <= 1) throw new AppError('last_president');
    markUserRemoved(tx.db, userId, tx.at);
    updateTrustedKeys(file, (keys) => withoutUserSlot(keys, userId));
    tx.audit(userId);
    return null;
  };
}
