// The first card a member of staff sees: who Golden Thread thinks they are,
// so a wrong role or team is noticed before any audit reaches them.
import { roleLabels, type Role } from "../../api/domain/records/person.js";
import { renderCard, type AdaptiveCard } from "./render-card.js";

const template = {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    { type: "TextBlock", text: "Welcome to Golden Thread, ${name}", size: "Large", weight: "Bolder", wrap: true },
    {
      type: "TextBlock",
      text: "Quality assurance for ${authority}: audits, reflections, moderation and actions, here in Teams.",
      wrap: true,
      isSubtle: true,
    },
    {
      type: "FactSet",
      facts: [
        { title: "Your roles", value: "${roles}" },
        { $when: "${team != ''}", title: "Your team", value: "${team}" },
      ],
    },
    {
      type: "TextBlock",
      text: "If your roles or team are wrong, tell your QA lead before any audits are assigned to you.",
      wrap: true,
      size: "Small",
    },
  ],
  actions: [{ type: "Action.OpenUrl", title: "Open Golden Thread", url: "${tabUrl}" }],
} as const;

export interface WelcomeCardData {
  name: string;
  authority: string;
  roles: readonly Role[];
  team?: string;
  tabUrl: string;
}

export function welcomeCard(data: WelcomeCardData): AdaptiveCard {
  return renderCard(template, {
    name: data.name,
    authority: data.authority,
    roles: data.roles.map((role) => roleLabels[role]).join(", "),
    team: data.team ?? "",
    tabUrl: data.tabUrl,
  });
}
