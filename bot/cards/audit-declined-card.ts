// Tells the QA lead an auditor declined an audit, so it can be reassigned.
import type { AuditCardView } from "../card-views.js";
import { openAuditAction, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    titleBlock("Audit of case ${caseReference} declined"),
    { type: "TextBlock", text: "${auditorName} declined this audit. It needs a new auditor.", wrap: true },
    {
      type: "FactSet",
      facts: [
        { title: "Reason", value: "${declineReason}" },
        { title: "Audit", value: "${auditType}" },
        { title: "Was due", value: "${due}" },
      ],
    },
  ],
  actions: [openAuditAction],
} as const;

export function auditDeclinedCard(view: AuditCardView): AdaptiveCard {
  return renderCard(template, view);
}
