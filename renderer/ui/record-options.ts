/** Choices of records named by a reference and a title (agreements, calls, activities): "REF — title". */
export const referenceOptions = (records: readonly { id: string; reference: string; title: string }[] | undefined) =>
  (records ?? []).map((r) => ({ value: r.id, label: `${r.reference} — ${r.title}` }));

/** Choices of budget lines: "code — label". */
export const budgetLineOptions = (lines: readonly { id: string; code: string; label: string }[] | undefined) =>
  (lines ?? []).map((l) => ({ value: l.id, label: `${l.code} — ${l.label}` }));
