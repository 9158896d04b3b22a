// A practice observation: what the observer saw, the agreed actions, and
// (for the practitioner) a box for their own reflection.
import type { ObservationCardView } from "../observation-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Practice observation: ${practitionerName}"),
    {
      type: "FactSet",
      facts: [
        { title: "Observed by", value: "${observerName}" },
        { title: "Setting", value: "${setting}" },
        { title: "Date", value: "${observedOn}" },
        { title: "Case", value: "${caseReference}" },
      ],
    },
    { type: "TextBlock", text: "What went well", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: "${strengths}", wrap: true },
    { type: "TextBlock", text: "Areas to develop", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: "${areasToDevelop}", wrap: true },
    { type: "TextBlock", $when: "${count(actions) > 0}", text: "Agreed actions (in the action tracker)", weight: "Bolder", wrap: true },
    { type: "FactSet", $when: "${count(actions) > 0}", facts: [{ $data: "${actions}", title: "${title}", value: "${detail}" }] },
    { type: "TextBlock", $when: "${reflection != ''}", text: "Practitioner's reflection", weight: "Bolder", wrap: true },
    { type: "TextBlock", $when: "${reflection != ''}", text: "${reflection}", wrap: true },
    { type: "TextBlock", $when: "${waitingForReflection}", text: "Waiting for ${practitionerName}'s reflection.", isSubtle: true, wrap: true },
    {
      $when: "${canReflect}",
      type: "Input.Text",
      id: "reflection",
      label: "Your reflection: what did you notice, and what will you take from it?",
      isRequired: true,
      errorMessage: "Write your reflection before sending it",
      isMultiline: true,
      maxLength: 4000,
    },
  ],
  actions: [
    { $when: "${canReflect}", type: "Action.Execute", title: "Send my reflection", verb: "observation.reflect", data: { observationId: "${observationId}" }, style: "positive" },
    { type: "Action.OpenUrl", title: "Open in Golden Thread", url: "${observationUrl}" },
  ],
} as const;

export function observationCard(view: ObservationCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
