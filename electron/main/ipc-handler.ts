import { isOpName, type OpError, type Result } from '../contract';

export type Dispatch = (op: string, input: unknown) => Promise<Result<unknown>>;

const fail = (code: OpError['code']): Result<never> => ({ ok: false, error: { code } });

/**
 * Builds the `ipcMain.handle(INVOKE_CHANNEL, ...)` listener. The sender is checked before
 * anything else so an untrusted frame learns nothing, not even which names exist; only names
 * from the contract reach the core. A rejected promise would carry its message into the page,
 * so any throw becomes `internal`.
 */
export function createIpcHandler<E>(options: {
  dispatch: Dispatch;
  isTrusted: (event: E) => boolean;
}): (event: E, op: unknown, input: unknown) => Promise<Result<unknown>> {
  return async (event, op, input) => {
    if (!options.isTrusted(event)) return fail('forbidden');
    if (typeof op !== 'string' || !isOpName(op)) return fail('unknown_operation');
    try {
      return await options.dispatch(op, input);
    } catch (error) {
      // The name only: a message may quote personal data.
      console.error(`[tadamon] ${op} threw ${(error as Error)?.name ?? 'a non-error'}`);
      return fail('internal');
    }
  };
}
