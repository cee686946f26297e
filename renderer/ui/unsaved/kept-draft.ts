/**
 * A form's typed values kept in memory (never on disk) while the person looks at another record,
 * e.g. the possible duplicate of the person they are registering: one at a time, taken back once.
 */
export interface KeptDraft {
  /** Where the form lives, to go back to it. */
  path: string;
  values: unknown;
}

let kept: KeptDraft | null = null;

export function keepDraft(draft: KeptDraft): void {
  kept = draft;
}

export function keptDraft(): KeptDraft | null {
  return kept;
}

/** The values kept for the form at `path`, handed over once. */
export function takeDraft<T>(path: string): T | null {
  if (kept?.path !== path) return null;
  const values = kept.values as T;
  kept = null;
  return values;
}

/** How a form leaves while its draft is kept: no question, nothing is lost. */
export const withDraftKept = { state: { draftKept: true } } as const;
