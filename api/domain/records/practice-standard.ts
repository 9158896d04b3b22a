import { z } from "zod";
import { requiredText, text } from "./common.js";

// Seed §2.3: standards are the shared picture of good practice that audit
// tools test against.
export const PracticeStandard = z.object({
  code: z.string().trim().regex(/^[A-Z]{1,6}-?\d{1,3}$/, "A standard's code looks like PS-3"),
  title: requiredText("The standard's title", 200),
  description: text(2000).default(""),
  source: text(200).default(""),
});
export type PracticeStandard = z.infer<typeof PracticeStandard>;
