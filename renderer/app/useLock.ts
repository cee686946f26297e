import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useOpMutation } from './ops';
import { leaveSession } from './session';

/** Locks the file; whatever the answer, the screen leaves the session (the guard goes to sign-in). */
export function useLock(): () => void {
  const client = useQueryClient();
  const { mutate } = useOpMutation('session.lock', { onSettled: () => leaveSession(client) });
  return useCallback(() => mutate({}), [mutate]);
}
