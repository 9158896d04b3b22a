// The frame every form dialog shares: a modal Fluent dialog around a form,
// with a title, an optional line under it, the message for the whole form,
// the fields, and the submit and Cancel buttons.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { FormEvent, ReactNode } from "react";

const useStyles = makeStyles({
  surface: { maxWidth: "min(560px, calc(100vw - 32px))", boxSizing: "border-box" },
  wide: { maxWidth: "min(640px, calc(100vw - 32px))" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  lead: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  actions: { flexWrap: "wrap" },
});

export interface FormDialogProps {
  /**
   * Keep the dialog mounted and close it with `open={false}`: unmounting an
   * open Fluent dialog leaves the rest of the page aria-hidden.
   */
  open: boolean;
  title: string;
  /** Saving: the submit button says `busyLabel` and cannot be used. */
  busy: boolean;
  /** Without one there is no submit button, and Cancel reads "Close". */
  submitLabel?: string;
  /** What the submit button says while busy. */
  busyLabel?: string;
  /** The submit button cannot be used (without saying `busyLabel`), for example while reloading. */
  submitDisabled?: boolean;
  /** A message for the whole form, shown as an error with role="alert". */
  formError?: string;
  onClose: () => void;
  onSubmit: () => void;
  /** "wide" is 640px rather than 560px. */
  width?: "normal" | "wide";
  /** The line under the title: what the dialog is about. */
  lead?: ReactNode;
  /** Messages shown before the form error, such as a conflict. */
  extra?: ReactNode;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={mergeClasses(styles.surface, props.width === "wide" && styles.wide)}>
        <form
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            props.onSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.content}>
              {props.lead && <p className={styles.lead}>{props.lead}</p>}
              {props.extra}
              {props.formError && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{props.formError}</MessageBarBody>
                </MessageBar>
              )}
              {props.children}
            </DialogContent>
            <DialogActions className={styles.actions}>
              {props.submitLabel && (
                <Button type="submit" appearance="primary" disabledFocusable={props.busy || props.submitDisabled}>
                  {props.busy ? (props.busyLabel ?? "Saving…") : props.submitLabel}
                </Button>
              )}
              <Button onClick={props.onClose}>{props.submitLabel ? "Cancel" : "Close"}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
