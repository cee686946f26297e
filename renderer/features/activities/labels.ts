import { useLookupLabels } from '../beneficiaries/lookups';

/** Lookup labels of the lists an activity uses, as plain functions for JSX. */
export function useActivityLabels() {
  const lookups = useLookupLabels();
  return {
    ...lookups,
    theme: (code: string) => lookups.label('theme', code),
    type: (code: string) => lookups.label('activityType', code),
    category: (code: string) => lookups.label('category', code),
  };
}
