import type { ImportReason } from '../../../contract';

export type DateReading = { ok: true; iso: string; yearOnly: boolean } | { ok: false; reason: ImportReason };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers beyond this are not dates a person or a consent form can have (year 2118). */
const LAST_SERIAL = 80_000;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** Two-digit years: the latest century that does not put the date after this year. */
function fullYear(text: string, thisYear: number): number {
  const yy = Number(text);
  if (text.length === 4) return yy;
  return 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
}

function calendarDay(value: string, year: number, month: number, day: number): DateReading {
  if (month < 1 || month > 12) return { ok: false, reason: { code: 'no_such_month', value } };
  if (day < 1 || day > daysIn(year, month)) {
    const leapDay = month === 2 && day === 29;
    return { ok: false, reason: leapDay ? { code: 'not_leap_year', value, year } : { code: 'no_such_day', value } };
  }
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}`, yearOnly: false };
}

/**
 * A date as associations type or store it: an Excel serial number, `dd/mm/yyyy`, `d/m/yy` (also
 * with `.` or `-`), ISO `yyyy-mm-dd`, or a year alone. What cannot be a real day says why, quoting
 * the text as written.
 */
export function readDate(text: string, thisYear: number): DateReading {
  const value = text.trim();
  if (/^\d{4}$/.test(value)) return { ok: true, iso: `${value}-01-01`, yearOnly: true };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(value);
  if (iso) return calendarDay(value, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(value);
  if (dmy) return calendarDay(value, fullYear(dmy[3], thisYear), Number(dmy[2]), Number(dmy[1]));
  if (/^\d+(\.\d+)?$/.test(value) && Number(value) > 0 && Number(value) < LAST_SERIAL) {
    const day = new Date(EXCEL_EPOCH + Math.floor(Number(value)) * DAY_MS);
    return { ok: true, iso: day.toISOString().slice(0, 10), yearOnly: false };
  }
  return { ok: false, reason: { code: 'unreadable_date', value } };
}
