import { z } from "zod";
import { caseReferencePattern } from "./case-reference.js";
import { id, isoDate, isoDateTime, requiredText, text } from "./common.js";

// Seed §2.5 and §2.6: practice observation, including observation of
// supervision. The observer records what they saw; the practitioner adds
// their own reflection; agreed actions go to the action tracker.

export const observationSettings = ["home_visit", "meeting", "supervision", "direct_work", "other"] as const;
export const ObservationSetting = z.enum(observationSettings, { error: `The setting is one of: ${observationSettings.join(", ")}` });
export type ObservationSetting = z.infer<typeof ObservationSetting>;

export const observationSettingLabels: Record<ObservationSetting, string> = {
  home_visit: "Home visit",
  meeting: "Meeting (such as a core group or review)",
  supervision: "Supervision",
  direct_work: "Direct work with a child",
  other: "Other",
};

export const observationStatuses = ["awaiting_reflection", "complete"] as const;
export const ObservationStatus = z.enum(observationStatuses);
export type ObservationStatus = z.infer<typeof ObservationStatus>;

export const AgreedAction = z.object({
  title: requiredText("What needs to happen", 300),
  ownerId: id,
  dueDate: isoDate,
  // The action tracker's record, once raised.
  actionId: id.optional(),
});
export type AgreedAction = z.infer<typeof AgreedAction>;

export const Observation = z.object({
  practitionerId: id,
  observerId: id,
  // The practitioner's team when observed, for team views.
  teamId: id.optional(),
  setting: ObservationSetting,
  observedOn: isoDate,
  caseReference: z.string().trim().toUpperCase().regex(caseReferencePattern, "Use the case reference (such as NM-100231), never a name").optional(),
  strengths: requiredText("What went well", 4000),
  areasToDevelop: text(4000).default(""),
  agreedActions: z.array(AgreedAction).max(20, "Agree at most 20 actions at one observation").default([]),
  reflection: text(4000).optional(),
  reflectedAt: isoDateTime.optional(),
  status: ObservationStatus.default("awaiting_reflection"),
});
export type Observation = z.infer<typeof Observation>;
