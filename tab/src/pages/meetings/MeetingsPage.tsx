// #/meetings: performance meetings and QA boards. Each record says who came,
// what was decided, and the actions set, which are chased in the action
// tracker like any other (#/meetings?meetingId=… opens one).
import { Button, Link, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Meeting, MeetingView } from "../../api/leadership-types";
import type { PersonSummary } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { TrackedActionsTable } from "../../components/TrackedActionsTable";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { longDateText } from "../../components/words";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { meetingKindWords, RecordMeetingDialog, SetActionDialog } from "./MeetingDialogs";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalL },
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  list: { marginTop: tokens.spacingVerticalS, marginBottom: 0 },
});

const recorders = ["qa_lead", "principal_social_worker", "head_of_service", "service_manager", "dcs"];

export function MeetingsPage() {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { api, me } = useSession();
  const query = useHashQuery();
  const meetingId = query.get("meetingId");
  const canRecord = me.roles.some((role) => recorders.includes(role));
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<string>();

  const meetings = useApiData((client) => client.get<{ meetings: Meeting[] }>("/api/meetings").then(({ body }) => body.meetings), []);
  const people = useApiData((client) => client.get<{ people: PersonSummary[] }>("/api/people").then(({ body }) => body.people), []);
  const peopleList = people.state.kind === "ok" ? people.state.data : [];

  return (
    <>
      <PageText>Monthly performance meetings and QA boards: who came, what was decided, and the actions set.</PageText>
      {canRecord && (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => setRecording(true)}>
            Record a meeting
          </Button>
        </div>
      )}
      {message && (
        <p role="status" aria-live="polite">
          {message}
        </p>
      )}
      {meetings.state.kind === "loading" && <Loading label="Finding meetings…" />}
      {meetings.state.kind === "error" && <LoadError message={meetings.state.message} onRetry={meetings.reload} />}
      {meetings.state.kind === "ok" &&
        (meetings.state.data.length === 0 ? (
          <PageText>No meetings are recorded yet.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>Meetings, most recent first</caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Meeting", "Held on", "Kind", "Attended", "Decisions"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {meetings.state.data.map((meeting) => (
                <tr key={meeting.id} className={tableStyles.row}>
                  <DataCell label="Meeting" header>
                    <Link inline href={`#/meetings?meetingId=${encodeURIComponent(meeting.id)}`} aria-current={meeting.id === meetingId ? "true" : undefined}>
                      {meeting.title}
                    </Link>
                  </DataCell>
                  <DataCell label="Held on">{longDateText(meeting.heldOn)}</DataCell>
                  <DataCell label="Kind">{meetingKindWords[meeting.kind]}</DataCell>
                  <DataCell label="Attended">{meeting.attendeeIds.length}</DataCell>
                  <DataCell label="Decisions">{meeting.decisions.length}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {meetingId && <MeetingDetail key={meetingId} meetingId={meetingId} canRecord={canRecord} people={peopleList} />}
      <RecordMeetingDialog
        open={recording}
        api={api}
        people={peopleList}
        onClose={() => setRecording(false)}
        onRecorded={(meeting) => {
          setRecording(false);
          setMessage(`Recorded: ${meeting.title}.`);
          meetings.reload();
          query.set({ meetingId: meeting.id });
        }}
      />
    </>
  );
}

function MeetingDetail({ meetingId, canRecord, people }: { meetingId: string; canRecord: boolean; people: PersonSummary[] }) {
  const styles = useStyles();
  const { api } = useSession();
  const headingId = useId();
  const [setting, setSetting] = useState(false);
  const meeting = useApiData((client) => client.get<MeetingView>(`/api/meetings/${encodeURIComponent(meetingId)}`).then(({ body }) => body), [meetingId]);
  const ownerName = (id: string) => people.find((person) => person.id === id)?.displayName ?? "Not recorded";

  if (meeting.state.kind === "loading") return <Loading label="Opening the meeting…" />;
  if (meeting.state.kind === "error") return <LoadError message={meeting.state.message} onRetry={meeting.reload} />;
  const view = meeting.state.data;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {view.title}, {longDateText(view.heldOn)}
      </Subtitle1>
      <PageText>
        {meetingKindWords[view.kind]}. Attended: {view.attendees.map((person) => person.displayName).join(", ")}.
      </PageText>
      <PageText>
        <strong>Decisions</strong>
      </PageText>
      {view.decisions.length === 0 ? (
        <PageText>No decisions recorded.</PageText>
      ) : (
        <ul className={styles.list}>
          {view.decisions.map((decision, index) => (
            <li key={index}>{decision}</li>
          ))}
        </ul>
      )}
      {view.notes.trim() && <PageText>{view.notes}</PageText>}
      {view.actions.length === 0 ? (
        <PageText>No actions were set at this meeting.</PageText>
      ) : (
        <TrackedActionsTable
          caption="Actions set at this meeting (in the action tracker)"
          actions={view.actions.map((action) => ({ ...action, ownerName: ownerName(action.ownerId) }))}
        />
      )}
      {canRecord && (
        <div className={styles.buttons}>
          <Button onClick={() => setSetting(true)}>Set an action</Button>
        </div>
      )}
      <SetActionDialog
        open={setting}
        api={api}
        people={people}
        path={`/api/meetings/${encodeURIComponent(meetingId)}/actions`}
        lead={view.title}
        onClose={() => setSetting(false)}
        onSet={() => {
          setSetting(false);
          meeting.reload();
        }}
      />
    </section>
  );
}
