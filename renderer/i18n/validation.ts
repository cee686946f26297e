import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Form messages are stored as a translation key plus values, and translated only when shown, so an
 * error already on screen follows a language switch.
 */
export function validationMessage(key: string, values: Record<string, string | number> = {}): string {
  return JSON.stringify([key, values]);
}

export function translateMessage(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  try {
    const [key, values] = JSON.parse(message) as [string, Record<string, string | number>];
    return t(key, values);
  } catch {
    return t('validation.invalid');
  }
}

/** The error map given to zod when a form validates with a contract schema. */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? validationMessage('validation.required')
          : validationMessage('validation.too_short', { minimum: Number(issue.minimum) });
      }
      return validationMessage('validation.too_small_number', { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? validationMessage('validation.too_long', { maximum: Number(issue.maximum) })
        : validationMessage('validation.too_big_number', { maximum: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return validationMessage('validation.not_integer');
      return issue.input === undefined || issue.input === '' || Number.isNaN(issue.input)
        ? validationMessage('validation.required')
        : validationMessage('validation.invalid');
    case 'invalid_format':
      return validationMessage(issue.format === 'date' ? 'validation.invalid_date' : 'validation.invalid_format');
    case 'invalid_value':
      return issue.input === '' || issue.input === undefined
        ? validationMessage('validation.required')
        : validationMessage('validation.invalid');
    default:
      return validationMessage('validation.invalid');
  }
};
