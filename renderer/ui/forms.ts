import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Path, Resolver, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorCodes } from '../../electron/contract';
import type { OpFailure } from '../app/ops';
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

/**
 * Puts the problems the core found at their fields (`{ field: code }`, e.g. a new password it
 * judged too weak), the first one focused. True when it did: the form then needs no general alert.
 */
export function showAtFields<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, error: OpFailure): boolean {
  const problems = fieldProblemsOf(form, error);
  problems.forEach(([field, code], i) => {
    const key = (errorCodes as readonly string[]).includes(code) ? `errors.${code}` : `validation.${code}`;
    form.setError(field as Path<T>, { message: validationMessage(key) }, { shouldFocus: i === 0 });
  });
  return problems.length > 0;
}

const fieldProblemsOf = <T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, error: OpFailure | null) =>
  Object.entries(error?.fields ?? {}).filter(([field]) => field in form.getValues());

/** The error for a form's general alert: none when its problems are shown at the fields. */
export function generalError<T extends FieldValues, O>(form: UseFormReturn<T, unknown, O>, error: OpFailure | null): OpFailure | null {
  return fieldProblemsOf(form, error).length > 0 ? null : error;
}
