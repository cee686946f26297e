import { describe, expect, it } from 'vitest';
import { SessionState, type Session } from '../../electron/core/session/state';

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('the whole-file checks a session starts', () => {
  it('are waited for until each has closed its connection, even after the session ended', async () => {
    const sessions = new SessionState(() => new Date('2026-05-06T10:00:00Z'));
    let finish!: () => void;
    const session = { integrity: 'checking' } as Session;
    sessions.checking(session, new Promise<void>((resolve) => (finish = resolve)));
    expect(session.integrityDone).toBeInstanceOf(Promise);
    sessions.lock('close'); // no session open in this state: the check alone is pending

    const idle = sessions.whenChecked();
    expect(await settled(idle)).toBe(false);
    finish();
    expect(await settled(idle)).toBe(true);
    expect(await settled(sessions.whenChecked())).toBe(true);
  });
});
