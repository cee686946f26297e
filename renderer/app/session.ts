import type { QueryClient } from '@tanstack/react-query';
import type { AppStatus, Locale, SessionInfo } from '../../electron/contract';
import { publicOpNames } from '../../electron/contract/public-ops';
import { OpFailure, opKey, useOp } from './ops';

export const statusKey = opKey('app.status', {});
const NOTICE = 'notice';

/** The core is the only source of who is signed in; everything else follows this one query. */
export function useAppStatus() {
  return useOp('app.status', {}, { staleTime: Infinity });
}

/**
 * Drops every answer read under a session, so no personal data outlives it in memory. The sign-in
 * notices stay (counts only): they are set anew by every sign-in, and a mounted notice keeps its query.
 */
function dropSessionData(client: QueryClient): void {
  client.removeQueries({
    predicate: ({ queryKey: [op] }) => op !== NOTICE && (typeof op !== 'string' || !publicOpNames.has(op)),
  });
}

function patchStatus(client: QueryClient, patch: (status: AppStatus) => AppStatus): void {
  client.setQueryData<AppStatus>(statusKey, (status) => status && patch(status));
}

/** How many planted key slots the last sign-in removed (shown once by SignInNotices). */
export const REMOVED_KEY_SLOTS_KEY = [NOTICE, 'removedKeySlots'] as const;
/** How many erasures the restore that signed in made again (shown once by SignInNotices). */
export const ERASURES_REAPPLIED_KEY = [NOTICE, 'erasuresReapplied'] as const;

export function enterSession(client: QueryClient, session: SessionInfo): void {
  dropSessionData(client);
  client.setQueryData(REMOVED_KEY_SLOTS_KEY, session.removedKeySlots ?? 0);
  client.setQueryData(ERASURES_REAPPLIED_KEY, 0);
  patchStatus(client, (status) => ({ ...status, session, locale: session.user.locale }));
  // Refreshes the recent files list, which the sign-in just changed.
  void client.invalidateQueries({ queryKey: statusKey });
}

export function updateSession(client: QueryClient, session: SessionInfo): void {
  patchStatus(client, (status) => ({ ...status, session }));
}

export function rememberLocale(client: QueryClient, locale: Locale): void {
  patchStatus(client, (status) => ({ ...status, locale }));
}

export function leaveSession(client: QueryClient): void {
  dropSessionData(client);
  patchStatus(client, (status) => ({ ...status, session: null }));
}

/** Any operation can learn that the core locked the file (idle timeout) or wants a new password first. */
export function followSessionErrors(client: QueryClient, error: Error): void {
  if (!(error instanceof OpFailure)) return;
  if (error.code === 'session_locked' || error.code === 'no_open_file') {
    leaveSession(client);
    void client.invalidateQueries({ queryKey: statusKey });
  } else if (error.code === 'password_change_required') {
    void client.invalidateQueries({ queryKey: statusKey });
  }
}
