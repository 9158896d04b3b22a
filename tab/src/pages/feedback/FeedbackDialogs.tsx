// Recording or correcting a compliment or complaint, and a complaint's next
// step: extend the timescale, record the response, or move to the next
// stage. Each shows the API's refusal beside the field it is about.
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Team } from "../../api/types";
import { FormDialog } from "../../components/FormDialog";
import { longDateText, todayIso } from "../../components/words";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import { extensionLimits, outcomeWords, sourceWords, type ComplaintOutcome, type Feedback, type FeedbackType } from "./feedback-words";

interface DialogBase {
  open: boolean;
  api: ApiClient;
  onClose: () => void;
  onSaved: (feedback: Feedback, message: string) => void;
}

const detailFields = ["type", "source", "receivedOn", "theme", "teamId", "caseReference", "summary"] as const;
type DetailField = (typeof detailFields)[number];

const stale = "Someone else changed this record after you opened it. Close this, and open it again to see their changes.";

function withEtag(result: { body: Feedback; etag?: string }): Feedback {
  return { ...result.body, etag: result.etag ?? result.body.etag };
}

export function FeedbackDetailsDialog({ open, api, onClose, onSaved, teams, editing }: DialogBase & { teams: Team[]; editing?: Feedback }) {
  const [values, setValues] = useState<Record<DetailField, string>>({
    type: editing?.type ?? "compliment",
    source: editing?.source ?? "child_or_young_person",
    receivedOn: editing?.receivedOn ?? todayIso(),
    theme: editing?.theme ?? "",
    teamId: editing?.teamId ?? teams[0]?.id ?? "",
    caseReference: editing?.caseReference ?? "",
    summary: editing?.summary ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors<DetailField>>({});
  const [busy, setBusy] = useState(false);
  const set = (field: DetailField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async () => {
    const found: FieldErrors<DetailField> = {};
    if (!values.theme.trim()) found.theme = "Give the theme: what it is about, in a few words.";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.receivedOn)) found.receivedOn = "Choose the date it was received.";
    if (Object.keys(found).length > 0) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      const body = { ...values, caseReference: values.caseReference.trim() };
      if (editing) {
        const { type: _type, ...changes } = body;
        const result = await api.send<Feedback>("PATCH", `/api/feedback/${encodeURIComponent(editing.id)}`, { body: changes, ifMatch: editing.etag });
        onSaved(withEtag(result), `Saved the changes to "${values.theme.trim()}".`);
      } else {
        const result = await api.send<Feedback>("POST", "/api/feedback", { body });
        const saved = withEtag(result);
        onSaved(saved, saved.type === "complaint" ? `Complaint recorded. Stage 1 is due ${longDateText(saved.standing.stages[0]?.dueOn)}.` : "Compliment recorded.");
      }
    } catch (error) {
      setErrors(error instanceof ApiProblem && error.status === 412 ? { form: stale } : fieldErrors(error, detailFields));
      setBusy(false);
    }
  };

  const field = (name: DetailField) => ({ validationState: errors[name] ? ("error" as const) : ("none" as const), validationMessage: errors[name] });
  return (
    <FormDialog
      open={open}
      title={editing ? "Correct the details" : "Record a compliment or complaint"}
      lead="Use the case reference only: never a child's or family member's name."
      busy={busy}
      submitLabel={editing ? "Save changes" : "Record it"}
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
      width="wide"
    >
      {!editing && (
        <Field label="Type" required {...field("type")}>
          <Select value={values.type} onChange={(_, data) => set("type")(data.value as FeedbackType)}>
            <option value="compliment">Compliment</option>
            <option value="complaint">Complaint (starts at stage 1)</option>
          </Select>
        </Field>
      )}
      <Field label="Who it came from" required {...field("source")}>
        <Select value={values.source} onChange={(_, data) => set("source")(data.value)}>
          {Object.entries(sourceWords).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date received" required hint="Complaint timescales count working days from the day after this." {...field("receivedOn")}>
        <Input type="date" max={todayIso()} value={values.receivedOn} onChange={(_, data) => set("receivedOn")(data.value)} />
      </Field>
      <Field label="Theme" required hint="What it is about, in a few words, such as 'Changes to contact'." {...field("theme")}>
        <Input maxLength={200} value={values.theme} onChange={(_, data) => set("theme")(data.value)} />
      </Field>
      <Field label="Team" required {...field("teamId")}>
        <Select value={values.teamId} onChange={(_, data) => set("teamId")(data.value)}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Case reference (optional)" hint="Such as NM-100231." {...field("caseReference")}>
        <Input maxLength={30} value={values.caseReference} onChange={(_, data) => set("caseReference")(data.value)} />
      </Field>
      <Field label="What was said (optional)" hint="In their words where you can. No names." {...field("summary")}>
        <Textarea resize="vertical" maxLength={2000} value={values.summary} onChange={(_, data) => set("summary")(data.value)} />
      </Field>
    </FormDialog>
  );
}

export type StageStepKind = "extend" | "respond" | "escalate";

export function StageStepDialog({ open, api, onClose, onSaved, kind, feedback }: DialogBase & { kind: StageStepKind; feedback: Feedback }) {
  const current = feedback.standing.stages.at(-1)!;
  const limits = extensionLimits[current.stage];
  const [date, setDate] = useState(todayIso());
  const [workingDays, setWorkingDays] = useState(String(limits.maximum));
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<ComplaintOutcome>("upheld");
  const [errors, setErrors] = useState<FieldErrors<"date" | "workingDays" | "reason" | "outcome">>({});
  const [busy, setBusy] = useState(false);

  const titles: Record<StageStepKind, string> = {
    extend: `Extend ${current.name.toLowerCase()}`,
    respond: current.stage === 3 ? "Record the review panel" : `Record the stage ${current.stage} response`,
    escalate: `Move to stage ${current.stage + 1}`,
  };

  const submit = async () => {
    setBusy(true);
    setErrors({});
    const path = `/api/feedback/${encodeURIComponent(feedback.id)}/${kind}`;
    const body =
      kind === "extend" ? { workingDays: Number(workingDays), reason: reason.trim() } : kind === "respond" ? { respondedOn: date, outcome } : { requestedOn: date };
    try {
      const saved = withEtag(await api.send<Feedback>("POST", path, { body, ifMatch: feedback.etag }));
      const due = saved.standing.stages.at(-1)?.dueOn;
      const messages: Record<StageStepKind, string> = {
        extend: `Extended: now due ${longDateText(due)}.`,
        respond: `Response recorded for "${feedback.theme}".`,
        escalate: `Moved to stage ${current.stage + 1}: due ${longDateText(due)}.`,
      };
      onSaved(saved, messages[kind]);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) setErrors({ form: stale });
      else {
        const found = fieldErrors(error, ["workingDays", "reason", "outcome", "respondedOn", "requestedOn"] as const);
        setErrors({ ...found, date: found.respondedOn ?? found.requestedOn });
      }
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title={titles[kind]} lead={`${feedback.theme}: ${current.name}, due ${longDateText(current.dueOn)}`} busy={busy} submitLabel={titles[kind]} formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      {kind === "extend" && (
        <>
          <Field label="Extend to (working days from the start of the stage)" required hint={`At most ${limits.maximum}.`} validationState={errors.workingDays ? "error" : "none"} validationMessage={errors.workingDays}>
            <Input type="number" min={limits.base + 1} max={limits.maximum} value={workingDays} onChange={(_, data) => setWorkingDays(data.value)} />
          </Field>
          <Field label="Why is more time needed?" required validationState={errors.reason ? "error" : "none"} validationMessage={errors.reason}>
            <Textarea resize="vertical" maxLength={1000} value={reason} onChange={(_, data) => setReason(data.value)} />
          </Field>
        </>
      )}
      {kind !== "extend" && (
        <Field
          label={kind === "respond" ? (current.stage === 3 ? "Date the panel met" : "Date the response was sent") : "Date the complainant asked for the next stage"}
          required
          validationState={errors.date ? "error" : "none"}
          validationMessage={errors.date}
        >
          <Input type="date" max={todayIso()} value={date} onChange={(_, data) => setDate(data.value)} />
        </Field>
      )}
      {kind === "respond" && (
        <Field label="Outcome" required validationState={errors.outcome ? "error" : "none"} validationMessage={errors.outcome}>
          <Select value={outcome} onChange={(_, data) => setOutcome(data.value as ComplaintOutcome)}>
            {Object.entries(outcomeWords).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}
