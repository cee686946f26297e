import type { LookupList, LookupValue } from '../../../electron/contract';
import { useTranslation } from 'react-i18next';
import { opKey, useOp } from '../../app/ops';

/** Every editable list at once: small, read often, refreshed when Settings saves a value. */
export function useLookups() {
  return useOp('lookups.list', {}, { staleTime: 5 * 60_000 });
}

export const lookupsKey = opKey('lookups.list');

type Lang = keyof LookupValue['labels'];
const langOf = (lang: string | undefined): Lang => (lang === 'ar' || lang === 'en' ? lang : 'fr');

export function useLookupLabels() {
  const { i18n } = useTranslation();
  const lookups = useLookups();
  const lang = langOf(i18n.resolvedLanguage);
  const values = lookups.data ?? [];

  /** The label of a code in the UI language; the code itself while loading or if unknown. */
  const label = (list: LookupList, code: string): string =>
    values.find((v) => v.list === list && v.code === code)?.labels[lang] ?? code;

  /** Per-list shorthands, for use inside JSX (`of.category(code)`). */
  const of = {
    category: (code: string) => label('category', code),
    legalStatus: (code: string) => label('legalStatus', code),
    vulnerability: (code: string) => label('vulnerability', code),
    procedureType: (code: string) => label('procedureType', code),
  };

  const find = (list: LookupList, code: string): LookupValue | undefined =>
    values.find((v) => v.list === list && v.code === code);

  /**
   * Choices for a select: the values still in use, plus the ones a record already holds even if
   * retired since, so editing an old record never silently changes it.
   */
  const options = (list: LookupList, keep: readonly string[] = []) =>
    values
      .filter((v) => v.list === list && (!v.archived || keep.includes(v.code)))
      .map((v) => ({ value: v.code, label: v.labels[lang], sensitive: v.sensitive }));

  return { label, of, find, options, isPending: lookups.isPending, error: lookups.error };
}
