// A text box that saves as the person types, with its save status under it.
// After a conflict the other version is loaded and the person's own text is
// kept beside it to put back, so nothing they wrote is lost.
import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { saveStatusText } from "../pages/audit-form/SaveStatus";
import { useTextAutosave } from "./use-text-autosave";

const useStyles = makeStyles({
  status: { display: "block", marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
  kept: { marginTop: tokens.spacingVerticalS, whiteSpace: "pre-wrap" },
});

export function AutosavedText({
  label,
  hint,
  initialText,
  initialEtag,
  save,
  load,
  readOnly = false,
  maxLength = 8000,
}: {
  label: string;
  hint?: string;
  initialText: string;
  initialEtag: string | null;
  save: (text: string, etag: string | null) => Promise<{ etag: string }>;
  load: () => Promise<{ text: string; etag: string | null }>;
  readOnly?: boolean;
  maxLength?: number;
}) {
  const styles = useStyles();
  const { text, setText, status, saveNow, reload } = useTextAutosave({ initialText, initialEtag, save, load });
  const [kept, setKept] = useState<string>();
  const [reloading, setReloading] = useState(false);
  const problem = status.kind === "error" || status.kind === "conflict";
  const statusText = status.kind === "conflict" ? "Couldn't save: someone else changed this text after you opened it." : saveStatusText(status);

  return (
    <div>
      <Field label={label} hint={hint}>
        <Textarea resize="vertical" rows={4} maxLength={maxLength} value={text} readOnly={readOnly} onChange={(_, data) => setText(data.value)} onBlur={() => void saveNow()} />
      </Field>
      {!readOnly && (
        <span role="status" aria-live="polite" className={problem ? `${styles.status} ${styles.problem}` : styles.status}>
          {statusText}{" "}
          {status.kind === "error" && (
            <Button size="small" onClick={() => void saveNow()}>
              Try saving again
            </Button>
          )}
          {status.kind === "conflict" && (
            <Button
              size="small"
              appearance="primary"
              disabledFocusable={reloading}
              onClick={() => {
                setReloading(true);
                void reload()
                  .then((mine) => setKept(mine))
                  .finally(() => setReloading(false));
              }}
            >
              {reloading ? "Reloading…" : "Reload"}
            </Button>
          )}
        </span>
      )}
      {kept !== undefined && kept !== text && (
        <MessageBar intent="warning" layout="multiline" className={styles.kept}>
          <MessageBarBody>
            Your text, which was not saved: <q>{kept}</q>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setText(kept);
                setKept(undefined);
              }}
            >
              Put my text back
            </Button>
            <Button onClick={() => setKept(undefined)}>Leave it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
