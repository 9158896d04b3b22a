// The dialogs for people who plan audits: "Assign an auditor" (or
// "Reassign"), with an optional due date, and "Share with an external
// auditor". Each sends the audit's ETag. The API's refusals show beside the
// field they are about; a 412 (someone else changed the audit) says so and
// offers Reload, which brings the page up to date without closing the dialog.
import { Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Audit, Me } from "../../api/types";
import { FormDialog } from "../../components/FormDialog";
import { longDateText, todayIso } from "../../components/words";
import { problemMessage } from "../../session/use-api-data";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import { ConflictMessage } from "../programmes/shared-parts";
import { auditorChoices, externalAuditors, isFirstAssignment, sharedWith, type Lookup, type PlannedAudit } from "./planning-words";

const useStyles = makeStyles({
  text: { margin: 0 },
  // Long names and team names wrap instead of widening the dialog.
  select: { minWidth: 0, maxWidth: "100%" },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  note: { ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

export interface ChangeResult {
  audit: Audit;
  etag: string | undefined;
}

interface CommonProps {
  /** Keep the dialog mounted and close it with `open={false}`: unmounting an open Fluent dialog leaves the page aria-hidden. */
  open: boolean;
  audit: PlannedAudit;
  lookup: Lookup;
  me: Me;
  api: ApiClient;
  /** The ETag of the latest version of the audit that the page knows. */
  etag: () => string;
  /** Runs first: the auditor's own unsaved answers are saved before the audit changes. */
  prepare: () => Promise<{ ok: true } | { ok: false; conflict: boolean; message: string }>;
  /** After a 412: load the audit as it is now (the page shows it). */
  reload: () => Promise<Audit>;
  onClose: () => void;
}

/** A 412, or anything else the whole form is told. */
type FormProblem = { conflict: true } | { conflict: false; text: string };

function Frame(props: {
  open: boolean;
  title: string;
  caseReference: string | null;
  busy: boolean;
  submitLabel?: string;
  problem?: FormProblem;
  note?: string;
  reloading: boolean;
  onReload: () => void;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <FormDialog
      open={props.open}
      title={props.title}
      busy={props.busy}
      submitLabel={props.submitLabel}
      submitDisabled={props.reloading}
      formError={props.problem && !props.problem.conflict ? props.problem.text : undefined}
      lead={`Audit of case ${props.caseReference ?? "(no reference)"}`}
      extra={
        <>
          {props.problem?.conflict && <ConflictMessage what="audit" onReload={props.onReload} />}
          {props.reloading && <p className={styles.text}>Reloading the audit…</p>}
        </>
      }
      onClose={props.onClose}
      onSubmit={props.onSubmit}
    >
      {props.note && <Note text={props.note} />}
      {props.children}
    </FormDialog>
  );
}

/** What Reload found. It takes focus: the Reload button it replaces has gone. */
function Note({ text }: { text: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [text]);
  return (
    <div ref={ref} tabIndex={-1} role="status" className={styles.note}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** What a failed change tells the form: a conflict, or a message for the whole form (field messages are handled by the caller). */
function formProblem(error: unknown): FormProblem {
  return error instanceof ApiProblem && error.status === 412 ? { conflict: true } : { conflict: false, text: `Nothing was changed. ${problemMessage(error)}` };
}

/** Reload after a conflict; the note says what the audit is now. */
function useConflictReload(reload: () => Promise<Audit>, describe: (audit: Audit) => string) {
  const [reloading, setReloading] = useState(false);
  const [note, setNote] = useState<string>();
  const run = async (setProblem: (problem: FormProblem | undefined) => void) => {
    setReloading(true);
    setNote(undefined);
    try {
      const audit = await reload();
      setProblem(undefined);
      setNote(describe(audit));
    } catch (error) {
      setProblem({ conflict: false, text: `Couldn't reload the audit. ${problemMessage(error)}` });
    } finally {
      setReloading(false);
    }
  };
  return { reloading, note, setNote, run };
}

// --- Assign an auditor / Reassign ------------------------------------------

type AssignField = "auditorId" | "dueDate";

export function AssignDialog(props: CommonProps & { onAssigned: (result: ChangeResult, auditorName: string) => void }) {
  const { open, audit, lookup, me, api, etag, prepare, onClose, onAssigned } = props;
  const styles = useStyles();
  const [auditorId, setAuditorId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors<AssignField>>({});
  const [problem, setProblem] = useState<FormProblem>();
  const [busy, setBusy] = useState(false);
  const auditorRef = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const choices = auditorChoices(audit, lookup, me);
  const first = isFirstAssignment(audit);
  const today = todayIso();
  const conflict = useConflictReload(props.reload, (now) =>
    `This is the audit as it is now: ${statusSentence(now, lookup)} Check your choice, then select ${isFirstAssignment(now) ? "Assign" : "Reassign"} again.`,
  );

  const focusField = (field: AssignField | undefined) => (field === "auditorId" ? auditorRef : field === "dueDate" ? dateRef : undefined)?.current?.focus();

  const submit = async () => {
    const found: FieldErrors<AssignField> = {};
    if (!auditorId) found.auditorId = "Choose an auditor.";
    if (dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) found.dueDate = "Give the due date as a whole date, or leave it empty.";
    else if (dueDate && dueDate < today) found.dueDate = `Choose a date from today (${longDateText(today)}) on, or leave it empty.`;
    if (found.auditorId || found.dueDate) {
      setErrors(found);
      focusField(found.auditorId ? "auditorId" : "dueDate");
      return;
    }
    setBusy(true);
    setErrors({});
    setProblem(undefined);
    conflict.setNote(undefined);
    try {
      const ready = await prepare();
      if (!ready.ok) {
        setProblem(ready.conflict ? { conflict: true } : { conflict: false, text: ready.message });
        setBusy(false);
        return;
      }
      const result = await api.send<Audit>("POST", `/api/audits/${encodeURIComponent(audit.id)}/assign`, {
        body: dueDate ? { auditorId, dueDate } : { auditorId },
        ifMatch: etag(),
      });
      onAssigned({ audit: result.body, etag: result.etag }, lookup.people.get(auditorId)?.displayName ?? "The auditor");
    } catch (error) {
      const next = error instanceof ApiProblem && error.problems.length > 0 ? fieldErrors(error, ["auditorId", "dueDate"] as const) : {};
      if (next.auditorId || next.dueDate) {
        setErrors(next);
        if (next.form) setProblem({ conflict: false, text: next.form });
        focusField(next.auditorId ? "auditorId" : "dueDate");
      } else {
        setProblem(formProblem(error));
      }
      setBusy(false);
    }
  };

  const keeps = audit.dueDate ? `Optional. Leave it empty to keep ${longDateText(audit.dueDate)}.` : "Optional. Leave it empty for no due date.";

  return (
    <Frame
      open={open}
      title={first ? "Assign an auditor" : "Reassign the audit"}
      caseReference={audit.caseReference}
      busy={busy}
      submitLabel={first ? "Assign" : "Reassign"}
      problem={problem}
      note={conflict.note}
      reloading={conflict.reloading}
      onReload={() => void conflict.run(setProblem)}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <p className={styles.text}>
        {first
          ? "The auditor gets the assignment as a card in Teams."
          : `${statusSentence(audit, lookup)} The new auditor gets the assignment as a card in Teams.`}{" "}
        Someone from another team is usually best: people in the case's own team are listed last.
      </p>
      <Field label="Auditor" required validationState={errors.auditorId ? "error" : "none"} validationMessage={errors.auditorId}>
        <Select ref={auditorRef} className={styles.select} value={auditorId} onChange={(_, data) => setAuditorId(data.value)}>
          <option value="">Choose an auditor</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due date" hint={keeps} validationState={errors.dueDate ? "error" : "none"} validationMessage={errors.dueDate}>
        <Input ref={dateRef} type="date" min={today} value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
      </Field>
    </Frame>
  );
}

/** "Daniel Price has it, not started yet." and the like, for the Reassign dialog and after a reload. */
function statusSentence(audit: Audit, lookup: Lookup): string {
  const name = audit.auditorId ? (lookup.people.get(audit.auditorId)?.displayName ?? "Someone you cannot see") : undefined;
  switch (audit.status) {
    case "planned":
      return "It has no auditor yet.";
    case "declined":
      return `${name ?? "The auditor"} declined it${audit.declineReason ? `, saying: “${audit.declineReason}”` : "."}`;
    case "assigned":
      return `${name ?? "Someone"} has it and has not started it yet.`;
    case "reflection_requested":
      return `${name ?? "Someone"} has it; the practitioner's reflection is asked for.`;
    case "in_progress":
      return `${name ?? "The auditor"} has started it, so it can no longer be reassigned.`;
    default:
      return "It can no longer be assigned.";
  }
}

// --- Share with an external auditor -----------------------------------------

export function ShareDialog(props: CommonProps & { onShared: (result: ChangeResult, personName: string) => void }) {
  const { open, audit, lookup, api, etag, prepare, onClose, onShared } = props;
  const styles = useStyles();
  const [personId, setPersonId] = useState("");
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<FormProblem>();
  const [busy, setBusy] = useState(false);
  const groupRef = useRef<HTMLDivElement>(null);
  const already = new Set(sharedWith(audit));
  const external = externalAuditors(lookup);
  const choices = external.filter((person) => !already.has(person.id));
  const conflict = useConflictReload(props.reload, () => "This is the audit as it is now. Check your choice, then select Share again.");

  const focusGroup = () => (groupRef.current?.querySelector<HTMLInputElement>("input:checked") ?? groupRef.current?.querySelector<HTMLInputElement>("input"))?.focus();

  const submit = async () => {
    if (!personId) {
      setError("Choose who to share it with.");
      focusGroup();
      return;
    }
    setBusy(true);
    setError(undefined);
    setProblem(undefined);
    conflict.setNote(undefined);
    try {
      const ready = await prepare();
      if (!ready.ok) {
        setProblem(ready.conflict ? { conflict: true } : { conflict: false, text: ready.message });
        setBusy(false);
        return;
      }
      const result = await api.send<Audit>("POST", `/api/audits/${encodeURIComponent(audit.id)}/share`, { body: { personId }, ifMatch: etag() });
      onShared({ audit: result.body, etag: result.etag }, lookup.people.get(personId)?.displayName ?? "The external auditor");
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.problems.length > 0) {
        const next = fieldErrors(failure, ["personId"] as const, "personId");
        setError(next.personId);
        focusGroup();
      } else {
        setProblem(formProblem(failure));
      }
      setBusy(false);
    }
  };

  return (
    <Frame
      open={open}
      title="Share with an external auditor"
      caseReference={audit.caseReference}
      busy={busy}
      submitLabel={choices.length > 0 ? "Share" : undefined}
      problem={problem}
      note={conflict.note}
      reloading={conflict.reloading}
      onReload={() => void conflict.run(setProblem)}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {external.length === 0 ? (
        <p className={styles.text}>There are no external auditors in Golden Thread, so there is no one to share this audit with.</p>
      ) : choices.length === 0 ? (
        <p className={styles.text}>Every external auditor can already see this audit.</p>
      ) : (
        <>
          <p className={styles.text}>They will be able to see this audit. An external auditor sees only the audits shared with them.</p>
          <Field label="Who to share it with" required validationState={error ? "error" : "none"} validationMessage={error}>
            <RadioGroup ref={groupRef} value={personId} onChange={(_, data) => setPersonId(data.value)}>
              {choices.map((person) => (
                <Radio
                  key={person.id}
                  value={person.id}
                  label={
                    <>
                      {person.displayName}
                      {person.jobTitle && <span className={styles.detail}>{person.jobTitle}</span>}
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
        </>
      )}
    </Frame>
  );
}
