import type { KpiPolarity, KpiUnit } from "../records/kpi-definition.js";

// RAG status of a KPI value against its target: green meets the target, amber
// misses it by no more than the tolerance, red misses it by more. Which side
// is "missing" depends on the KPI's polarity.

export type Rag = "green" | "amber" | "red";

export interface RagTarget {
  readonly polarity: KpiPolarity;
  readonly unit: KpiUnit;
  readonly target: number;
  readonly tolerance: number;
}

export const ragLabels: Record<Rag, string> = { green: "Green", amber: "Amber", red: "Red" };

export function ragStatus(kpi: RagTarget, value: number): Rag {
  const shortfall = kpi.polarity === "higher_is_better" ? kpi.target - value : value - kpi.target;
  if (shortfall <= 0) return "green";
  return shortfall <= kpi.tolerance ? "amber" : "red";
}

/** The rule in words, for beside the status: "Green at 20% or below; amber above 20% up to 23%; red above 23%." */
export function ragRule(kpi: RagTarget): string {
  const target = formatKpiValue(kpi.unit, kpi.target);
  if (kpi.polarity === "lower_is_better") {
    const limit = formatKpiValue(kpi.unit, kpi.target + kpi.tolerance);
    return kpi.tolerance === 0
      ? `Green at ${target} or below; red above ${target}.`
      : `Green at ${target} or below; amber above ${target} up to ${limit}; red above ${limit}.`;
  }
  const limit = formatKpiValue(kpi.unit, kpi.target - kpi.tolerance);
  return kpi.tolerance === 0
    ? `Green at ${target} or above; red below ${target}.`
    : `Green at ${target} or above; amber below ${target} down to ${limit}; red below ${limit}.`;
}

/** True if `value` is worse than `benchmark` for a KPI of this polarity. */
export function isWorseThan(polarity: KpiPolarity, value: number, benchmark: number): boolean {
  return polarity === "higher_is_better" ? value < benchmark : value > benchmark;
}

/** A value with its unit: "22.6%", "45 days", "12", "17.5 per worker". */
export function formatKpiValue(unit: KpiUnit, value: number): string {
  const number = Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  switch (unit) {
    case "percent":
      return `${number}%`;
    case "days":
      return `${number} ${value === 1 ? "day" : "days"}`;
    case "per_worker":
      return `${number} per worker`;
    case "count":
      return number;
  }
}
