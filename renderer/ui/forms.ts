import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
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
export function withConfirmation<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, field: keyof Shape & string) {
  return schema.extend({ confirmPassword: z.string() }).refine(
    (values) => {
      const typed = values as Record<string, unknown>;
      return typed[field] === typed.confirmPassword;
    },
    {
      path: ['confirmPassword'],
      message: validationMessage('validation.passwords_differ'),
      when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === field || issue.path?.[0] === 'confirmPassword'),
    },
  );
}

export function useFieldError(): (error: { message?: string } | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => translateMessage(t, error?.message);
}

/** What the operation receives: the form's values without the second typing of the password. */
export function withoutConfirmation<T extends { confirmPassword: string }>(values: T): Omit<T, 'confirmPassword'> {
  const input: Partial<T> = { ...values };
  delete input.confirmPassword;
  return input as Omit<T, 'confirmPassword'>;
}
