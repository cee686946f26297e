import type { Location } from 'react-router';

/** How a form leaves for the record it has just saved: no question, and the record says it was saved. */
export const afterSave = { state: { saved: true } } as const;

export const isAfterSave = (location: Location): boolean => (location.state as { saved?: boolean } | null)?.saved === true;

/** Leaving after a save, or with the typed values kept: nothing to ask. */
export const losesNothing = (location: Location): boolean => {
  const state = location.state as { saved?: boolean; draftKept?: boolean } | null;
  return state?.saved === true || state?.draftKept === true;
};
