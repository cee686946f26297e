import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, LookupList, LookupValue } from '../../../electron/contract';
import { useOp } from '../../app/ops';

/** A list the association edits in Settings, and the label of a code in the UI language. */
export function useLookup(list: LookupList) {
  const { i18n } = useTranslation();
  const query = useOp('lookups.list', { list });
  const language = (i18n.resolvedLanguage ?? 'fr') as Locale;
  const values: LookupValue[] = query.data ?? [];
  const label = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '';
      return query.data?.find((v) => v.code === code)?.labels[language] ?? code;
    },
    [query.data, language],
  );
  /** Options for a select: values still in use, plus the one already chosen even if archived. */
  const options = (current?: string | null) =>
    values.filter((v) => !v.archived || v.code === current).map((v) => ({ value: v.code, label: v.labels[language] }));
  return { query, values, label, options };
}
