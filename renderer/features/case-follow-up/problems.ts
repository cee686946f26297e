import { get, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { OpFailure } from '../../app/ops';
import { i18n } from '../../i18n';
import { validationMessage } from '../../i18n/validation';
import { formResolver } from '../../ui/forms';

/**
 * The translation key of a problem code, from a form's own check (`abandon_reason_required`), from
 * zod (`too_small`) or from the core (`date_in_future`).
 */
export function problemKey(code: string): string {
  for (const key of [`followUp.problems.${code}`, `validation.${code}`, `errors.${code}`]) {
    if (i18n.exists(key)) return key;
  }
  return 'validation.invalid';
}

const isEmpty = (value: unknown) => value === '' || value === null || value === undefined;
const EMPTY_MEANS_REQUIRED = new Set(['invalid_format', 'invalid_value', 'invalid_type']);

/** Walks react-hook-form's error tree: leaves are `{ type, message, ref }`. */
function translateErrors(errors: Record<string, unknown>, values: FieldValues, prefix = ''): void {
  for (const [name, node] of Object.entries(errors)) {
    if (!node || typeof node !== 'object') continue;
    const path = prefix ? `${prefix}.${name}` : name;
    const leaf = node as { type?: unknown; message?: unknown };
    if (typeof leaf.type === 'string' && typeof leaf.message === 'string') {
      if (!leaf.message.startsWith('[')) leaf.message = validationMessage(problemKey(leaf.message));
      else if (EMPTY_MEANS_REQUIRED.has(leaf.type) && isEmpty(get(values, path))) {
        leaf.message = validationMessage('validation.required');
      }
    } else {
      translateErrors(node as Record<string, unknown>, values, path);
    }
  }
}

/**
 * The contract's schema as a form resolver, with the schema's own refinements (which carry a bare
 * code as message) and empty required dates or lists shown as translatable messages.
 */
export function contractResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  const resolve = formResolver(schema);
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    translateErrors(result.errors as FieldErrors as Record<string, unknown>, values);
    return result;
  };
}

/** Shows the core's per-field refusals (`{ closedOn: 'date_in_future' }`) next to those fields. */
export function showFieldProblems<T extends FieldValues, O extends FieldValues>(
  form: UseFormReturn<T, unknown, O>,
  error: OpFailure,
  fields: readonly Path<T>[],
): void {
  for (const [field, code] of Object.entries(error.fields ?? {})) {
    if ((fields as readonly string[]).includes(field)) {
      form.setError(field as Path<T>, { type: 'server', message: validationMessage(problemKey(code)) });
    }
  }
}
