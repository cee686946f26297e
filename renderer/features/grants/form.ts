import { useTranslation } from 'react-i18next';
import { set, type FieldError, type FieldErrors, type FieldPath, type FieldValues, type Resolver, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { parseMoney, parseRate } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { i18n } from '../../i18n';
import { translateMessage } from '../../i18n/validation';
import { formResolver } from '../../ui/forms';

/** The translation key of a problem code: the form's own, zod's (`too_small`) or the core's. */
export function problemKey(code: string): string {
  for (const key of [`grants.problems.${code}`, `validation.${code}`, `errors.${code}`]) {
    if (i18n.exists(key)) return key;
  }
  return 'validation.invalid';
}

/**
 * A field's message: the contract's refinements and the core's refusals carry a snake_case code
 * (`rib_key`, `disbursement_exceeds_agreement`); zod's own checks a stored message (`ui/forms`).
 */
export function useGrantsFieldError(): (error: { message?: unknown } | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    const message = typeof error?.message === 'string' ? error.message : undefined;
    if (!message) return undefined;
    return /^[a-z_]+$/.test(message) ? t(problemKey(message)) : translateMessage(t, message);
  };
}

/** Reads what people type as text: an amount or a rate that does not parse is that field's own problem (and left blank). */
export interface TypedReader {
  /** "1 234,56" → centimes, through the contract's `parseMoney`. */
  money(text: string, path: string): number | '';
  /** "10,8345" → millionths, through the contract's `parseRate`. */
  rate(text: string, path: string): number | '';
}

/** An input as a form holds it: any value may still be blank (''). */
export type AsTyped<T> = T extends string | number ? T | '' : T extends readonly (infer U)[] ? AsTyped<U>[] : T extends object ? { [K in keyof T]: AsTyped<T[K]> } : T;

/**
 * A blank input is not given: absent, so the contract says "required" where it needs one (rather
 * than "invalid format" for an empty date) and "none" where it does not.
 */
function withoutBlanks(value: unknown): unknown {
  if (value === '') return undefined;
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withoutBlanks(v)]));
  }
  return value;
}

/**
 * react-hook-form's resolver for a grants form: the draft (the contract's field names, amounts as
 * typed) becomes the operation's input, which the contract's own schema checks. An amount that
 * does not parse is reported at its field with the parser's word for it rather than zod's, and is
 * left out, which keeps the contract's checks across fields (`above_envelope`) from running on a
 * value nobody typed.
 */
export function grantsResolver<D extends FieldValues, S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  toInput: (draft: D, read: TypedReader) => AsTyped<z.input<S>>,
): Resolver<D, unknown, z.output<S>> {
  const contract = formResolver(schema);
  return async (draft, context, options) => {
    const unreadable: Record<string, string> = {};
    const reader = (parse: (text: string) => number | null, code: string) => (text: string, path: string) => {
      const value = parse(text);
      if (value === null) unreadable[path] = text.trim() ? code : 'required';
      return value ?? '';
    };
    const input = toInput(draft, { money: reader(parseMoney, 'money_invalid'), rate: reader(parseRate, 'rate_invalid') });
    const result = await contract(withoutBlanks(input) as z.input<S>, context, options as never);
    if (Object.keys(unreadable).length === 0) return result as Awaited<ReturnType<Resolver<D, unknown, z.output<S>>>>;
    const errors: FieldErrors<D> = { ...result.errors } as FieldErrors<D>;
    for (const [path, message] of Object.entries(unreadable)) set(errors, path, { type: 'typed', message } satisfies FieldError);
    return { values: {}, errors };
  };
}

/**
 * The core's refusals (`fields`: path → code) under their inputs, the first one focused; `inputOf`
 * names the input of a path the form holds under another name.
 */
export function showFailureFields<D extends FieldValues>(
  form: { setError: UseFormSetError<D> },
  failure: OpFailure,
  inputOf: Record<string, FieldPath<D>> = {},
) {
  Object.entries(failure.fields ?? {})
    .filter(([path]) => path !== '_')
    .forEach(([path, code], i) => form.setError(inputOf[path] ?? (path as FieldPath<D>), { type: 'server', message: code }, { shouldFocus: i === 0 }));
}

/** A row the core already has keeps its id (rows carry it as `…Id`: the field array keys its rows by `id`). */
export const savedId = (id: string | undefined): { id?: string } => (id ? { id } : {});
