import { resolve } from 'node:path';
import { AppError } from '../errors';

/** Wrong passwords allowed in a row before each further try has to wait. */
export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_SECONDS = 300;

/**
 * A growing wait per file after repeated wrong passwords or recovery codes, in the running app:
 * 1 s after the third failure in a row, then 2, 4, 8… up to five minutes. Guessing at the sign-in
 * screen of a shared PC becomes slow; the person who mistyped twice notices nothing. A success
 * clears the count. (The keys file can still be copied and attacked offline: the KDF's cost is
 * what protects it there.)
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly clock: () => Date) {}

  /** Refuses (`too_many_attempts`, with the seconds left) while the file's wait runs. */
  check(path: string): void {
    const entry = this.failures.get(resolve(path));
    const left = entry ? entry.until - this.clock().getTime() : 0;
    if (left > 0) throw new AppError('too_many_attempts', undefined, Math.ceil(left / 1000));
  }

  failed(path: string): void {
    const key = resolve(path);
    const count = (this.failures.get(key)?.count ?? 0) + 1;
    const wait = count < FREE_ATTEMPTS ? 0 : Math.min(2 ** (count - FREE_ATTEMPTS), MAX_WAIT_SECONDS);
    this.failures.set(key, { count, until: this.clock().getTime() + wait * 1000 });
  }

  succeeded(path: string): void {
    this.failures.delete(resolve(path));
  }

  /** Runs a try of a secret on `path`: refused during the wait, counted when the secret is wrong. */
  async attempt<T>(path: string, work: () => Promise<T>): Promise<T> {
    this.check(path);
    try {
      const result = await work();
      this.succeeded(path);
      return result;
    } catch (error) {
      if (error instanceof AppError && (error.code === 'wrong_password' || error.code === 'wrong_recovery_code')) this.failed(path);
      throw error;
    }
  }
}
