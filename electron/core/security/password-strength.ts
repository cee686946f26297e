import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_SCORE } from '../../contract';
import { AppError } from '../errors';

let estimator: ZxcvbnFactory | null = null;

/**
 * The same estimate as the strength meter of the forms (renderer/ui/PasswordStrength.tsx): the
 * meter advises, this refuses, so a password the meter calls weak never guards the file, whoever
 * calls the operation.
 */
export function passwordScore(password: string, related: readonly string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // A name is guessed whole, word by word and run together ("nadiabennani").
  const words = related.flatMap((text) => [text, ...text.split(/\s+/), text.replace(/\s+/g, '')]).filter((w) => w.length > 0);
  return estimator.check(password, words).score;
}

/** Refuses (`weak_password`, at `field`) a new password scored below MIN_PASSWORD_SCORE. */
export function assertStrongPassword(password: string, related: readonly string[], field: string): void {
  if (passwordScore(password, related) < MIN_PASSWORD_SCORE) throw new AppError('weak_password', { [field]: 'weak_password' });
}
