// The QA lead's two set-up steps on the moderation page: convene a panel on
// a waiting moderation (its moderator chairs; members get invitation cards),
// and set up an external parallel audit (two audits of one case, each sealed
// from the other until both are submitted).
import { Checkbox, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { ApiClient } from "../../api/api-client";
import { FormDialog } from "../../components/FormDialog";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import type { ModerationSummary } from "./moderation-words";

const useStyles = makeStyles({
  members: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold, width: "100%" },
  error: { width: "100%", color: tokens.colorPaletteRedForeground1 },
});

export interface StaffMember {
  id: string;
  displayName: string;
  roles: string[];
}

interface DialogProps {
  open: boolean;
  api: ApiClient;
  onClose: () => void;
  /** After a change: what happened, in a sentence. */
  onDone: (message: string) => void;
}

export function PanelDialog({ open, api, moderation, staff, onClose, onDone }: DialogProps & { moderation: ModerationSummary | undefined; staff: StaffMember[] }) {
  const styles = useStyles();
  const errorId = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<"memberIds">>({});
  const [busy, setBusy] = useState(false);
  const candidates = staff.filter((person) => person.roles.includes("moderator") && person.id !== moderation?.moderatorId && person.id !== moderation?.auditorId);

  const submit = async () => {
    if (!moderation) return;
    if (chosen.length < 2) {
      setErrors({ memberIds: "Choose at least two moderators besides the chair." });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { etag } = await api.get(`/api/moderations/${encodeURIComponent(moderation.id)}`);
      await api.send("POST", `/api/moderations/${encodeURIComponent(moderation.id)}/panel`, { body: { memberIds: chosen }, ifMatch: etag });
      setChosen([]);
      onDone(`A panel will moderate case ${moderation.caseReference ?? ""}. Its members have been invited in Teams.`);
    } catch (error) {
      setErrors(fieldErrors(error, ["memberIds"], "memberIds"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open={open}
      title="Convene a moderation panel"
      lead={moderation ? `Case ${moderation.caseReference ?? "not recorded"}, chaired by ${moderation.moderatorName ?? "its moderator"}` : undefined}
      busy={busy}
      busyLabel="Inviting…"
      submitLabel="Invite the panel"
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {/* Not a Field: a Field gives its one control its id, and these are several. */}
      <fieldset className={styles.members} aria-describedby={errors.memberIds ? errorId : undefined}>
        <legend className={styles.legend}>Panel members (each gives a view; the chair records the outcome)</legend>
        {candidates.map((person) => (
          <Checkbox
            key={person.id}
            label={person.displayName}
            checked={chosen.includes(person.id)}
            onChange={(_, data) => setChosen((current) => (data.checked ? [...current, person.id] : current.filter((id) => id !== person.id)))}
          />
        ))}
        {errors.memberIds && (
          <Text id={errorId} block className={styles.error}>
            {errors.memberIds}
          </Text>
        )}
      </fieldset>
    </FormDialog>
  );
}

type ParallelField = "caseId" | "toolId" | "internalAuditorId" | "externalAuditorId" | "dueDate";

export function ParallelAuditDialog({
  open,
  api,
  staff,
  cases,
  tools,
  onClose,
  onDone,
}: DialogProps & { staff: StaffMember[]; cases: { id: string; reference: string }[]; tools: { id: string; name: string }[] }) {
  const empty = { caseId: "", toolId: tools[0]?.id ?? "", internalAuditorId: "", externalAuditorId: "", dueDate: "" };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<ParallelField>>({});
  const [busy, setBusy] = useState(false);
  const internal = staff.filter((person) => person.roles.includes("auditor") || person.roles.includes("qa_lead"));
  const external = staff.filter((person) => person.roles.includes("external_auditor"));
  const set = (field: ParallelField) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  const submit = async () => {
    const missing: FieldErrors<ParallelField> = {};
    if (!form.caseId) missing.caseId = "Choose the case.";
    if (!(form.toolId || tools[0]?.id)) missing.toolId = "Choose the audit tool.";
    if (!form.internalAuditorId) missing.internalAuditorId = "Choose the internal auditor.";
    if (!form.externalAuditorId) missing.externalAuditorId = "Choose the external auditor.";
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.send("POST", "/api/parallel-audits", { body: { ...form, toolId: form.toolId || tools[0]!.id, dueDate: form.dueDate || undefined } });
      const reference = cases.find((candidate) => candidate.id === form.caseId)?.reference ?? "";
      setForm(empty);
      onDone(`External parallel audit of case ${reference} set up. Both auditors have it in Teams.`);
    } catch (error) {
      setErrors(fieldErrors(error, ["caseId", "toolId", "internalAuditorId", "externalAuditorId", "dueDate"]));
    } finally {
      setBusy(false);
    }
  };

  const choice = (field: ParallelField, label: string, options: { value: string; text: string }[]) => (
    <Field label={label} required validationMessage={errors[field]} validationState={errors[field] ? "error" : "none"}>
      <Select value={form[field]} onChange={(_, data) => set(field)(data.value)}>
        <option value="">Choose…</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <FormDialog
      open={open}
      title="Set up an external parallel audit"
      lead="The case is audited at the same time by an internal and an external auditor. Neither sees the other's grades until both have submitted."
      busy={busy}
      busyLabel="Setting up…"
      submitLabel="Set up the parallel audit"
      formError={errors.form}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {choice("caseId", "Case", cases.map((candidate) => ({ value: candidate.id, text: candidate.reference })))}
      {tools.length > 1 && choice("toolId", "Audit tool", tools.map((tool) => ({ value: tool.id, text: tool.name })))}
      {choice("internalAuditorId", "Internal auditor", internal.map((person) => ({ value: person.id, text: person.displayName })))}
      {choice("externalAuditorId", "External auditor", external.map((person) => ({ value: person.id, text: person.displayName })))}
      <Field label="Due date (optional)" validationMessage={errors.dueDate} validationState={errors.dueDate ? "error" : "none"}>
        <Input type="date" value={form.dueDate} onChange={(_, data) => set("dueDate")(data.value)} />
      </Field>
    </FormDialog>
  );
}
