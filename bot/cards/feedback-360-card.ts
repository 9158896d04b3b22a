// A 360-degree feedback request about a supervisor's supervision. The answer
// is anonymous: once sent, the card thanks the person and never shows it.
import type { Feedback360CardView } from "../observation-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    titleBlock("Feedback on ${supervisorName}'s supervision"),
    {
      type: "TextBlock",
      text: "Your answers are anonymous: they are saved without your name and shown only as totals, once at least 3 people have answered.",
      wrap: true,
    },
    { type: "TextBlock", $when: "${answered}", text: "Thank you: your feedback has been recorded anonymously.", wrap: true, weight: "Bolder", color: "Good" },
    { type: "TextBlock", $when: "${closed && !answered}", text: "This request has closed.", wrap: true },
    {
      $data: "${questions}",
      $when: "${$root.canAnswer}",
      type: "Input.ChoiceSet",
      id: "rating:${key}",
      label: "${prompt}",
      style: "expanded",
      choices: [{ $data: "${$root.ratings}", title: "${title}", value: "${value}" }],
    },
    { $when: "${canAnswer}", type: "Input.Text", id: "comment", label: "Anything else about supervision (optional; please name no one)", isMultiline: true, maxLength: 2000 },
  ],
  actions: [{ $when: "${canAnswer}", type: "Action.Execute", title: "Send anonymously", verb: "feedback360.answer", data: { roundId: "${roundId}" }, style: "positive" }],
} as const;

export function feedback360Card(view: Feedback360CardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
