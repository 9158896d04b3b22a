import { z } from "zod";
import { id } from "./common.js";

// A case is known here only by its reference in the case recording system
// (Mosaic, LCS, Liquidlogic …). No child's name or other identifying detail
// is stored or shown: cards and chat history outlive the audit.
export const caseReferencePattern = /^[A-Z0-9][A-Z0-9/-]{2,29}$/;

export const CaseReference = z.object({
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      caseReferencePattern,
      "A case reference is the case recording system's ID: 3 to 30 letters, digits, '-' or '/', with no spaces or names",
    ),
  teamId: id,
  practitionerId: id.optional(),
});
export type CaseReference = z.infer<typeof CaseReference>;
