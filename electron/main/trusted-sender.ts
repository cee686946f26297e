import { isAppUrl } from './app-protocol';

/** The parts of Electron's `WebFrameMain` the check needs; tests pass plain objects. */
export interface FrameLike {
  url: string;
  parent: unknown | null;
  processId: number;
  frameToken: string;
  detached?: boolean;
}

/**
 * True only for the top frame of our own window showing our own pages. Electron may hand out
 * distinct `WebFrameMain` objects for one frame, so frames are compared by process id and frame
 * token (together unique) rather than by identity. A detached frame is one being replaced by a
 * navigation: its page is already on its way out and gets nothing.
 */
export function isTrustedSender(
  frame: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.detached === true) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.frameToken !== mainFrame.frameToken) return false;
  return isAppUrl(frame.url);
}
