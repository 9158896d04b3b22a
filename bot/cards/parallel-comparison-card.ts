// Both audits of an external parallel audit are in: the internal and the
// external auditor's grades side by side. Findings are compared in the tab.
import type { ModerationCardView } from "../card-views.js";
import { titleBlock } from "./card-parts.js";
import { gradeTable } from "./moderation-grade-table.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    titleBlock("Parallel audit of case ${caseReference}: both audits are in"),
    { type: "TextBlock", text: "${auditorName} (internal) and ${moderatorName} (external) audited the case independently.", wrap: true },
    gradeTable([
      { heading: "Internal", field: "auditorGrade" },
      { heading: "External", field: "moderatorGrade" },
      { heading: "Difference", field: "outcome" },
    ]),
  ],
  actions: [{ type: "Action.OpenUrl", title: "Compare side by side", url: "${comparisonUrl}" }],
} as const;

export function parallelComparisonCard(view: ModerationCardView): AdaptiveCard {
  return renderCard(template, view);
}
