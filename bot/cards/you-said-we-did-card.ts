// "You said, we did" for staff channels: the feedback theme, what children
// and families told us, and each change with the actions that evidence it.
import type { YouSaidWeDidCardView } from "../bulletin-card-views.js";
import { titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    { type: "TextBlock", text: "You said, we did", isSubtle: true, size: "Small", weight: "Bolder", wrap: true },
    titleBlock("${theme}"),
    { type: "TextBlock", $when: "${basedOn != ''}", text: "${basedOn}", isSubtle: true, size: "Small", wrap: true, spacing: "None" },
    { type: "TextBlock", text: "You said", weight: "Bolder", wrap: true, spacing: "Medium" },
    { type: "TextBlock", text: "${youSaid}", wrap: true },
    { type: "TextBlock", $when: "${response != ''}", text: "${response}", wrap: true },
    { type: "TextBlock", text: "We did", weight: "Bolder", wrap: true, spacing: "Medium" },
    {
      type: "Container",
      $data: "${weDid}",
      items: [
        { type: "TextBlock", text: "• ${text}", wrap: true },
        { type: "TextBlock", $data: "${evidence}", text: "${text}", isSubtle: true, size: "Small", wrap: true, spacing: "None" },
      ],
    },
  ],
  actions: [{ type: "Action.OpenUrl", title: "Open in Golden Thread", url: "${updateUrl}" }],
} as const;

export function youSaidWeDidCard(view: YouSaidWeDidCardView): AdaptiveCard {
  return renderCard(template, view);
}
