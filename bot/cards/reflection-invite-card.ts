// Invites the case's practitioner to reflect on their work (seed §2.9):
// what went well, what they would do differently, what would help them.
import type { ReflectionCardView } from "../card-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Your reflection on case ${caseReference}"),
    {
      type: "TextBlock",
      text: "${auditorName} is auditing this case. Your view of the work matters: ${promptCount} short questions about what has gone well for the child, what you would do differently and what would help you.",
      wrap: true,
    },
    { type: "TextBlock", text: "Answer in this chat, one question at a time. You can skip a question, go back, or stop and carry on later.", wrap: true, isSubtle: true },
    { type: "FactSet", facts: [{ title: "Progress", value: "${progress}" }] },
  ],
  actions: [
    { $when: "${canReflect}", type: "Action.Execute", title: "${startTitle}", verb: "reflection.begin", data: { auditId: "${auditId}" }, style: "positive" },
  ],
} as const;

export function reflectionInviteCard(view: ReflectionCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
