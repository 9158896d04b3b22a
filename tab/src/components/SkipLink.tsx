import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  skipLink: {
    position: "absolute",
    left: tokens.spacingHorizontalM,
    top: "-100px",
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    ":focus": {
      top: tokens.spacingVerticalM,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
});

/** First focusable element: jumps keyboard users past the header to the page. */
export function SkipLink({ targetId }: { targetId: string }) {
  const styles = useStyles();
  return (
    <a className={styles.skipLink} href={`#${targetId}`} onClick={(event) => {
      // Hash routing: don't let "#main" replace the route; move focus instead.
      event.preventDefault();
      document.getElementById(targetId)?.focus();
    }}>
      Skip to main content
    </a>
  );
}
