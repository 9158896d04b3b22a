import { bankHolidayYears, englandAndWalesBankHolidays } from "./bank-holidays.js";
import { DomainError } from "./errors.js";

// Statutory timescales ("within 10 working days") are counted in England and
// Wales working days: Monday to Friday, excluding bank holidays.
//
// Dates are ISO calendar dates ("YYYY-MM-DD") with no time of day. All
// arithmetic is done in UTC on whole days so that a clock change or the
// server's time zone can never move a due date.
//
// Every date read or produced must fall inside the years the bank holiday
// data covers; otherwise we refuse (outside_calendar) rather than silently
// treat an unknown year as having no bank holidays.

const millisecondsPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const bankHolidayDates: ReadonlySet<string> = new Set(englandAndWalesBankHolidays.map((holiday) => holiday.date));

/** True if `date` is a Monday to Friday that is not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  const day = calendarDay(date);
  return isWeekday(day) && !bankHolidayDates.has(date);
}

/** True if `date` is an England and Wales bank holiday. */
export function isBankHoliday(date: string): boolean {
  calendarDay(date);
  return bankHolidayDates.has(date);
}

/**
 * The date `n` working days after `start`.
 *
 * Counting starts on the day after `start`, as statutory timescales do: a
 * referral received on Monday 6 January 2025 with "10 working days" is due on
 * Monday 20 January 2025, whatever kind of day `start` itself is.
 *
 * `n = 0` means "the first working day on or after `start`": `start` itself if
 * it is a working day, otherwise the next working day.
 */
export function addWorkingDays(start: string, n: number): string {
  assertWorkingDayCount(n);
  let day = calendarDay(start);
  if (n === 0) {
    while (!isWorkingDayNumber(day)) day = nextDay(day, start, n);
    return formatDay(day);
  }
  let remaining = n;
  while (remaining > 0) {
    day = nextDay(day, start, n);
    if (isWorkingDayNumber(day)) remaining -= 1;
  }
  return formatDay(day);
}

/**
 * The number of working days after `start` up to and including `end`, so that
 * `workingDaysBetween(start, addWorkingDays(start, n)) === n` for n ≥ 1.
 * `start` itself is never counted; the result is 0 if `end` is on or before `start`.
 */
export function workingDaysBetween(start: string, end: string): number {
  const first = calendarDay(start);
  const last = calendarDay(end);
  let count = 0;
  for (let day = first + 1; day <= last; day += 1) {
    if (isWorkingDayNumber(day)) count += 1;
  }
  return count;
}

// Days are held as whole days since 1970-01-01 (UTC) so that stepping is plain
// integer arithmetic with no time-of-day to drift.
function calendarDay(date: string): number {
  const day = parseIsoDate(date);
  assertInsideCalendar(date, yearOf(day));
  return day;
}

function parseIsoDate(date: string): number {
  const match = typeof date === "string" ? isoDatePattern.exec(date) : null;
  if (match === null) {
    throw new DomainError("invalid_record", `"${String(date)}" is not a date in the form YYYY-MM-DD.`, { date });
  }
  const [, year, month, dayOfMonth] = match.map(Number) as [number, number, number, number];
  const milliseconds = Date.UTC(year, month - 1, dayOfMonth);
  const parsed = new Date(milliseconds);
  // Date.UTC rolls impossible days over (30 February becomes 2 March), so a
  // round trip is the simplest check that the date really exists.
  if (parsed.getUTCFullYear() !== year || parsed.getUTCMonth() !== month - 1 || parsed.getUTCDate() !== dayOfMonth) {
    throw new DomainError("invalid_record", `${date} is not a real calendar date.`, { date });
  }
  return milliseconds / millisecondsPerDay;
}

function assertInsideCalendar(date: string, year: number): void {
  if (year < bankHolidayYears.first || year > bankHolidayYears.last) {
    throw new DomainError(
      "outside_calendar",
      `${date} is outside the working-day calendar, which covers England and Wales bank holidays ` +
        `from ${bankHolidayYears.first} to ${bankHolidayYears.last} only.`,
      { date, firstYear: bankHolidayYears.first, lastYear: bankHolidayYears.last },
    );
  }
}

function assertWorkingDayCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DomainError("invalid_record", `The number of working days must be a whole number of 0 or more, not ${n}.`, {
      n,
    });
  }
}

// Stepping forward can walk off the end of the data; say which timescale did.
function nextDay(day: number, start: string, n: number): number {
  const next = day + 1;
  if (yearOf(next) > bankHolidayYears.last) {
    const date = formatDay(next);
    throw new DomainError(
      "outside_calendar",
      `${n} working days from ${start} reaches ${date}, beyond the working-day calendar, which covers ` +
        `England and Wales bank holidays from ${bankHolidayYears.first} to ${bankHolidayYears.last} only.`,
      { date, start, n, firstYear: bankHolidayYears.first, lastYear: bankHolidayYears.last },
    );
  }
  return next;
}

function isWorkingDayNumber(day: number): boolean {
  return isWeekday(day) && !bankHolidayDates.has(formatDay(day));
}

function isWeekday(day: number): boolean {
  const weekday = new Date(day * millisecondsPerDay).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function yearOf(day: number): number {
  return new Date(day * millisecondsPerDay).getUTCFullYear();
}

function formatDay(day: number): string {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}
