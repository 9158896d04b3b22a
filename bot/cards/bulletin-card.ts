// A learning bulletin or seven-minute briefing, posted to a channel or a
// 1:1 chat. "I've read this" records a read (once per person). The tab's
// preview renders this same card.
import type { BulletinCardView } from "../bulletin-card-views.js";
import { noticeBlock, titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard, type CardRefresh } from "./render-card.js";

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    noticeBlock,
    { type: "TextBlock", text: "${kindLabel}", isSubtle: true, size: "Small", weight: "Bolder", wrap: true },
    titleBlock("${title}"),
    {
      type: "Container",
      $data: "${sections}",
      spacing: "Medium",
      items: [
        { type: "TextBlock", $when: "${heading != ''}", text: "${heading}", weight: "Bolder", wrap: true },
        { type: "TextBlock", $data: "${lines}", text: "${text}", wrap: true, spacing: "Small" },
      ],
    },
    {
      type: "ActionSet",
      $when: "${count(links) > 0}",
      actions: [{ type: "Action.OpenUrl", $data: "${links}", title: "${title}", url: "${url}" }],
    },
  ],
  actions: [
    { $when: "${canMarkRead}", type: "Action.Execute", title: "I've read this", verb: "bulletin.read", data: { bulletinId: "${bulletinId}" }, style: "positive" },
    { type: "Action.OpenUrl", title: "Open in Golden Thread", url: "${bulletinUrl}" },
  ],
} as const;

export function bulletinCard(view: BulletinCardView, refresh?: CardRefresh): AdaptiveCard {
  return renderCard(template, view, refresh);
}
