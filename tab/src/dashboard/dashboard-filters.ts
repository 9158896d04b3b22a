// The dashboard's filters and how they live in the address
// (#/dashboard?serviceId=…&teamId=…&type=…&theme=…&from=…&to=…), so that a
// view can be shared in a channel; and the period presets ("Last 3 months",
// "This quarter", …) that fill in from and to. Pure: no React, no browser.
// Imports name the .js file so that the tests (Node, NodeNext) can import it too.
import type { AuditType } from "../api/types.js";

export const auditTypeOrder: readonly AuditType[] = ["regular", "thematic", "multi_agency", "focused", "external", "supervision"];

export interface DashboardFilters {
  serviceId?: string;
  teamId?: string;
  type?: AuditType;
  /** An audit's theme, matched exactly (thematic audits). */
  theme?: string;
  /** Submitted on or after this date (YYYY-MM-DD). */
  from?: string;
  /** Submitted on or before this date (YYYY-MM-DD). */
  to?: string;
}

/** The filter names, in the order they are written into the address. */
export const filterNames = ["serviceId", "teamId", "type", "theme", "from", "to"] as const satisfies readonly (keyof DashboardFilters)[];

/** Anything with URLSearchParams' `get`. */
export interface QueryReader {
  get(name: string): string | null | undefined;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!isoDatePattern.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isAuditType(text: string): text is AuditType {
  return (auditTypeOrder as readonly string[]).includes(text);
}

/** The filters in an address's query. Values that cannot be right (an unknown type, a date that is not a date) are left out. */
export function filtersFromQuery(query: QueryReader): DashboardFilters {
  const text = (name: string, max: number) => {
    const value = query.get(name)?.trim();
    return value ? value.slice(0, max) : undefined;
  };
  const filters: DashboardFilters = {};
  const serviceId = text("serviceId", 100);
  const teamId = text("teamId", 100);
  const type = text("type", 40);
  const theme = text("theme", 200);
  const from = text("from", 10);
  const to = text("to", 10);
  if (serviceId) filters.serviceId = serviceId;
  if (teamId) filters.teamId = teamId;
  if (type && isAuditType(type)) filters.type = type;
  if (theme) filters.theme = theme;
  if (from && isIsoDate(from)) filters.from = from;
  if (to && isIsoDate(to)) filters.to = to;
  return filters;
}

/** The filters as query parameters, in a fixed order; unset filters are undefined (left out of the address). */
export function queryFromFilters(filters: DashboardFilters): Record<(typeof filterNames)[number], string | undefined> {
  return {
    serviceId: filters.serviceId || undefined,
    teamId: filters.teamId || undefined,
    type: filters.type || undefined,
    theme: filters.theme?.trim() || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/** "serviceId=a&type=thematic": the filters as a query string without "?", for the API and the address. */
export function filterQueryString(filters: DashboardFilters): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(queryFromFilters(filters))) if (value !== undefined) parameters.set(name, value);
  return parameters.toString();
}

/** A problem with the period that the API would refuse, in words for the "to" field. */
export function periodProblem(filters: Pick<DashboardFilters, "from" | "to">): string | undefined {
  if (filters.from && filters.to && filters.from > filters.to) return "The period must end on or after it starts.";
  return undefined;
}

// ---- Dates (calendar dates as YYYY-MM-DD strings, no time zones) ----

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split("-").map(Number);
  return [year!, month!, day!];
}

function format(year: number, month: number, day: number): string {
  // Month arithmetic may leave month outside 1..12; Date.UTC normalises it.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from `date`'s month. */
export function monthStart(date: string, offset = 0): string {
  const [year, month] = parts(date);
  return format(year, month + offset, 1);
}

/** The last day of the month `offset` months from `date`'s month. */
export function monthEnd(date: string, offset = 0): string {
  const [year, month] = parts(date);
  return format(year, month + offset + 1, 0);
}

/** The first and last day of a month given as YYYY-MM. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: monthStart(`${month}-01`), to: monthEnd(`${month}-01`) };
}

/** The day before `date`. */
export function dayBefore(date: string): string {
  const [year, month, day] = parts(date);
  return format(year, month, day - 1);
}

/** Today's date where the person is (their computer's calendar), as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return format(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

// ---- Period presets ----

export type PeriodPresetId =
  | "last-3-months"
  | "last-6-months"
  | "last-12-months"
  | "this-quarter"
  | "last-quarter"
  | "this-financial-year"
  | "last-financial-year";

export interface PeriodPreset {
  id: PeriodPresetId;
  label: string;
  from: string;
  to: string;
}

function quarterStart(date: string, offset = 0): string {
  const [year, month] = parts(date);
  return format(year, Math.floor((month - 1) / 3) * 3 + 1 + offset * 3, 1);
}

/** English local authorities' financial year runs from 1 April to 31 March. */
function financialYearStart(date: string, offset = 0): string {
  const [year, month] = parts(date);
  return format((month >= 4 ? year : year - 1) + offset, 4, 1);
}

/** The period presets as of `today`, with their dates. */
export function periodPresets(today: string): PeriodPreset[] {
  const preset = (id: PeriodPresetId, label: string, from: string, to: string): PeriodPreset => ({ id, label, from, to });
  return [
    preset("last-3-months", "Last 3 months", monthStart(today, -2), today),
    preset("last-6-months", "Last 6 months", monthStart(today, -5), today),
    preset("last-12-months", "Last 12 months", monthStart(today, -11), today),
    preset("this-quarter", "This quarter", quarterStart(today), dayBefore(quarterStart(today, 1))),
    preset("last-quarter", "Last quarter", quarterStart(today, -1), dayBefore(quarterStart(today))),
    preset("this-financial-year", "This financial year", financialYearStart(today), dayBefore(financialYearStart(today, 1))),
    preset("last-financial-year", "Last financial year", financialYearStart(today, -1), dayBefore(financialYearStart(today))),
  ];
}

/** Which choice in the period list the filters' dates are: no period ("all"), a preset, or "custom". */
export function periodChoice(filters: Pick<DashboardFilters, "from" | "to">, today: string): "all" | PeriodPresetId | "custom" {
  if (!filters.from && !filters.to) return "all";
  const preset = periodPresets(today).find((candidate) => candidate.from === filters.from && candidate.to === filters.to);
  return preset ? preset.id : "custom";
}

const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "14 October 2026". */
export function longDate(date: string): string {
  const [year, month, day] = parts(date);
  return `${day} ${monthNames[month - 1]} ${year}`;
}

/** "October 2026" for "2026-10"; "Oct 2026" when short. */
export function monthLabel(month: string, short = false): string {
  const [year, number] = month.split("-").map(Number);
  const name = monthNames[number! - 1] ?? month;
  return `${short ? name.slice(0, 3) : name} ${year}`;
}

/** The period in words: "1 October 2026 to 31 December 2026", "from 1 October 2026", "all time". */
export function periodLabel(filters: Pick<DashboardFilters, "from" | "to">): string {
  if (filters.from && filters.to) return `${longDate(filters.from)} to ${longDate(filters.to)}`;
  if (filters.from) return `from ${longDate(filters.from)}`;
  if (filters.to) return `up to ${longDate(filters.to)}`;
  return "all time";
}
