// "Mark done" (evidence required) and "Need more time" (new date and a
// reason). Each shows the API's refusal next to the field it is about.
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { ApiClient } from "../../api/api-client";
import type { Action } from "../../api/types";
import { FormDialog } from "../../components/FormDialog";
import { longDateText } from "../../components/words";
import { changeAction, fieldErrors, type FieldErrors } from "./action-changes";

export type ActionDialogKind = "done" | "extend";

interface DialogProps {
  kind: ActionDialogKind;
  /**
   * Keep the dialog mounted and close it with `open={false}`: unmounting an
   * open Fluent dialog leaves the rest of the page aria-hidden.
   */
  open: boolean;
  action: Action;
  api: ApiClient;
  onClose: () => void;
  /** The changed action (or the newer one, after a conflict) and what to tell the person. */
  onChanged: (action: Action, message: string | undefined) => void;
}

export function ActionDialog(props: DialogProps) {
  return props.kind === "done" ? <MarkDoneDialog {...props} /> : <MoreTimeDialog {...props} />;
}

function MarkDoneDialog({ open, action, api, onClose, onChanged }: DialogProps) {
  const [evidence, setEvidence] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"evidence">>({});
  const [busy, setBusy] = useState(false);
  const evidenceRef = useRef<HTMLTextAreaElement>(null);

  const submit = async () => {
    if (!evidence.trim()) {
      setErrors({ evidence: "Say what shows the action is done." });
      evidenceRef.current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const result = await changeAction(api, action, "done", { evidence: evidence.trim() });
      if (result.ok) onChanged(result.action, `Marked done: ${action.title}.`);
      else {
        onChanged(result.action, undefined);
        setErrors({ form: result.message });
        setBusy(false);
      }
    } catch (error) {
      const next = fieldErrors(error, ["evidence"], "evidence");
      setErrors(next);
      if (next.evidence) evidenceRef.current?.focus();
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title="Mark this action done" lead={action.title} busy={busy} submitLabel="Mark done" formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Field
        label="What shows it is done?"
        hint="The evidence: what changed, and where someone can see it."
        required
        validationState={errors.evidence ? "error" : "none"}
        validationMessage={errors.evidence}
      >
        <Textarea ref={evidenceRef} resize="vertical" maxLength={4000} value={evidence} onChange={(_, data) => setEvidence(data.value)} />
      </Field>
    </FormDialog>
  );
}

function dayAfter(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function MoreTimeDialog({ open, action, api, onClose, onChanged }: DialogProps) {
  const [dueDate, setDueDate] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors<"dueDate" | "reason">>({});
  const [busy, setBusy] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const earliest = dayAfter(action.dueDate);

  const submit = async () => {
    const found: FieldErrors<"dueDate" | "reason"> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "Choose the new due date.";
    else if (dueDate <= action.dueDate) found.dueDate = `Choose a date after ${longDateText(action.dueDate)}, the current due date.`;
    if (!reason.trim()) found.reason = "Say why you need more time.";
    if (found.dueDate || found.reason) {
      setErrors(found);
      (found.dueDate ? dateRef : reasonRef).current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const result = await changeAction(api, action, "extend", { dueDate, reason: reason.trim() });
      if (result.ok) onChanged(result.action, `${action.title}: now due ${longDateText(result.action.dueDate)}.`);
      else {
        onChanged(result.action, undefined);
        setErrors({ form: result.message });
        setBusy(false);
      }
    } catch (error) {
      const next = fieldErrors(error, ["dueDate", "reason"]);
      setErrors(next);
      if (next.dueDate) dateRef.current?.focus();
      else if (next.reason) reasonRef.current?.focus();
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title="Ask for more time" lead={action.title} busy={busy} submitLabel="Move the due date" formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <p style={{ margin: 0 }}>It is due {longDateText(action.dueDate)}.</p>
      <Field label="New due date" required validationState={errors.dueDate ? "error" : "none"} validationMessage={errors.dueDate}>
        <Input ref={dateRef} type="date" min={earliest} value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
      </Field>
      <Field label="Why do you need more time?" required validationState={errors.reason ? "error" : "none"} validationMessage={errors.reason}>
        <Textarea ref={reasonRef} resize="vertical" maxLength={1000} value={reason} onChange={(_, data) => setReason(data.value)} />
      </Field>
    </FormDialog>
  );
}
