// Pieces several card templates share, so they read and behave alike.

/** A line at the top of a card saying what just happened, or why nothing did ("Already started"). */
export const noticeBlock = {
  type: "TextBlock",
  $when: "${notice != ''}",
  text: "${notice}",
  wrap: true,
  color: "${noticeColor}",
  weight: "Bolder",
} as const;

export const titleBlock = (text: string) => ({ type: "TextBlock", text, size: "Medium", weight: "Bolder", wrap: true }) as const;

/** Opens the audit in the tab, for everything the card does not cover. */
export const openAuditAction = { type: "Action.OpenUrl", title: "Open in Golden Thread", url: "${auditUrl}" } as const;
