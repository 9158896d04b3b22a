// After a conflict and Reload: the auditor's text that differs from the
// other person's version, with "Put my text back" or "Leave it out".
import { Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { PageText } from "../../components/PageText";
import type { UnsavedText } from "./use-autosave";

const useStyles = makeStyles({
  panel: {
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder2}`,
    borderRadius: tokens.borderRadiusLarge,
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  heading: { margin: 0 },
  list: { margin: 0, marginTop: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  detail: { margin: 0, marginTop: tokens.spacingVerticalXXS, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
});

export function UnsavedTextPanel({ unsaved, editable, onRestore, onDismiss }: { unsaved: UnsavedText; editable: boolean; onRestore: () => void; onDismiss: () => void }) {
  const styles = useStyles();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} tabIndex={-1} className={styles.panel} aria-labelledby="unsaved-heading">
      <Subtitle2 as="h3" id="unsaved-heading" className={styles.heading}>
        Your text that was not saved
      </Subtitle2>
      <PageText>
        The form now shows the other person's version. This is what you had typed where it differs.
        {editable ? " Put it back to save it over their version, or leave it out." : " The audit can no longer be changed, so copy anything you need."}
      </PageText>
      <dl className={styles.list}>
        {unsaved.fields.map((field) => (
          <div key={field.id}>
            <dt className={styles.term}>{field.label}</dt>
            <dd className={styles.detail}>
              Yours: {field.text || "(empty)"}
              {"\n"}Theirs: {field.theirs || "(empty)"}
            </dd>
          </div>
        ))}
      </dl>
      <div className={styles.buttons}>
        {editable && (
          <Button appearance="primary" onClick={onRestore}>
            Put my text back
          </Button>
        )}
        <Button onClick={onDismiss}>{editable ? "Leave it out" : "Close"}</Button>
      </div>
    </section>
  );
}
