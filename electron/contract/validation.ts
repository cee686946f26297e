import type { z } from 'zod';

/**
 * The translation key of a validation problem: our own refinements carry a snake_case message
 * (`consent_required`); zod's built-in checks are named by their issue code (`too_small`).
 */
export function issueKey(issue: z.core.$ZodIssue): string {
  return /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code;
}

/** Field path (dot-joined) → key of its first problem. */
export function fieldProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || '_'] ??= issueKey(issue);
  return fields;
}
