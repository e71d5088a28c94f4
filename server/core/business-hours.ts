/**
 * Business hours as plain data (SPEC.md H-1..H-4): whether a channel is open at an instant, in its
 * own time zone, with weekly ranges (overnight ones included) and holidays. Local time comes from
 * Intl, so daylight saving time follows the time zone database of the runtime.
 */
import { WEEKDAYS, type BusinessHours, type TimeRange, type Weekday } from '../../src/protocol/index.js';

/** Hours of a channel nobody configured: off, i.e. always open (H-1). */
export function defaultBusinessHours(): BusinessHours {
  const weekday = [{ from: '09:00', to: '17:00' }];
  return {
    enabled: false,
    timeZone: 'UTC',
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    holidays: [],
    offlineWhenNobodyOnline: false,
  };
}

/** The wall clock of an instant in a time zone: date `YYYY-MM-DD`, weekday, minutes since midnight. */
export interface LocalTime {
  date: string;
  weekday: Weekday;
  minutes: number;
}

const SHORT_DAYS: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
const formats = new Map<string, Intl.DateTimeFormat>();

/** H-2: the local date, weekday and time of `now` (ms since the epoch) in `timeZone`. */
export function localTime(now: number, timeZone: string): LocalTime {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: SHORT_DAYS[parts.weekday ?? ''] ?? 'mon',
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** H-3: a range whose end is not after its start runs past midnight. */
export function isOvernight(r: TimeRange): boolean {
  return toMinutes(r.to) <= toMinutes(r.from);
}

/** The date before `date` (`YYYY-MM-DD`), on the calendar, whatever the time zone. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const previousWeekday = (w: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(w) + 6) % 7];

/**
 * H-1..H-4: whether the channel is open at `now`. Disabled hours are always open. A holiday closes
 * its whole local date, the part of an overnight range spilling into it included; an overnight range
 * that starts on a holiday does not run either.
 */
export function isWithinBusinessHours(hours: BusinessHours, now: number): boolean {
  if (!hours.enabled) return true;
  const local = localTime(now, hours.timeZone);
  const holidays = new Set(hours.holidays);
  if (holidays.has(local.date)) return false;
  const today = hours.weekly[local.weekday].some((r) => {
    const from = toMinutes(r.from);
    return isOvernight(r) ? local.minutes >= from : local.minutes >= from && local.minutes < toMinutes(r.to);
  });
  if (today) return true;
  if (holidays.has(dayBefore(local.date))) return false;
  return hours.weekly[previousWeekday(local.weekday)].some((r) => isOvernight(r) && local.minutes < toMinutes(r.to));
}
