import { expect } from 'vitest';

/** The page answers after scrypt and a render, slower on a busy machine: wait for it, within reason. */
export const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
