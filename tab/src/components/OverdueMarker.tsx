import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  marker: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorStatusDangerForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  icon: { flexShrink: 0 },
});

/** The word "Overdue" with a warning icon: never colour alone. */
export function OverdueMarker() {
  const styles = useStyles();
  return (
    <span className={styles.marker}>
      <svg className={styles.icon} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm0 9.25a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8ZM8 4a.75.75 0 0 0-.75.75v3.5a.75.75 0 0 0 1.5 0v-3.5A.75.75 0 0 0 8 4Z" />
      </svg>
      Overdue
    </span>
  );
}
