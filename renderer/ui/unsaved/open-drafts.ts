import { useEffect, useSyncExternalStore } from 'react';

// How many forms on screen hold changes not saved yet: the shell asks before locking over them.
let openDrafts = 0;
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOpenDraft(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return undefined;
    openDrafts += 1;
    notify();
    return () => {
      openDrafts -= 1;
      notify();
    };
  }, [dirty]);
}

export function useHasOpenDraft(): boolean {
  return useSyncExternalStore(subscribe, () => openDrafts > 0);
}
