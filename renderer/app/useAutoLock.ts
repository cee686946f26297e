import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';

const activity: (keyof DocumentEventMap)[] = ['keydown', 'mousemove', 'mousedown', 'wheel', 'touchstart', 'scroll'];

/** Locks after the association's idle limit: the office PC is shared and often left switched on. */
export function useAutoLock(minutes: number, lock: () => void): void {
  const idle = useIdle(minutes * 60_000, { events: activity, initialState: false });
  useEffect(() => {
    if (idle) lock();
  }, [idle, lock]);
}
