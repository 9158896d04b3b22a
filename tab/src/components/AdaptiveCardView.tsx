// Shows an Adaptive Card exactly as the bot posts it: the API renders the
// card with the bot's own card catalogue, and this draws that JSON with the
// Adaptive Cards library (one renderer path, no second copy of the layout).
// Buttons do nothing here; they work once the card is in Teams.
import { makeStyles, tokens } from "@fluentui/react-components";
import * as AdaptiveCards from "adaptivecards";
import { useEffect, useRef } from "react";

const useStyles = makeStyles({
  frame: {
    maxWidth: "520px",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: "anywhere",
  },
});

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  supportsInteractivity: true,
});

export function AdaptiveCardView({ card, label }: { card: unknown; label: string }) {
  const styles = useStyles();
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = holder.current;
    if (!target) return;
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.hostConfig = hostConfig;
    adaptiveCard.onExecuteAction = () => undefined;
    adaptiveCard.parse(card);
    const rendered = adaptiveCard.render();
    target.replaceChildren(...(rendered ? [rendered] : []));
    return () => target.replaceChildren();
  }, [card]);
  return <div className={styles.frame} ref={holder} role="region" aria-label={label} data-testid="card-preview" />;
}
