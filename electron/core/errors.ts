import type { ErrorCode } from '../contract/errors';

/** An expected failure with a stable code; anything else thrown is reported as `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
