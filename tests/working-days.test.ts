import { describe, expect, it } from "vitest";
import { bankHolidayYears, englandAndWalesBankHolidays } from "../api/domain/bank-holidays.js";
import { DomainError } from "../api/domain/errors.js";
import { addWorkingDays, isBankHoliday, isWorkingDay, workingDaysBetween } from "../api/domain/working-days.js";

function domainErrorFrom(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError to be thrown");
}

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher), written independently of
// the data so the Easter dates are checked rather than copied.
function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function isoPlusDays(year: number, month: number, day: number, offset: number): string {
  return new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10);
}

const coveredYears = Array.from(
  { length: bankHolidayYears.last - bankHolidayYears.first + 1 },
  (_, index) => bankHolidayYears.first + index,
);

describe("bank holiday data", () => {
  it("covers at least 2018 to 2028", () => {
    expect(bankHolidayYears.first).toBeLessThanOrEqual(2018);
    expect(bankHolidayYears.last).toBeGreaterThanOrEqual(2028);
  });

  it("holds only real weekdays, unique and in order", () => {
    const dates = englandAndWalesBankHolidays.map((holiday) => holiday.date);
    for (const date of dates) {
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const parsed = new Date(`${date}T00:00:00Z`);
      expect(parsed.toISOString().slice(0, 10)).toBe(date);
      expect([1, 2, 3, 4, 5]).toContain(parsed.getUTCDay());
    }
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it("gives every holiday a title", () => {
    for (const holiday of englandAndWalesBankHolidays) expect(holiday.title.trim()).not.toBe("");
  });

  it("has at least 8 holidays in every covered year and none outside them", () => {
    for (const year of coveredYears) {
      const inYear = englandAndWalesBankHolidays.filter((holiday) => holiday.date.startsWith(`${year}-`));
      expect(inYear.length, `bank holidays in ${year}`).toBeGreaterThanOrEqual(8);
    }
    for (const holiday of englandAndWalesBankHolidays) {
      expect(coveredYears).toContain(Number(holiday.date.slice(0, 4)));
    }
  });

  it.each(coveredYears)("has Good Friday and Easter Monday matching the computus in %i", (year) => {
    const { month, day } = easterSunday(year);
    const goodFriday = isoPlusDays(year, month, day, -2);
    const easterMonday = isoPlusDays(year, month, day, 1);
    const titleOn = (date: string) => englandAndWalesBankHolidays.find((holiday) => holiday.date === date)?.title;
    expect(titleOn(goodFriday)).toBe("Good Friday");
    expect(titleOn(easterMonday)).toBe("Easter Monday");
    expect(englandAndWalesBankHolidays.filter((h) => h.date.startsWith(`${year}-`) && h.title === "Easter Monday")).toHaveLength(1);
  });

  it("has the computus right for known Easter Sundays", () => {
    expect(easterSunday(2019)).toEqual({ month: 4, day: 21 });
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
  });
});

describe("isWorkingDay", () => {
  it("treats Monday to Friday as working days and weekends as not", () => {
    expect(isWorkingDay("2025-03-10")).toBe(true); // Monday
    expect(isWorkingDay("2025-03-14")).toBe(true); // Friday
    expect(isWorkingDay("2025-03-15")).toBe(false); // Saturday
    expect(isWorkingDay("2025-03-16")).toBe(false); // Sunday
  });

  it("excludes the ordinary bank holidays", () => {
    for (const date of ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"]) {
      expect(isWorkingDay(date), date).toBe(false);
      expect(isBankHoliday(date), date).toBe(true);
    }
  });

  it("knows the one-off days of 2020, 2022 and 2023", () => {
    expect(isWorkingDay("2020-05-08")).toBe(false); // VE Day, Friday
    expect(isWorkingDay("2020-05-04")).toBe(true); // the usual first Monday, moved
    expect(isWorkingDay("2022-06-02")).toBe(false); // spring bank holiday, moved
    expect(isWorkingDay("2022-06-03")).toBe(false); // platinum jubilee
    expect(isWorkingDay("2022-05-30")).toBe(true); // the usual last Monday, moved
    expect(isWorkingDay("2022-09-19")).toBe(false); // state funeral
    expect(isWorkingDay("2023-05-08")).toBe(false); // coronation
  });

  it("knows the substitute days", () => {
    for (const date of ["2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2023-01-02", "2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03"]) {
      expect(isWorkingDay(date), date).toBe(false);
    }
    expect(isWorkingDay("2020-12-29")).toBe(true);
  });

  it("says a weekend day is not a bank holiday even when it is Christmas", () => {
    expect(isBankHoliday("2021-12-25")).toBe(false);
    expect(isWorkingDay("2021-12-25")).toBe(false);
  });
});

describe("addWorkingDays", () => {
  it("counts from the day after the start", () => {
    expect(addWorkingDays("2025-01-06", 1)).toBe("2025-01-07");
    expect(addWorkingDays("2025-01-06", 10)).toBe("2025-01-20");
  });

  it("skips weekends", () => {
    expect(addWorkingDays("2025-03-14", 1)).toBe("2025-03-17"); // Friday to Monday
    expect(addWorkingDays("2025-03-15", 1)).toBe("2025-03-17"); // Saturday start
    expect(addWorkingDays("2025-03-10", 5)).toBe("2025-03-17");
  });

  it("returns the start for n = 0 on a working day, otherwise the next working day", () => {
    expect(addWorkingDays("2025-03-12", 0)).toBe("2025-03-12");
    expect(addWorkingDays("2025-03-15", 0)).toBe("2025-03-17");
    expect(addWorkingDays("2025-04-18", 0)).toBe("2025-04-22"); // Good Friday, weekend, Easter Monday
  });

  it("crosses Easter", () => {
    expect(addWorkingDays("2025-04-17", 1)).toBe("2025-04-22");
    expect(addWorkingDays("2024-03-28", 1)).toBe("2024-04-02");
  });

  it("crosses Christmas and New Year", () => {
    expect(addWorkingDays("2025-12-24", 1)).toBe("2025-12-29");
    expect(addWorkingDays("2025-12-24", 4)).toBe("2026-01-02");
    expect(addWorkingDays("2025-12-24", 5)).toBe("2026-01-05");
    // 2021: Christmas and Boxing Day both substituted, New Year's Day on a Friday.
    expect(addWorkingDays("2021-12-24", 1)).toBe("2021-12-29");
    expect(addWorkingDays("2021-12-24", 3)).toBe("2021-12-31");
    expect(addWorkingDays("2021-12-24", 4)).toBe("2022-01-04");
    expect(addWorkingDays("2027-12-24", 1)).toBe("2027-12-29");
  });

  it("skips the 2022 jubilee and 2023 coronation", () => {
    expect(addWorkingDays("2022-06-01", 1)).toBe("2022-06-06");
    expect(addWorkingDays("2023-05-05", 1)).toBe("2023-05-09");
    expect(addWorkingDays("2020-05-07", 1)).toBe("2020-05-11");
  });

  it("refuses a negative or fractional count", () => {
    expect(domainErrorFrom(() => addWorkingDays("2025-01-06", -1)).code).toBe("invalid_record");
    expect(domainErrorFrom(() => addWorkingDays("2025-01-06", 1.5)).code).toBe("invalid_record");
    expect(domainErrorFrom(() => addWorkingDays("2025-01-06", Number.NaN)).code).toBe("invalid_record");
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after the start up to and including the end", () => {
    expect(workingDaysBetween("2025-01-06", "2025-01-07")).toBe(1);
    expect(workingDaysBetween("2025-01-06", "2025-01-20")).toBe(10);
    expect(workingDaysBetween("2025-03-14", "2025-03-17")).toBe(1);
    expect(workingDaysBetween("2025-03-14", "2025-03-16")).toBe(0);
  });

  it("is 0 when the end is on or before the start", () => {
    expect(workingDaysBetween("2025-01-06", "2025-01-06")).toBe(0);
    expect(workingDaysBetween("2025-01-20", "2025-01-06")).toBe(0);
  });

  it("leaves out bank holidays across Christmas and Easter", () => {
    expect(workingDaysBetween("2025-12-24", "2026-01-02")).toBe(4);
    expect(workingDaysBetween("2025-04-17", "2025-04-22")).toBe(1);
    expect(workingDaysBetween("2022-05-27", "2022-06-10")).toBe(8);
  });

  it("undoes addWorkingDays", () => {
    for (const start of ["2020-12-23", "2022-05-31", "2023-05-04", "2025-04-16", "2027-03-24"]) {
      for (const n of [1, 2, 5, 10, 20, 65]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n)), `${start} + ${n}`).toBe(n);
      }
    }
  });

  it("counts a whole covered year plausibly", () => {
    // 2025: 261 weekdays, 8 bank holidays, none at a weekend.
    expect(workingDaysBetween("2024-12-31", "2025-12-31")).toBe(253);
  });
});

describe("outside the calendar", () => {
  it("refuses input dates outside the covered years, naming the date and the years", () => {
    const error = domainErrorFrom(() => isWorkingDay("2017-12-29"));
    expect(error.code).toBe("outside_calendar");
    expect(error.message).toContain("2017-12-29");
    expect(error.message).toContain(String(bankHolidayYears.first));
    expect(error.message).toContain(String(bankHolidayYears.last));
    expect(domainErrorFrom(() => isWorkingDay("2029-01-02")).code).toBe("outside_calendar");
    expect(domainErrorFrom(() => addWorkingDays("2029-01-02", 1)).code).toBe("outside_calendar");
    expect(domainErrorFrom(() => workingDaysBetween("2025-01-01", "2029-01-02")).code).toBe("outside_calendar");
    expect(domainErrorFrom(() => workingDaysBetween("2017-12-31", "2018-01-05")).code).toBe("outside_calendar");
  });

  it("refuses results that run past the last covered year rather than guessing", () => {
    expect(addWorkingDays("2028-12-28", 1)).toBe("2028-12-29");
    const error = domainErrorFrom(() => addWorkingDays("2028-12-28", 2));
    expect(error.code).toBe("outside_calendar");
    expect(error.message).toContain("2029-01-01");
    expect(error.message).toContain("2028-12-28");
    expect(domainErrorFrom(() => addWorkingDays("2028-12-30", 0)).code).toBe("outside_calendar");
  });

  it("accepts the first and last covered days", () => {
    expect(isWorkingDay("2018-01-01")).toBe(false);
    expect(isWorkingDay("2028-12-29")).toBe(true);
    expect(isWorkingDay("2028-12-31")).toBe(false);
  });
});

describe("invalid dates", () => {
  it.each(["2025-02-30", "2025-13-01", "2025-00-10", "2024-02-30", "tomorrow", "", "2025-1-5", "2025-01-05T00:00:00Z", " 2025-01-05"])(
    "refuses %j as invalid_record",
    (date) => {
      const error = domainErrorFrom(() => isWorkingDay(date));
      expect(error.code).toBe("invalid_record");
      expect(error.message).toContain(date);
    },
  );

  it("accepts 29 February in a leap year only", () => {
    expect(isWorkingDay("2024-02-29")).toBe(true);
    expect(domainErrorFrom(() => isWorkingDay("2025-02-29")).code).toBe("invalid_record");
  });

  it("refuses invalid dates in every function", () => {
    expect(domainErrorFrom(() => addWorkingDays("2025-02-30", 1)).code).toBe("invalid_record");
    expect(domainErrorFrom(() => workingDaysBetween("2025-01-01", "next week")).code).toBe("invalid_record");
    expect(domainErrorFrom(() => isBankHoliday("25/12/2025")).code).toBe("invalid_record");
  });
});
