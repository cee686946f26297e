/**
 * A day typed as people write it here (`dd/mm/yyyy`, also with `.` or `-`), or as stored
 * (`yyyy-mm-dd`): its ISO form when it is a real calendar day, else null (30/02, month 13…).
 */
export function parseTypedDate(text: string): string | null {
  const typed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(typed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What the field shows for a stored value: `dd/mm/yyyy` for a day, the typed text itself otherwise. */
export function typedFromValue(value: string | null | undefined): string {
  if (!value) return '';
  const match = isoDay.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** True for a stored day (`YYYY-MM-DD` that exists); false for '' or text still being typed. */
export const isIsoDay = (value: string): boolean => parseTypedDate(value) === value;
