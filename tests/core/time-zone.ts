import { afterEach, beforeEach } from 'vitest';

/**
 * The office PC's time zone for each test of the enclosing block (Node reads TZ again whenever it
 * is set), put back afterwards.
 */
export function useTimeZone(zone: string): void {
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
