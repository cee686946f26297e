import type { FieldValues, Path, Resolver, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { OpFailure } from '../../app/ops';
import { i18n } from '../../i18n';
import { validationMessage } from '../../i18n/validation';
import { formResolver } from '../../ui/forms';

/** The translation key of a problem code from the members or cooperatives contract, zod or the core. */
export function problemKey(code: string): string {
  for (const key of [`members.problems.${code}`, `cooperatives.problems.${code}`, `validation.${code}`, `errors.${code}`]) {
    if (i18n.exists(key)) return key;
  }
  return 'validation.invalid';
}

/** Walks react-hook-form's error tree; the schema's own refinements carry a bare code as message. */
function translateCodes(errors: Record<string, unknown>): void {
  for (const node of Object.values(errors)) {
    if (!node || typeof node !== 'object') continue;
    const leaf = node as { type?: unknown; message?: unknown };
    if (typeof leaf.type === 'string' && typeof leaf.message === 'string') {
      if (!leaf.message.startsWith('[')) leaf.message = validationMessage(problemKey(leaf.message));
    } else {
      translateCodes(node as Record<string, unknown>);
    }
  }
}

/** A contract schema as a form resolver, its refinement codes shown as translated messages. */
export function areaResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  const resolve = formResolver(schema);
  return async (values, context, options) => {
    const result = await resolve(values, context, options);
    translateCodes(result.errors as Record<string, unknown>);
    return result;
  };
}

/** The core's per-field refusals (`{ number: 'duplicate_member_number' }`) shown next to those fields. */
export function showFieldProblems<T extends FieldValues, O extends FieldValues>(form: UseFormReturn<T, unknown, O>, error: OpFailure): void {
  for (const [field, code] of Object.entries(error.fields ?? {})) {
    form.setError(field as Path<T>, { type: 'server', message: validationMessage(problemKey(code)) });
  }
}
