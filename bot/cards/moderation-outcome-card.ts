// Tells the auditor how moderation went, with both sets of grades.
import type { ModerationCardView } from "../card-views.js";
import { openAuditAction, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    titleBlock("Moderation of case ${caseReference}: ${outcome}"),
    { type: "TextBlock", text: "${moderatorName} moderated your audit.", wrap: true },
    {
      type: "FactSet",
      facts: [{ $data: "${rows}", title: "${title}", value: "Yours: ${auditorGrade}. Moderated: ${moderatorGrade}" }],
    },
    { type: "TextBlock", $when: "${rationale != ''}", text: "Rationale: ${rationale}", wrap: true },
  ],
  actions: [openAuditAction],
} as const;

export function moderationOutcomeCard(view: ModerationCardView): AdaptiveCard {
  return renderCard(template, view);
}
