// Starting the first SEF year, adding an improvement plan priority, and
// starting next year's SEF (which carries unfinished priorities forward).
import { Checkbox, Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { ImprovementPriority, SefStatement, SelfEvaluation } from "../../api/leadership-types";
import type { PersonSummary } from "../../api/types";
import { FormDialog } from "../../components/FormDialog";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import { ilacsAreaWords, suggestedYear } from "./sef-words";

const useStyles = makeStyles({
  statements: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, border: "none", padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

export function StartYearDialog({ open, api, onClose, onStarted }: { open: boolean; api: ApiClient; onClose: () => void; onStarted: (sef: SelfEvaluation) => void }) {
  const [year, setYear] = useState(suggestedYear());
  const [startsOn, setStartsOn] = useState(`${suggestedYear().slice(0, 4)}-04-01`);
  const [errors, setErrors] = useState<FieldErrors<"year" | "startsOn">>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      onStarted((await api.send<SelfEvaluation>("POST", "/api/self-evaluations", { body: { year: year.trim(), startsOn } })).body);
    } catch (error) {
      setErrors(fieldErrors(error, ["year", "startsOn"]));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={open} title="Start the self-evaluation" busy={busy} submitLabel="Start" formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Field label="Year" hint="Written as 2026-27" required validationState={errors.year ? "error" : "none"} validationMessage={errors.year}>
        <Input value={year} onChange={(_, data) => setYear(data.value)} />
      </Field>
      <Field label="The year starts on" required validationState={errors.startsOn ? "error" : "none"} validationMessage={errors.startsOn}>
        <Input type="date" value={startsOn} onChange={(_, data) => setStartsOn(data.value)} />
      </Field>
    </FormDialog>
  );
}

type PriorityField = "title" | "impactMeasure" | "ownerId" | "statementIds";

/** Adds a priority, or changes `priority` (with its ETag) when one is given. */
export function PriorityDialog({
  open,
  api,
  selfEvaluationId,
  people,
  statements,
  priority,
  onClose,
  onSaved,
}: {
  open: boolean;
  api: ApiClient;
  selfEvaluationId: string;
  people: PersonSummary[];
  statements: SefStatement[];
  priority?: ImprovementPriority;
  onClose: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const [title, setTitle] = useState(priority?.title ?? "");
  const [impactMeasure, setImpactMeasure] = useState(priority?.impactMeasure ?? "");
  const [ownerId, setOwnerId] = useState(priority?.ownerId ?? "");
  const [statementIds, setStatementIds] = useState<string[]>(priority?.statementIds ?? []);
  const [errors, setErrors] = useState<FieldErrors<PriorityField>>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setErrors({});
    const body = { title: title.trim(), impactMeasure, ownerId, statementIds };
    try {
      if (priority) {
        await api.send("PATCH", `/api/improvement-priorities/${encodeURIComponent(priority.id)}`, { body, ifMatch: priority.etag });
      } else {
        await api.send("POST", `/api/self-evaluations/${encodeURIComponent(selfEvaluationId)}/priorities`, { body });
        setTitle("");
        setImpactMeasure("");
        setOwnerId("");
        setStatementIds([]);
      }
      onSaved();
    } catch (error) {
      setErrors(
        error instanceof ApiProblem && error.status === 412
          ? { form: "Someone else changed this priority after you opened it. Close this, and open it again to see their change; your text here is not saved." }
          : fieldErrors(error, ["title", "impactMeasure", "ownerId", "statementIds"]),
      );
    } finally {
      setBusy(false);
    }
  };
  const field = (name: PriorityField) => ({ validationState: errors[name] ? ("error" as const) : ("none" as const), validationMessage: errors[name] });
  return (
    <FormDialog
      open={open}
      title={priority ? "Change the priority" : "Add a priority to the improvement plan"}
      busy={busy}
      submitLabel={priority ? "Save the priority" : "Add the priority"} formError={errors.form} width="wide" onClose={onClose} onSubmit={() => void submit()}>
      <Field label="Priority" required {...field("title")}>
        <Input value={title} maxLength={300} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label="What will show it made a difference" hint="The evidence of impact you will look for, e.g. audit grades for oversight." {...field("impactMeasure")}>
        <Textarea resize="vertical" maxLength={2000} value={impactMeasure} onChange={(_, data) => setImpactMeasure(data.value)} />
      </Field>
      <Field label="Owner" required {...field("ownerId")}>
        <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
          <option value="">Choose who owns it</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {statements.length > 0 && (
        <Field {...field("statementIds")}>
          <fieldset className={styles.statements}>
            <legend className={styles.legend}>Self-evaluation statements it answers</legend>
            {statements.map((statement) => (
              <Checkbox
                key={statement.id}
                label={`${ilacsAreaWords[statement.area].replace(/^The /, "")}: ${statement.text.trim().slice(0, 90) || "(not written yet)"}`}
                checked={statementIds.includes(statement.id)}
                onChange={(_, data) => setStatementIds((current) => (data.checked ? [...current, statement.id] : current.filter((id) => id !== statement.id)))}
              />
            ))}
          </fieldset>
        </Field>
      )}
    </FormDialog>
  );
}

export function NextYearDialog({ open, api, current, onClose, onStarted }: { open: boolean; api: ApiClient; current: SelfEvaluation; onClose: () => void; onStarted: (next: SelfEvaluation) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onStarted((await api.send<SelfEvaluation>("POST", `/api/self-evaluations/${encodeURIComponent(current.id)}/next-year`)).body);
    } catch (problem) {
      setError(fieldErrors(problem, []).form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={open} title="Start next year's self-evaluation" busy={busy} submitLabel="Start next year" busyLabel="Starting…" formError={error} onClose={onClose} onSubmit={() => void submit()}>
      <p>
        The {current.year} self-evaluation closes and is kept as it is. Priorities not yet achieved move to next year's plan with their unfinished actions; done
        actions stay where they were.
      </p>
    </FormDialog>
  );
}
