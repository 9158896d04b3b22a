// Which part of the authority a report pack covers: the whole authority, one
// service, or one audit theme (a deep dive). One key per scope names the
// narratives stored for it.
import { DomainError } from "./errors.js";

export type ReportScope = { kind: "authority" } | { kind: "service"; serviceId: string } | { kind: "theme"; theme: string };

export function scopeKeyOf(scope: ReportScope): string {
  switch (scope.kind) {
    case "authority":
      return "authority";
    case "service":
      return `service:${scope.serviceId}`;
    case "theme":
      return `theme:${scope.theme.trim().toLowerCase()}`;
  }
}

export function scopeFromKey(key: string): ReportScope {
  if (key === "authority") return { kind: "authority" };
  const [kind, ...rest] = key.split(":");
  const value = rest.join(":");
  if (kind === "service" && value) return { kind: "service", serviceId: value };
  if (kind === "theme" && value) return { kind: "theme", theme: value };
  throw new DomainError("invalid_record", `"${key}" is not a report scope: use authority, service:<id> or theme:<theme>.`, { field: "scope" });
}

/** The first and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}

/** The `count` months ending with `month`, oldest first. */
export function monthsEnding(month: string, count: number): string[] {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, monthNumber - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}
