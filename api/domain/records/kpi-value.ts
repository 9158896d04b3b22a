import { z } from "zod";
import { id, text } from "./common.js";

// One month's figure for a KPI, for a team, a service or the whole authority.
// Values arrive by CSV import; `importId` says which import brought them.

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const Month = z.string().regex(MONTH_PATTERN, "Use a month in the form YYYY-MM");

export const kpiValueLevels = ["team", "service", "authority"] as const;
export const KpiValueLevel = z.enum(kpiValueLevels);
export type KpiValueLevel = z.infer<typeof KpiValueLevel>;

export const KpiValue = z
  .object({
    kpiId: id,
    month: Month,
    level: KpiValueLevel,
    /** Set for a team's figure. */
    teamId: id.optional(),
    /** Set for a team's figure (its service) and a service's figure. */
    serviceId: id.optional(),
    value: z.number().finite(),
    importId: id,
    note: text(500).optional(),
  })
  .refine((kpiValue) => (kpiValue.level === "team") === (kpiValue.teamId !== undefined), {
    path: ["teamId"],
    message: "A team's figure names its team, and only a team's figure does",
  })
  .refine((kpiValue) => (kpiValue.level === "authority") === (kpiValue.serviceId === undefined), {
    path: ["serviceId"],
    message: "A team's or service's figure names its service; the authority's does not",
  });
export type KpiValue = z.infer<typeof KpiValue>;
