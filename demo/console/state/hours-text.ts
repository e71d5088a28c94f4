/**
 * Business hours as admins type them: one line per weekday such as `09:00-12:00, 14:00-18:00`
 * (empty: closed; `22:00-06:00` runs overnight) and one holiday date per line. The server's schema
 * checks the result again.
 */
import { WEEKDAYS, type BusinessHours, type TimeRange, type Weekday } from '../../../src/protocol/index.js';

/** Weekday names as the form shows them. */
export const WEEKDAY_LABEL: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** `09:00-17:00, 18:00-20:00` for the ranges of a day. */
export function formatRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.from}-${r.to}`).join(', ');
}

/** The ranges of a line, or the part that is not a range (`9-5` reads as 09:00-05:00 only with minutes). */
export function parseRanges(line: string): { ok: true; ranges: TimeRange[] } | { ok: false; bad: string } {
  const ranges: TimeRange[] = [];
  for (const part of line
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return { ok: false, bad: part };
    const pad = (h: string, min: string) => `${h.padStart(2, '0')}:${min}`;
    ranges.push({ from: pad(m[1], m[2]), to: pad(m[3], m[4]) });
  }
  return { ok: true, ranges };
}

/** Holiday dates, one per line (blank lines skipped). */
export function parseHolidays(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The weekly ranges from one line per weekday; the first bad line is named. */
export function parseWeekly(
  lines: Readonly<Record<Weekday, string>>,
): { ok: true; weekly: BusinessHours['weekly'] } | { ok: false; message: string } {
  const weekly = {} as BusinessHours['weekly'];
  for (const day of WEEKDAYS) {
    const r = parseRanges(lines[day]);
    if (!r.ok) return { ok: false, message: `${WEEKDAY_LABEL[day]}: "${r.bad}" is not a range such as 09:00-17:00.` };
    weekly[day] = r.ranges;
  }
  return { ok: true, weekly };
}

/** The time zones this browser knows, for the picker's suggestions. */
export function knownTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC'];
}
