import type { z } from 'zod';
import type {
  AppStatus,
  changePasswordSchema,
  createFileSchema,
  IntegrityState,
  Locale,
  openFileSchema,
  recoverSchema,
  SessionInfo,
  User,
} from '../../contract';
import { readAppConfig, rememberFile, writeAppConfig } from '../app-config';
import { appendAudit } from '../audit/repository';
import type { CoreContext, SignedInContext } from '../context';
import { recoverInterruptedRestore } from '../backups/restore-journal';
import {
  activeUserOrThrow,
  closeFile,
  createAssociationFile,
  openUnlocked,
  unlockKeys,
  type OpenedFile,
} from '../db/association-file';
import { assertLooksLikeTadamonFile } from '../db/database';
import { warmSearchCache } from '../beneficiaries/search-warmup';
import { checkInBackground } from '../db/integrity';
import { upgradeSlotIfOutdated } from '../db/keys-upgrade';
import { keysPathFor, readKeysFile, recoverySlot, userSlot, withSlot } from '../db/keyslots';
import { createSlot, unlockSlot } from '../db/slots';
import { checkKeysAtSignIn, updateTrustedKeys } from '../db/trusted-keys';
import { AppError } from '../errors';
import { assertStrongPassword } from '../security/password-strength';
import { readSettings } from '../settings/repository';
import { setMustChangePassword, setUserLocale } from '../users/repository';
import type { Session } from './state';
import { appStatus } from './status';

export function sessionInfo(session: Session): SessionInfo {
  return {
    path: session.file.path,
    keysPath: keysPathFor(session.file.path),
    association: { name: session.file.association.name, city: session.file.association.city },
    user: {
      id: session.user.id,
      displayName: session.user.displayName,
      role: session.user.role,
      locale: session.user.locale,
      mustChangePassword: session.user.mustChangePassword,
    },
    autoLockMinutes: session.autoLockMinutes,
  };
}

export function startSession(
  ctx: CoreContext,
  file: OpenedFile,
  user: User,
  op: string,
  removedKeySlots = 0,
): SessionInfo {
  const at = ctx.now().toISOString();
  file.db.transaction(() => appendAudit(file.db, { at, userId: user.id, op, entityId: user.id }))();
  const session = ctx.sessions.start(file, user, readSettings(file.db).autoLockMinutes);
  void warmSearchCache(file.db, () => ctx.sessions.current() === session);
  if (session.integrity === 'checking') {
    ctx.sessions.checking(
      session,
      checkInBackground(file.path, file.key, ctx.host.nativeBinding).then((state) => {
        session.integrity = state;
        if (state !== 'ok') console.error(`[tadamon] whole-file check: ${state}`);
      }),
    );
  }
  const config = readAppConfig(ctx.host.dataDir);
  writeAppConfig(ctx.host.dataDir, {
    ...rememberFile(config, { path: file.path, associationName: file.association.name, openedAt: at }),
    locale: user.locale,
  });
  return removedKeySlots > 0 ? { ...sessionInfo(session), removedKeySlots } : sessionInfo(session);
}

function fileOptions(ctx: CoreContext) {
  return { nativeBinding: ctx.host.nativeBinding, now: ctx.now() };
}

function openOrDispose<T>(unlocked: { unlocked: { dispose(): void } }, work: () => T): T {
  try {
    return work();
  } finally {
    unlocked.unlocked.dispose();
  }
}

async function upgradeOrClose<T>(file: OpenedFile, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    closeFile(file);
    throw error;
  }
}

function openOrClose<T>(file: OpenedFile, work: () => T): T {
  try {
    return work();
  } catch (error) {
    closeFile(file);
    throw error;
  }
}

export function status(ctx: CoreContext): AppStatus {
  const session = ctx.sessions.current();
  return appStatus(ctx.host, session && sessionInfo(session));
}

export function setLocale(ctx: CoreContext, locale: Locale): null {
  const config = readAppConfig(ctx.host.dataDir);
  writeAppConfig(ctx.host.dataDir, { ...config, locale });
  const session = ctx.sessions.current();
  if (session) {
    const { db } = session.file;
    db.transaction(() => {
      setUserLocale(db, session.user.id, locale);
      appendAudit(db, { at: ctx.now().toISOString(), userId: session.user.id, op: 'app.setLocale', entityId: session.user.id });
    })();
    session.user = { ...session.user, locale };
  }
  return null;
}

export function inspect(path: string): { associationHint: string; users: { id: string; displayName: string }[] } {
  recoverInterruptedRestore(path);
  assertLooksLikeTadamonFile(path);
  const keys = readKeysFile(path);
  const users = keys.slots
    .filter((s) => s.kind === 'user' && s.userId)
    .map((s) => ({ id: s.userId as string, displayName: s.label ?? '' }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const name = path.split(/[\\/]/).pop() ?? path;
  return { associationHint: name.replace(/\.tadamon$/i, ''), users };
}

export async function createFile(
  ctx: CoreContext,
  input: z.output<typeof createFileSchema>,
): Promise<{ session: SessionInfo; recoveryCode: string }> {
  assertStrongPassword(input.password, [input.displayName, input.associationName, input.city], 'password');
  const locale = readAppConfig(ctx.host.dataDir).locale;
  const { file, user, recoveryCode } = await createAssociationFile(
    {
      directory: input.directory,
      associationName: input.associationName,
      city: input.city,
      president: { displayName: input.displayName, password: input.password, locale },
    },
    { nativeBinding: ctx.host.nativeBinding, now: ctx.now() },
  );
  return { session: openOrClose(file, () => startSession(ctx, file, user, 'session.signIn')), recoveryCode };
}

export async function open(ctx: CoreContext, input: z.output<typeof openFileSchema>): Promise<SessionInfo> {
  recoverInterruptedRestore(input.path);
  const unlocked = await ctx.throttle.attempt(input.path, () =>
    unlockKeys(input.path, (k) => ({ slot: userSlot(k, input.userId), secret: input.password }), 'wrong_password'),
  );
  const file = openOrDispose(unlocked, () => openUnlocked(input.path, unlocked, fileOptions(ctx)));
  const user = openOrClose(file, () => activeUserOrThrow(file, input.userId));
  const at = ctx.now().toISOString();
  const removed = openOrClose(file, () => checkKeysAtSignIn(file, unlocked.slot.id, user.id, at));
  await upgradeOrClose(file, () => upgradeSlotIfOutdated(file, unlocked.slot, input.password));
  return openOrClose(file, () => startSession(ctx, file, user, 'session.signIn', removed));
}

export async function recover(ctx: CoreContext, input: z.output<typeof recoverSchema>): Promise<SessionInfo> {
  recoverInterruptedRestore(input.path);
  const unlocked = await ctx.throttle.attempt(input.path, () =>
    unlockKeys(input.path, (k) => ({ slot: recoverySlot(k), secret: input.recoveryCode }), 'wrong_recovery_code'),
  );
  const file = openOrDispose(unlocked, () => openUnlocked(input.path, unlocked, fileOptions(ctx)));
  const user = openOrClose(file, () => activeUserOrThrow(file, input.userId));
  openOrClose(file, () => assertStrongPassword(input.newPassword, [user.displayName], 'newPassword'));
  const removed = openOrClose(file, () => checkKeysAtSignIn(file, unlocked.slot.id, user.id, ctx.now().toISOString()));
  await upgradeOrClose(file, () => upgradeSlotIfOutdated(file, unlocked.slot, input.recoveryCode));
  const slot = await upgradeOrClose(file, () =>
    createSlot({
      fileId: file.association.fileId,
      dbKey: file.key,
      generation: file.keyGeneration,
      secret: input.newPassword,
      meta: { kind: 'user', userId: user.id, label: user.displayName },
    }),
  );
  return openOrClose(file, () => {
    file.db.transaction(() => {
      setMustChangePassword(file.db, user.id, false);
      appendAudit(file.db, { at: ctx.now().toISOString(), userId: user.id, op: 'file.recover', entityId: user.id });
      updateTrustedKeys(file, (keys) => withSlot(keys, slot));
    })();
    return startSession(ctx, file, { ...user, mustChangePassword: false }, 'session.signIn', removed);
  });
}

export async function changePassword(
  ctx: SignedInContext,
  input: z.output<typeof changePasswordSchema>,
): Promise<SessionInfo> {
  const { session } = ctx;
  if (input.currentPassword === input.newPassword) throw new AppError('same_password');
  assertStrongPassword(input.newPassword, [session.user.displayName], 'newPassword');
  const { path, key, db } = session.file;
  const keys = readKeysFile(path);
  const current = userSlot(keys, session.user.id);
  const check = await ctx.throttle.attempt(path, async () => {
    const opened = current && (await unlockSlot(keys, current, input.currentPassword));
    if (!opened) throw new AppError('wrong_password');
    return opened;
  });
  check.dispose();
  // A new key pair too: whoever learns the old password from an old copy of the keys file gets
  // an old private key, to which no database key is sealed after the next rekey.
  const slot = await createSlot({
    fileId: session.file.association.fileId,
    dbKey: key,
    generation: session.file.keyGeneration,
    secret: input.newPassword,
    meta: { kind: 'user', userId: session.user.id, label: session.user.displayName },
  });
  if (ctx.sessions.current() !== session) throw new AppError('session_locked');
  db.transaction(() => {
    setMustChangePassword(db, session.user.id, false);
    appendAudit(db, {
      at: ctx.now().toISOString(),
      userId: session.user.id,
      op: 'session.changePassword',
      entityId: session.user.id,
    });
    updateTrustedKeys(session.file, (keys) => withSlot(keys, slot));
  })();
  session.user = { ...session.user, mustChangePassword: false };
  return sessionInfo(session);
}

export function integrity(ctx: SignedInContext): IntegrityState {
  return ctx.session.integrity;
}

export function lock(ctx: CoreContext): null {
  ctx.sessions.lock();
  return null;
}
