import type { z } from 'zod';
import { fieldProblems, isOpName, operations, type AuditNote, type OpError, type OpName, type Result } from '../contract';
import { handlers, type TxWork } from './api';
import { appendAudit } from './audit/repository';
import { BackupCoordinator } from './backups/coordinator';
import type { CoreContext, SignedInContext, WriteTx } from './context';
import { AppError } from './errors';
import type { Host } from './host';
import { JobProgressBoard } from './jobs/progress';
import { SignInThrottle } from './session/sign-in-throttle';
import { SessionState } from './session/state';
import { forgetReadSheet } from './spreadsheets/parse-sheet';
import { findActiveUser } from './users/repository';

export interface Core {
  dispatch(op: unknown, input: unknown): Promise<Result<unknown>>;
  /** Locks and closes the file (app quit, server stop), backing it up first if it changed. */
  close(): void;
  /** Resolves when background work (copies to the second backup folder, whole-file checks) is done: await before exiting. */
  whenIdle(): Promise<void>;
}

const fail = (code: OpError['code'], fields?: Record<string, string>, retryAfterSeconds?: number): Result<never> => ({
  ok: false,
  error: { code, ...(fields && { fields }), ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) },
});

type AnyHandler = (input: unknown, ctx: CoreContext | SignedInContext) => unknown;

/**
 * The single entry point of both transports (Electron IPC and the web bridge): checks the name,
 * who is asking, then the input; runs writes in one transaction with their audit row; turns every
 * failure into a stable code. Nothing thrown escapes, and no stack trace reaches the page.
 */
export function createCore(host: Host): Core {
  const now = host.now ?? (() => new Date());
  const sessions: SessionState = new SessionState(now, {
    started: (session) => backups.sessionStarted(session),
    ending: (session, reason) => {
      // The last sheet read for an import holds people's names: it does not outlive the session.
      forgetReadSheet();
      backups.sessionEnding(session, reason);
    },
  });
  const backups = new BackupCoordinator(now, () => sessions.current());
  const base: CoreContext = { host, now, sessions, jobs: new JobProgressBoard(), backups, throttle: new SignInThrottle(now) };

  async function run(op: OpName, rawInput: unknown): Promise<Result<unknown>> {
    const spec = operations[op];
    let ctx: CoreContext | SignedInContext = base;
    if (spec.access !== 'public') {
      const session = sessions.current();
      if (!session) return fail(sessions.wasLockedByIdle() ? 'session_locked' : 'no_open_file');
      // Removed by a president while signed in elsewhere: the key goes with them.
      if (!findActiveUser(session.file.db, session.user.id)) {
        sessions.lock();
        return fail('session_locked');
      }
      if (session.user.mustChangePassword && op !== 'session.changePassword') return fail('password_change_required');
      if (Array.isArray(spec.access) && !spec.access.includes(session.user.role)) return fail('forbidden');
      sessions.touch(session);
      ctx = { ...base, session };
    }
    const parsed = parseInput(spec.input as z.ZodType, rawInput);
    if (!parsed) return fail('invalid_input', {});
    if (!parsed.success) return fail('invalid_input', fieldProblems(parsed.error));

    const handler = handlers[op] as AnyHandler;
    if (spec.kind !== 'write') return { ok: true, value: await handler(parsed.data, ctx) };

    const session = (ctx as SignedInContext).session;
    const work = (await handler(parsed.data, ctx)) as TxWork<unknown>;
    if (sessions.current() !== session) return fail('session_locked');
    const { db } = session.file;
    const at = now().toISOString();
    const value = db.transaction(() => {
      let entityId: string | null = null;
      let note: AuditNote | null = null;
      const tx: WriteTx = {
        db,
        user: session.user,
        at,
        audit: (id, overridden) => {
          entityId = id;
          note = overridden ?? null;
        },
      };
      const result = work(tx);
      appendAudit(db, { at, userId: session.user.id, op, entityId, note });
      return result;
    })();
    return { ok: true, value };
  }

  return {
    async dispatch(op, input) {
      if (typeof op !== 'string' || !isOpName(op)) return fail('unknown_operation');
      try {
        return await run(op, input);
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.fields, error.retryAfterSeconds);
        // Operation name, error class and call sites only: the message line may quote data.
        if (process.env.TADAMON_DEBUG) console.error(error);
        const frames = (error as Error)?.stack?.split('\n').slice(1).join('\n') ?? '';
        console.error(`[tadamon] ${op} failed: ${(error as Error)?.name ?? 'unknown error'}\n${frames}`);
        return fail('internal');
      }
    },
    close: () => sessions.lock('close'),
    whenIdle: async () => {
      await Promise.all([backups.whenIdle(), sessions.whenChecked()]);
    },
  };
}

/**
 * Null when reading the input throws: a getter that throws, or an object where zod expects a
 * string or number ({ length: { toString: '' } } makes zod's own length check throw). Such input
 * is refused as invalid, like any other, rather than reported as an internal failure.
 */
function parseInput(schema: z.ZodType, rawInput: unknown): ReturnType<z.ZodType['safeParse']> | null {
  try {
    return schema.safeParse(rawInput === undefined ? {} : rawInput);
  } catch {
    return null;
  }
}
