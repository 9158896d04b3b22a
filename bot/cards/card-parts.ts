// Pieces several card templates share, so they read and behave alike.

/** A line at the top of a card saying why it looks as it does now (e.g. "Already started"). */
export const noticeBlock = {
  type: "TextBlock",
  $when: "${notice != ''}",
  text: "${notice}",
  wrap: true,
  color: "Attention",
  weight: "Bolder",
} as const;

export const titleBlock = (text: string) => ({ type: "TextBlock", text, size: "Medium", weight: "Bolder", wrap: true }) as const;

/** Opens the audit in the tab, for everything the card does not cover. */
export const openAuditAction = { type: "Action.OpenUrl", title: "Open in Golden Thread", url: "${auditUrl}" } as const;
