// The dashboard's headline numbers: audits, graded, overdue audits, overdue
// actions and moderation agreement. A number that has a list behind it is a
// link to that list.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { DashboardFigures } from "../api/types";
import { formatCount } from "./dashboard-labels";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))",
    gap: tokens.spacingHorizontalM,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    boxSizing: "border-box",
    height: "100%",
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "none",
  },
  link: {
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  label: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  // A long value ("Too few to say") in a smaller size.
  valueText: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // Links are underlined, so they are known as links without colour.
  linkValue: { color: tokens.colorBrandForegroundLink, textDecorationLine: "underline", textDecorationThickness: "2px", textUnderlineOffset: "4px" },
});

export interface Headline {
  label: string;
  value: string;
  note: string;
  href?: string;
  /** The value is words, not a number. */
  wordy?: boolean;
}

export function moderationHeadline(moderation: DashboardFigures["moderation"]): Pick<Headline, "value" | "note" | "wordy"> {
  const { moderated, agreed, agreementPercent } = moderation;
  if (agreementPercent !== null) {
    return { value: `${formatCount(agreed)} of ${formatCount(moderated)} agreed (${agreementPercent}%)`, note: "Moderators agreed with the auditor's grade", wordy: true };
  }
  if (moderated === 0) return { value: "Too few to say", note: "No moderation is finished for these audits yet", wordy: true };
  return {
    value: "Too few to say",
    note: `${formatCount(agreed)} of ${formatCount(moderated)} agreed; a percentage needs at least 5 moderations`,
    wordy: true,
  };
}

export function HeadlineFigures({ headlines }: { headlines: Headline[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {headlines.map((headline) => {
        const content = (
          <>
            <span className={styles.label}>{headline.label}</span>
            <span className={mergeClasses(headline.wordy ? styles.valueText : styles.value, headline.href && styles.linkValue)}>{headline.value}</span>
            <span className={styles.note}>{headline.note}</span>
          </>
        );
        return (
          <li key={headline.label}>
            {headline.href ? (
              <a href={headline.href} className={mergeClasses(styles.item, styles.link)}>
                {content}
              </a>
            ) : (
              <div className={styles.item}>{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
