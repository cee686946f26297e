import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldProblems } from '../../../electron/contract';
import type { OpFailure } from '../../app/ops';
import { i18n } from '../../i18n';

/** The translation key of a problem code: the form's own, zod's (`too_small`) or the core's. */
export function problemKey(code: string): string {
  for (const key of [`grants.problems.${code}`, `validation.${code}`, `errors.${code}`]) {
    if (i18n.exists(key)) return key;
  }
  return 'validation.invalid';
}

/**
 * Per-field problems of a grants form: the contract's schema checks the input before it is sent,
 * and the core's refusals come back on the same field paths (`tranches.1.dueDate`).
 */
export function useFieldProblems() {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<Record<string, string>>({});
  return {
    /** Field path (`name`, `tranches.1.dueDate`) → its translated problem. */
    errors: Object.fromEntries(Object.entries(codes).map(([path, code]) => [path, t(problemKey(code))])) as Partial<Record<string, string>>,
    any: Object.keys(codes).length > 0,
    /** Parses with the contract's schema; `extra` adds the form's own problems (an amount that does not parse). */
    check<S extends z.ZodType>(schema: S, input: unknown, extra: Record<string, string> = {}): z.output<S> | null {
      const parsed = schema.safeParse(input);
      const found = { ...(parsed.success ? {} : fieldProblems(parsed.error)), ...extra };
      setCodes(found);
      return parsed.success && Object.keys(extra).length === 0 ? parsed.data : null;
    },
    fromFailure(error: OpFailure) {
      setCodes(error.fields ?? {});
    },
    clear: () => setCodes({}),
  };
}
