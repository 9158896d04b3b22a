// Where the draft stands: "Saving…", "Saved at 14:32", "Couldn't save: …",
// or the conflict (someone else changed the audit) with Reload.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { clockText } from "../../components/words";
import type { SaveStatus } from "./use-autosave";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    minHeight: "32px",
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  error: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

export const CONFLICT_STATUS = "Couldn't save: someone else changed this audit after you opened it.";
export const CONFLICT_EXPLANATION =
  "Your latest changes are still on this page, but they are not saved. Select Reload to see the other version: anything of yours that differs is kept beside the form for you to put back.";

export function saveStatusText(status: SaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "Your changes save as you type.";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${clockText(status.at)}`;
    case "error":
      return `Couldn't save: ${status.message}`;
    case "conflict":
      return CONFLICT_STATUS;
  }
}

/** The live status line at the top of the form; it stays in view as you scroll, so it stays short. */
export function SaveStatusBar({ status, onRetry, onReload, reloading }: { status: SaveStatus; onRetry: () => void; onReload: () => void; reloading: boolean }) {
  const styles = useStyles();
  const problem = status.kind === "error" || status.kind === "conflict";
  return (
    <div className={styles.bar}>
      <span role="status" aria-live="polite" className={problem ? styles.error : undefined}>
        {saveStatusText(status)}
      </span>
      {status.kind === "error" && (
        <Button size="small" onClick={onRetry}>
          Try saving again
        </Button>
      )}
      {status.kind === "conflict" && (
        <Button size="small" appearance="primary" disabledFocusable={reloading} onClick={onReload}>
          {reloading ? "Reloading…" : "Reload"}
        </Button>
      )}
    </div>
  );
}
