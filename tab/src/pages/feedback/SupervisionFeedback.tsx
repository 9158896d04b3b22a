// 360-degree feedback on a supervisor's supervision, on the observations
// page: ask the supervisee and colleagues (each gets a card in Teams), and
// see the results in aggregate once at least 3 people have answered.
import { Button, Checkbox, Field, Select, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ApiClient } from "../../api/api-client";
import type { PersonSummary } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { FormDialog } from "../../components/FormDialog";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { longDateText } from "../../components/words";
import { problemMessage, useApiData } from "../../session/use-api-data";

const useStyles = makeStyles({
  heading: { display: "block", marginTop: tokens.spacingVerticalXXL },
  people: { display: "flex", flexDirection: "column", border: "none", padding: 0, margin: 0 },
});

interface Round {
  id: string;
  supervisorId: string;
  recipientIds: string[];
  answerCount: number;
  status: "open" | "closed";
  createdAt: string;
  summary: { shown: false; minimum: number } | { shown: true; minimum: number; questions: { key: string; prompt: string; average: number | null }[]; comments: string[] };
}

export function SupervisionFeedback({ api, people, nameOf, canAsk }: { api: ApiClient; people: PersonSummary[]; nameOf: (id: string) => string; canAsk: boolean }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const [changes, setChanges] = useState(0);
  const rounds = useApiData(async (client) => (await client.get<{ rounds: Round[] }>("/api/supervision-feedback")).body.rounds, [changes]);
  const [dialog, setDialog] = useState({ open: false, round: 0 });

  return (
    <>
      <Subtitle1 as="h3" className={styles.heading}>
        360-degree feedback on supervision
      </Subtitle1>
      <PageText>Answers are anonymous and shown only as totals, once at least 3 people have answered.</PageText>
      {canAsk && (
        <Button onClick={() => setDialog((current) => ({ open: true, round: current.round + 1 }))} disabledFocusable={people.length < 2}>
          Ask for 360-degree feedback
        </Button>
      )}
      {rounds.state.kind === "loading" && <Loading label="Finding 360-degree feedback…" />}
      {rounds.state.kind === "error" && <LoadError message={rounds.state.message} onRetry={rounds.reload} />}
      {rounds.state.kind === "ok" &&
        (rounds.state.data.length === 0 ? (
          <PageText>No 360-degree feedback has been asked for that you can see.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>360-degree feedback requests</caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Supervisor", "Answered", "Results"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {rounds.state.data.map((round) => (
                <tr key={round.id} className={tableStyles.row}>
                  <DataCell label="Supervisor" header>
                    {nameOf(round.supervisorId)}
                    <span className={tableStyles.secondary}>Asked {longDateText(round.createdAt)}</span>
                  </DataCell>
                  <DataCell label="Answered">
                    {round.answerCount} of {round.recipientIds.length}
                  </DataCell>
                  <DataCell label="Results">
                    {round.summary.shown ? (
                      <>
                        {round.summary.questions.map((question) => (
                          <span key={question.key} className={tableStyles.secondary}>
                            {question.prompt}: {question.average === null ? "no ratings" : `${question.average} out of 5`}
                          </span>
                        ))}
                        {round.summary.comments.map((comment) => (
                          <span key={comment} className={tableStyles.secondary}>
                            “{comment}”
                          </span>
                        ))}
                      </>
                    ) : (
                      `Shown once at least ${round.summary.minimum} people have answered.`
                    )}
                  </DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {dialog.round > 0 && (
        <AskDialog
          key={dialog.round}
          open={dialog.open}
          api={api}
          people={people}
          onClose={() => setDialog((current) => ({ ...current, open: false }))}
          onSaved={() => {
            setDialog((current) => ({ ...current, open: false }));
            setChanges((count) => count + 1);
          }}
        />
      )}
    </>
  );
}

function AskDialog({ open, api, people, onClose, onSaved }: { open: boolean; api: ApiClient; people: PersonSummary[]; onClose: () => void; onSaved: () => void }) {
  const styles = useStyles();
  const [supervisorId, setSupervisorId] = useState(people[0]?.id ?? "");
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const others = useMemo(() => people.filter((person) => person.id !== supervisorId), [people, supervisorId]);

  const submit = async () => {
    const chosen = recipientIds.filter((id) => id !== supervisorId);
    if (chosen.length === 0) return setError("Choose at least one person to ask.");
    setBusy(true);
    try {
      await api.send("POST", "/api/supervision-feedback", { body: { supervisorId, recipientIds: chosen } });
      onSaved();
    } catch (problem) {
      setError(problemMessage(problem));
      setBusy(false);
    }
  };

  return (
    <FormDialog open={open} title="Ask for 360-degree feedback" lead="Each person gets a card in Teams. Ask at least 3, or no results can be shown." busy={busy} submitLabel="Send the cards" formError={error} onClose={onClose} onSubmit={() => void submit()}>
      <Field label="Whose supervision?" required>
        <Select value={supervisorId} onChange={(_, data) => setSupervisorId(data.value)}>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.people}>
        <legend>Who to ask: the supervisee and colleagues</legend>
        {others.map((person) => (
          <Checkbox
            key={person.id}
            label={person.displayName}
            checked={recipientIds.includes(person.id)}
            onChange={(_, data) => setRecipientIds((current) => (data.checked ? [...current, person.id] : current.filter((id) => id !== person.id)))}
          />
        ))}
      </fieldset>
    </FormDialog>
  );
}
