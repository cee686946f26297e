import type { Schedule, ScheduledDate } from '../../contract';

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export function addDays(date: string, days: number): string {
  return isoOf(dayNumber(date) + days);
}

/**
 * The dates of a repeating schedule, in order: each chosen weekday from `startDate` through
 * `endDate`, or through the last day of the `weeks`-th week (the first week starts on
 * `startDate`). Holidays stay in the list, marked skipped, so the form can show them crossed out.
 * Pure: no clock, no database.
 */
export function scheduleDates(schedule: Pick<Schedule, 'weekdays' | 'startDate' | 'weeks' | 'endDate' | 'skipDates'>): ScheduledDate[] {
  const first = dayNumber(schedule.startDate);
  const last = schedule.endDate !== undefined ? dayNumber(schedule.endDate) : first + 7 * (schedule.weeks ?? 1) - 1;
  const weekdays = new Set(schedule.weekdays);
  const holidays = new Set(schedule.skipDates);
  const dates: ScheduledDate[] = [];
  for (let day = first; day <= last; day++) {
    const date = isoOf(day);
    if (weekdays.has(isoWeekday(date))) dates.push({ date, skipped: holidays.has(date) ? 'holiday' : null });
  }
  return dates;
}
