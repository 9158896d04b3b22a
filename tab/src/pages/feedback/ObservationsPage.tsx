// #/observations: practice observations, including observation of
// supervision. Managers record one (the agreed actions go to the action
// tracker; the practitioner is asked for their reflection in Teams); the
// practitioner can also give their reflection here.
import { Button, Field, Input, makeStyles, Select, Textarea, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useSavedNotice } from "../../components/saved-notice";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { PersonSummary } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { FormDialog } from "../../components/FormDialog";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { longDateText, todayIso } from "../../components/words";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { recorderRoles } from "./feedback-words";
import { SupervisionFeedback } from "./SupervisionFeedback";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  action: { display: "grid", gridTemplateColumns: "1fr auto", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

export interface Observation {
  id: string;
  etag: string;
  practitionerId: string;
  observerId: string;
  setting: "home_visit" | "meeting" | "supervision" | "direct_work" | "other";
  observedOn: string;
  caseReference?: string;
  strengths: string;
  areasToDevelop: string;
  agreedActions: { title: string; ownerId: string; dueDate: string; actionId?: string }[];
  reflection?: string;
  status: "awaiting_reflection" | "complete";
}

const settingWords: Record<Observation["setting"], string> = {
  home_visit: "Home visit",
  meeting: "Meeting",
  supervision: "Supervision",
  direct_work: "Direct work with a child",
  other: "Other",
};

export function ObservationsPage() {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me, api } = useSession();
  const [changes, setChanges] = useState(0);
  const people = useApiData(async (client) => (await client.get<{ people: PersonSummary[] }>("/api/people")).body.people, []);
  // The bot's cards link to one observation: #/observations?observationId=…
  const query = useHashQuery();
  const onlyId = query.get("observationId") ?? "";
  const list = useApiData(
    async (client) => (onlyId ? [(await client.get<Observation>(`/api/observations/${encodeURIComponent(onlyId)}`)).body] : (await client.get<{ observations: Observation[] }>("/api/observations", { limit: "200" })).body.observations),
    [changes, onlyId],
  );
  const [dialog, setDialog] = useState<{ kind: "record" } | { kind: "reflect"; observation: Observation }>();
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const { showSaved, savedNotice } = useSavedNotice();

  const nameOf = useMemo(() => {
    const names = new Map((people.state.kind === "ok" ? people.state.data : []).map((person) => [person.id, person.displayName]));
    return (id: string) => (id === me.id ? `${me.displayName} (you)` : (names.get(id) ?? "Someone you cannot see"));
  }, [people.state, me]);
  const practitioners = useMemo(() => {
    const all = people.state.kind === "ok" ? people.state.data : [];
    return all
      .filter((person) => person.id !== me.id && person.roles.includes("practitioner"))
      .filter((person) => me.scope === "authority" || (me.scope === "service" ? person.serviceId === me.serviceId : person.teamId === me.teamId));
  }, [people.state, me]);
  const canObserve = me.roles.some((role) => recorderRoles.includes(role) || role === "auditor");

  const show = (next: typeof dialog) => {
    setDialog(next);
    setOpen(true);
    setRound((count) => count + 1);
  };
  const done = (message: string) => {
    setOpen(false);
    showSaved(message);
    setChanges((count) => count + 1);
  };

  return (
    <>
      <PageText>Observing practice, including supervision, with the practitioner's own reflection. Agreed actions go to the action tracker.</PageText>
      {canObserve && (
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={practitioners.length === 0} onClick={() => show({ kind: "record" })}>
            Record an observation
          </Button>
        </div>
      )}
      {savedNotice}
      {onlyId && (
        <div className={styles.buttons}>
          <Button onClick={() => query.update({ observationId: undefined })}>Show all observations</Button>
        </div>
      )}
      {list.state.kind === "loading" && <Loading label="Finding observations…" />}
      {list.state.kind === "error" && <LoadError message={list.state.message} onRetry={list.reload} />}
      {list.state.kind === "ok" &&
        (list.state.data.length === 0 ? (
          <PageText>There are no observations you can see yet.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Practice observations</caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Practitioner", "Setting", "What went well", "Areas to develop", "Agreed actions", "Reflection"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {list.state.data.map((observation) => (
                <tr key={observation.id} className={tableStyles.row}>
                  <DataCell label="Practitioner" header>
                    <strong>{nameOf(observation.practitionerId)}</strong>
                    <span className={tableStyles.secondary}>Observed by {nameOf(observation.observerId)}</span>
                  </DataCell>
                  <DataCell label="Setting">
                    {settingWords[observation.setting]}
                    <span className={tableStyles.secondary}>
                      {longDateText(observation.observedOn)}
                      {observation.caseReference ? `, case ${observation.caseReference}` : ""}
                    </span>
                  </DataCell>
                  <DataCell label="What went well">{observation.strengths}</DataCell>
                  <DataCell label="Areas to develop">{observation.areasToDevelop || "—"}</DataCell>
                  <DataCell label="Agreed actions">
                    {observation.agreedActions.length === 0
                      ? "None"
                      : observation.agreedActions.map((action) => (
                          <span key={action.actionId ?? action.title} className={tableStyles.secondary}>
                            {action.title} ({nameOf(action.ownerId)}, by {longDateText(action.dueDate)})
                          </span>
                        ))}
                  </DataCell>
                  <DataCell label="Reflection">
                    {observation.reflection ??
                      (observation.practitionerId === me.id ? (
                        <Button size="small" onClick={() => show({ kind: "reflect", observation })}>
                          Give my reflection
                        </Button>
                      ) : (
                        "Waiting for the practitioner"
                      ))}
                  </DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <SupervisionFeedback api={api} people={people.state.kind === "ok" ? people.state.data : []} nameOf={nameOf} canAsk={canObserve} />
      {dialog?.kind === "record" && <RecordDialog key={round} open={open} api={api} nameOf={nameOf} practitioners={practitioners} onClose={() => setOpen(false)} onSaved={done} />}
      {dialog?.kind === "reflect" && <ReflectDialog key={round} open={open} api={api} observation={dialog.observation} onClose={() => setOpen(false)} onSaved={done} />}
    </>
  );
}

interface DialogProps {
  open: boolean;
  api: ApiClient;
  onClose: () => void;
  onSaved: (message: string) => void;
}

function RecordDialog({ open: isOpen, practitioners: choices, api, nameOf, onClose, onSaved }: DialogProps & { practitioners: PersonSummary[]; nameOf: (id: string) => string }) {
  const styles = useStyles();
  const [values, setValues] = useState({ practitionerId: choices[0]?.id ?? "", setting: "home_visit", observedOn: todayIso(), caseReference: "", strengths: "", areasToDevelop: "" });
  const [actions, setActions] = useState<{ title: string; dueDate: string }[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const submit = async () => {
    if (!values.strengths.trim()) return setError("Say what went well.");
    setBusy(true);
    setError(undefined);
    try {
      await api.send("POST", "/api/observations", {
        body: { ...values, agreedActions: actions.filter((action) => action.title.trim()).map((action) => ({ ...action, ownerId: values.practitionerId })) },
      });
      onSaved(`Observation recorded. ${nameOf(values.practitionerId)} has been asked for their reflection in Teams.`);
    } catch (problem) {
      setError(problem instanceof ApiProblem && problem.problems.length > 0 ? problem.problems.map((item) => item.message).join(" ") : problemMessage(problem));
      setBusy(false);
    }
  };
  return (
    <FormDialog open={isOpen} title="Record a practice observation" lead="Use case references only: never a child's or family member's name." busy={busy} submitLabel="Record it" formError={error} onClose={onClose} onSubmit={() => void submit()} width="wide">
      <Field label="Practitioner observed" required>
        <Select value={values.practitionerId} onChange={(_, data) => set("practitionerId")(data.value)}>
          {choices.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Setting" required>
        <Select value={values.setting} onChange={(_, data) => set("setting")(data.value)}>
          {Object.entries(settingWords).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date observed" required>
        <Input type="date" max={todayIso()} value={values.observedOn} onChange={(_, data) => set("observedOn")(data.value)} />
      </Field>
      <Field label="Case reference (optional)">
        <Input maxLength={30} value={values.caseReference} onChange={(_, data) => set("caseReference")(data.value)} />
      </Field>
      <Field label="What went well" required>
        <Textarea resize="vertical" maxLength={4000} value={values.strengths} onChange={(_, data) => set("strengths")(data.value)} />
      </Field>
      <Field label="Areas to develop">
        <Textarea resize="vertical" maxLength={4000} value={values.areasToDevelop} onChange={(_, data) => set("areasToDevelop")(data.value)} />
      </Field>
      {actions.map((action, index) => (
        <div key={index} className={styles.action}>
          <Field label={`Agreed action ${index + 1} (owned by the practitioner)`}>
            <Input maxLength={300} value={action.title} onChange={(_, data) => setActions((current) => current.map((item, at) => (at === index ? { ...item, title: data.value } : item)))} />
          </Field>
          <Field label="Due">
            <Input type="date" min={todayIso()} value={action.dueDate} onChange={(_, data) => setActions((current) => current.map((item, at) => (at === index ? { ...item, dueDate: data.value } : item)))} />
          </Field>
        </div>
      ))}
      <Button onClick={() => setActions((current) => [...current, { title: "", dueDate: "" }])}>Add an agreed action</Button>
    </FormDialog>
  );
}

function ReflectDialog({ open: isOpen, observation, api, onClose, onSaved }: DialogProps & { observation: Observation }) {
  const [reflection, setReflection] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reflection.trim()) return setError("Write your reflection before sending it.");
    setBusy(true);
    try {
      await api.send("POST", `/api/observations/${encodeURIComponent(observation.id)}/reflection`, { body: { reflection }, ifMatch: observation.etag });
      onSaved("Thank you: your reflection has been added.");
    } catch (problem) {
      setError(problemMessage(problem));
      setBusy(false);
    }
  };
  return (
    <FormDialog open={isOpen} title="Your reflection" lead={`${settingWords[observation.setting]}, ${longDateText(observation.observedOn)}`} busy={busy} submitLabel="Send my reflection" formError={error} onClose={onClose} onSubmit={() => void submit()}>
      <Field label="What did you notice, and what will you take from it?" required>
        <Textarea resize="vertical" maxLength={4000} value={reflection} onChange={(_, data) => setReflection(data.value)} />
      </Field>
    </FormDialog>
  );
}
