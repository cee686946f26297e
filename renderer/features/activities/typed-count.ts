/**
 * A number of people as typed, for the contract to judge: "2.5" or "-3" reach it as such and are
 * refused at their field (never rounded or dropped while typing, as a number input would); text
 * that is no number at all reaches it as text, refused the same way. Blank stays blank ("required").
 */
export function typedCount(text: string): number | '' {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed.replace(',', '.'));
  return Number.isNaN(n) ? (trimmed as unknown as number) : n;
}
