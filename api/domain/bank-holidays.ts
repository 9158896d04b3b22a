// England and Wales bank holidays, 2018 to 2028 inclusive.
//
// Source: GOV.UK, "UK bank holidays" for England and Wales
// (https://www.gov.uk/bank-holidays, data at https://www.gov.uk/bank-holidays.json).
// Titles follow GOV.UK's wording.
//
// 2018 to 2026 are as published by GOV.UK, including the one-off days (VE Day
// 2020, the 2022 platinum jubilee and state funeral, the 2023 coronation).
// 2027 and 2028 are derived from the standard rules (New Year's Day, Good
// Friday, Easter Monday, first and last Mondays of May, last Monday of August,
// Christmas Day, Boxing Day, with Monday/Tuesday substitutes for weekend days)
// because they lie beyond GOV.UK's confirmed list. Re-check them against
// GOV.UK when published: one-off days are announced by royal proclamation.
//
// Timescales that fall outside these years are refused rather than guessed:
// extend this list (and bankHolidayYears) before relying on later dates.

export interface BankHoliday {
  readonly date: string;
  readonly title: string;
}

export const bankHolidayYears = { first: 2018, last: 2028 } as const;

export const englandAndWalesBankHolidays: readonly BankHoliday[] = [
  // 2018
  { date: "2018-01-01", title: "New Year's Day" },
  { date: "2018-03-30", title: "Good Friday" },
  { date: "2018-04-02", title: "Easter Monday" },
  { date: "2018-05-07", title: "Early May bank holiday" },
  { date: "2018-05-28", title: "Spring bank holiday" },
  { date: "2018-08-27", title: "Summer bank holiday" },
  { date: "2018-12-25", title: "Christmas Day" },
  { date: "2018-12-26", title: "Boxing Day" },

  // 2019
  { date: "2019-01-01", title: "New Year's Day" },
  { date: "2019-04-19", title: "Good Friday" },
  { date: "2019-04-22", title: "Easter Monday" },
  { date: "2019-05-06", title: "Early May bank holiday" },
  { date: "2019-05-27", title: "Spring bank holiday" },
  { date: "2019-08-26", title: "Summer bank holiday" },
  { date: "2019-12-25", title: "Christmas Day" },
  { date: "2019-12-26", title: "Boxing Day" },

  // 2020: early May bank holiday moved to Friday 8 May for the 75th anniversary of VE Day.
  { date: "2020-01-01", title: "New Year's Day" },
  { date: "2020-04-10", title: "Good Friday" },
  { date: "2020-04-13", title: "Easter Monday" },
  { date: "2020-05-08", title: "Early May bank holiday (VE day)" },
  { date: "2020-05-25", title: "Spring bank holiday" },
  { date: "2020-08-31", title: "Summer bank holiday" },
  { date: "2020-12-25", title: "Christmas Day" },
  { date: "2020-12-28", title: "Boxing Day (substitute day)" },

  // 2021
  { date: "2021-01-01", title: "New Year's Day" },
  { date: "2021-04-02", title: "Good Friday" },
  { date: "2021-04-05", title: "Easter Monday" },
  { date: "2021-05-03", title: "Early May bank holiday" },
  { date: "2021-05-31", title: "Spring bank holiday" },
  { date: "2021-08-30", title: "Summer bank holiday" },
  { date: "2021-12-27", title: "Christmas Day (substitute day)" },
  { date: "2021-12-28", title: "Boxing Day (substitute day)" },

  // 2022: spring bank holiday moved to Thursday 2 June, plus Friday 3 June for
  // the platinum jubilee, and Monday 19 September for the state funeral.
  { date: "2022-01-03", title: "New Year's Day (substitute day)" },
  { date: "2022-04-15", title: "Good Friday" },
  { date: "2022-04-18", title: "Easter Monday" },
  { date: "2022-05-02", title: "Early May bank holiday" },
  { date: "2022-06-02", title: "Spring bank holiday" },
  { date: "2022-06-03", title: "Platinum Jubilee bank holiday" },
  { date: "2022-08-29", title: "Summer bank holiday" },
  { date: "2022-09-19", title: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { date: "2022-12-26", title: "Boxing Day" },
  { date: "2022-12-27", title: "Christmas Day (substitute day)" },

  // 2023: extra bank holiday on Monday 8 May for the coronation.
  { date: "2023-01-02", title: "New Year's Day (substitute day)" },
  { date: "2023-04-07", title: "Good Friday" },
  { date: "2023-04-10", title: "Easter Monday" },
  { date: "2023-05-01", title: "Early May bank holiday" },
  { date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III" },
  { date: "2023-05-29", title: "Spring bank holiday" },
  { date: "2023-08-28", title: "Summer bank holiday" },
  { date: "2023-12-25", title: "Christmas Day" },
  { date: "2023-12-26", title: "Boxing Day" },

  // 2024
  { date: "2024-01-01", title: "New Year's Day" },
  { date: "2024-03-29", title: "Good Friday" },
  { date: "2024-04-01", title: "Easter Monday" },
  { date: "2024-05-06", title: "Early May bank holiday" },
  { date: "2024-05-27", title: "Spring bank holiday" },
  { date: "2024-08-26", title: "Summer bank holiday" },
  { date: "2024-12-25", title: "Christmas Day" },
  { date: "2024-12-26", title: "Boxing Day" },

  // 2025
  { date: "2025-01-01", title: "New Year's Day" },
  { date: "2025-04-18", title: "Good Friday" },
  { date: "2025-04-21", title: "Easter Monday" },
  { date: "2025-05-05", title: "Early May bank holiday" },
  { date: "2025-05-26", title: "Spring bank holiday" },
  { date: "2025-08-25", title: "Summer bank holiday" },
  { date: "2025-12-25", title: "Christmas Day" },
  { date: "2025-12-26", title: "Boxing Day" },

  // 2026
  { date: "2026-01-01", title: "New Year's Day" },
  { date: "2026-04-03", title: "Good Friday" },
  { date: "2026-04-06", title: "Easter Monday" },
  { date: "2026-05-04", title: "Early May bank holiday" },
  { date: "2026-05-25", title: "Spring bank holiday" },
  { date: "2026-08-31", title: "Summer bank holiday" },
  { date: "2026-12-25", title: "Christmas Day" },
  { date: "2026-12-28", title: "Boxing Day (substitute day)" },

  // 2027: derived from the standard rules (see the note at the top).
  { date: "2027-01-01", title: "New Year's Day" },
  { date: "2027-03-26", title: "Good Friday" },
  { date: "2027-03-29", title: "Easter Monday" },
  { date: "2027-05-03", title: "Early May bank holiday" },
  { date: "2027-05-31", title: "Spring bank holiday" },
  { date: "2027-08-30", title: "Summer bank holiday" },
  { date: "2027-12-27", title: "Christmas Day (substitute day)" },
  { date: "2027-12-28", title: "Boxing Day (substitute day)" },

  // 2028: derived from the standard rules (see the note at the top).
  { date: "2028-01-03", title: "New Year's Day (substitute day)" },
  { date: "2028-04-14", title: "Good Friday" },
  { date: "2028-04-17", title: "Easter Monday" },
  { date: "2028-05-01", title: "Early May bank holiday" },
  { date: "2028-05-29", title: "Spring bank holiday" },
  { date: "2028-08-28", title: "Summer bank holiday" },
  { date: "2028-12-25", title: "Christmas Day" },
  { date: "2028-12-26", title: "Boxing Day" },
];
