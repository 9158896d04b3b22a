// "my audits", "my actions" and "status <case ref>": a short list, each line
// a case reference with where it has got to.
import { titleBlock } from "./card-parts.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

export interface WorkListView {
  title: string;
  empty: string;
  rows: { label: string; detail: string }[];
  tabUrl: string;
}

const template = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    titleBlock("${title}"),
    { type: "TextBlock", $when: "${count(rows) == 0}", text: "${empty}", wrap: true },
    { type: "FactSet", $when: "${count(rows) > 0}", facts: [{ $data: "${rows}", title: "${label}", value: "${detail}" }] },
  ],
  actions: [{ type: "Action.OpenUrl", title: "Open Golden Thread", url: "${tabUrl}" }],
} as const;

export function workListCard(view: WorkListView): AdaptiveCard {
  return renderCard(template, view);
}
