import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/contract';
import { createIpcHandler, type Dispatch } from '../../../electron/main/ipc-handler';

interface FakeEvent {
  trusted: boolean;
}

function setup(dispatchImpl?: Dispatch) {
  const dispatch = vi.fn<Dispatch>(dispatchImpl ?? (async () => ({ ok: true, value: 'answer' })));
  const handler = createIpcHandler<FakeEvent>({ dispatch, isTrusted: (event) => event.trusted });
  return { dispatch, handler };
}

describe('createIpcHandler', () => {
  it('passes a trusted call with a known operation to the core and returns its result', async () => {
    const { dispatch, handler } = setup();
    const input = { path: '/home/amal/amal.tadamon' };
    expect(await handler({ trusted: true }, 'file.inspect', input)).toEqual({ ok: true, value: 'answer' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('file.inspect', input);
  });

  it('returns the core error results unchanged', async () => {
    const failure: Result<unknown> = { ok: false, error: { code: 'invalid_input', fields: { path: 'too_small' } } };
    const { handler } = setup(async () => failure);
    expect(await handler({ trusted: true }, 'file.inspect', { path: '' })).toEqual(failure);
  });

  it('forbids an untrusted sender without calling the core, whatever it asks', async () => {
    const { dispatch, handler } = setup();
    expect(await handler({ trusted: false }, 'app.status', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ trusted: false }, 'no.such.op', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses names outside the contract without calling the core', async () => {
    const { dispatch, handler } = setup();
    for (const op of ['no.such.op', '__proto__', 'constructor', 'toString', '', 42, null, undefined, { op: 'app.status' }]) {
      expect(await handler({ trusted: true }, op, {})).toEqual({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throw into internal without leaking its message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handler } = setup(async () => {
      throw new TypeError('Fatima Zahra, born 1998');
    });
    const result = await handler({ trusted: true }, 'app.status', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(log.mock.calls)).not.toContain('Fatima');
    log.mockRestore();
  });
});
