import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { issueMessage, translateMessage, validationMessage } from '../i18n/validation';

/** Validates a form with a contract schema, with messages the form translates when it shows them. */
export function formResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return zodResolver(schema, { error: issueMessage });
}

/**
 * Adds a "type it again" field to a contract schema. The check runs as soon as the password itself
 * is valid, not only once every other field is.
 */
export function withConfirmation<S extends z.ZodObject>(schema: S, field: keyof z.output<S> & string) {
  return schema.extend({ confirmPassword: z.string() }).refine(
    (values) => (values as Record<string, unknown>)[field] === values.confirmPassword,
    {
      path: ['confirmPassword'],
      message: validationMessage('validation.passwords_differ'),
      when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === field || issue.path?.[0] === 'confirmPassword'),
    },
  );
}

export function useFieldError(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => translateMessage(t, error?.message);
}
