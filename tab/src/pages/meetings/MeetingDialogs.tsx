// Recording a meeting (who came, what was decided) and setting an action at
// one (it joins the action tracker). The API's refusals show by their field.
import { Checkbox, Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ApiClient } from "../../api/api-client";
import type { Meeting, MeetingKind } from "../../api/leadership-types";
import type { Action, PersonSummary } from "../../api/types";
import { FormDialog } from "../../components/FormDialog";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";

export const meetingKindWords: Record<MeetingKind, string> = {
  performance_meeting: "Monthly performance meeting",
  qa_board: "QA board",
  practice_review: "Practice review meeting",
  other: "Other meeting",
};

const useStyles = makeStyles({
  people: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))", columnGap: tokens.spacingHorizontalM, border: "none", padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
});

type MeetingField = "title" | "kind" | "heldOn" | "attendeeIds" | "decisions" | "notes";

export function RecordMeetingDialog({ open, api, people, onClose, onRecorded }: { open: boolean; api: ApiClient; people: PersonSummary[]; onClose: () => void; onRecorded: (meeting: Meeting) => void }) {
  const styles = useStyles();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<MeetingKind>("performance_meeting");
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const [decisions, setDecisions] = useState("");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<FieldErrors<MeetingField>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const { body } = await api.send<Meeting>("POST", "/api/meetings", {
        body: { title: title.trim(), kind, heldOn, attendeeIds, decisions: decisions.split("\n").map((line) => line.trim()).filter(Boolean), notes },
      });
      onRecorded(body);
    } catch (error) {
      setErrors(fieldErrors(error, ["title", "kind", "heldOn", "attendeeIds", "decisions", "notes"]));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: MeetingField) => ({ validationState: errors[name] ? ("error" as const) : ("none" as const), validationMessage: errors[name] });
  return (
    <FormDialog open={open} title="Record a meeting" busy={busy} submitLabel="Record the meeting" formError={errors.form} width="wide" onClose={onClose} onSubmit={() => void submit()}>
      <Field label="Title" required {...field("title")}>
        <Input value={title} maxLength={200} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label="Kind of meeting" {...field("kind")}>
        <Select value={kind} onChange={(_, data) => setKind(data.value as MeetingKind)}>
          {Object.entries(meetingKindWords).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Held on" required {...field("heldOn")}>
        <Input type="date" value={heldOn} onChange={(_, data) => setHeldOn(data.value)} />
      </Field>
      <Field {...field("attendeeIds")}>
        <fieldset className={styles.people}>
          <legend className={styles.legend}>Who attended</legend>
          {people.map((person) => (
            <Checkbox
              key={person.id}
              label={person.displayName}
              checked={attendeeIds.includes(person.id)}
              onChange={(_, data) => setAttendeeIds((current) => (data.checked ? [...current, person.id] : current.filter((id) => id !== person.id)))}
            />
          ))}
        </fieldset>
      </Field>
      <Field label="Decisions" hint="One decision on each line." {...field("decisions")}>
        <Textarea resize="vertical" value={decisions} onChange={(_, data) => setDecisions(data.value)} />
      </Field>
      <Field label="Notes" {...field("notes")}>
        <Textarea resize="vertical" maxLength={8000} value={notes} onChange={(_, data) => setNotes(data.value)} />
      </Field>
    </FormDialog>
  );
}

type ActionField = "title" | "ownerId" | "dueDate";

/** Sets an action from a meeting or an improvement plan priority: `path` is where it is POSTed. */
export function SetActionDialog({ open, api, people, path, lead, onClose, onSet }: { open: boolean; api: ApiClient; people: PersonSummary[]; path: string; lead: string; onClose: () => void; onSet: (action: Action) => void }) {
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors<ActionField>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    try {
      const { body } = await api.send<Action>("POST", path, { body: { title: title.trim(), ownerId, dueDate } });
      setTitle("");
      setOwnerId("");
      setDueDate("");
      onSet(body);
    } catch (error) {
      setErrors(fieldErrors(error, ["title", "ownerId", "dueDate"]));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: ActionField) => ({ validationState: errors[name] ? ("error" as const) : ("none" as const), validationMessage: errors[name] });
  return (
    <FormDialog open={open} title="Set an action" lead={lead} busy={busy} submitLabel="Set the action" formError={errors.form} onClose={onClose} onSubmit={() => void submit()}>
      <Field label="What needs to happen" required {...field("title")}>
        <Input value={title} maxLength={300} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label="Owner" required hint="They get a card in Teams, and a reminder if it becomes overdue." {...field("ownerId")}>
        <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
          <option value="">Choose who owns it</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due" required {...field("dueDate")}>
        <Input type="date" value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
      </Field>
    </FormDialog>
  );
}
