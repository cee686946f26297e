import { describe, expect, it } from 'vitest';
import { isTrustedSender, type FrameLike } from '../../../electron/main/trusted-sender';

const mainFrame: FrameLike = {
  url: 'app://tadamon/index.html#/welcome',
  parent: null,
  processId: 4,
  frameToken: 'A1B2',
  detached: false,
};

/** Electron may give a new wrapper object for the same frame: a copy stands for that. */
const sameFrame = (changes: Partial<FrameLike> = {}): FrameLike => ({ ...mainFrame, ...changes });

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on our origin', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    expect(isTrustedSender(sameFrame(), mainFrame)).toBe(true);
    expect(isTrustedSender(sameFrame({ detached: undefined }), mainFrame)).toBe(true);
  });

  it('refuses a missing sender or a missing window', () => {
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(undefined, mainFrame)).toBe(false);
    expect(isTrustedSender(mainFrame, null)).toBe(false);
    expect(isTrustedSender(mainFrame, undefined)).toBe(false);
  });

  it('refuses a subframe, even one on our origin', () => {
    expect(isTrustedSender(sameFrame({ parent: mainFrame }), mainFrame)).toBe(false);
    expect(isTrustedSender(sameFrame({ parent: mainFrame, frameToken: 'C3' }), mainFrame)).toBe(false);
  });

  it('refuses another frame or process', () => {
    expect(isTrustedSender(sameFrame({ frameToken: 'OTHER' }), mainFrame)).toBe(false);
    expect(isTrustedSender(sameFrame({ processId: 5 }), mainFrame)).toBe(false);
  });

  it('refuses our frame once it shows anything but our pages', () => {
    for (const url of ['https://example.org/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank', '']) {
      expect(isTrustedSender(sameFrame({ url }), mainFrame), url).toBe(false);
    }
  });

  it('refuses a detached frame', () => {
    expect(isTrustedSender(sameFrame({ detached: true }), mainFrame)).toBe(false);
  });
});
