// #/feedback: compliments and complaints from children and families. Filters
// (type, team, theme, status) live in the address. Each complaint shows its
// stage against the statutory working-day timescale (on time, due soon,
// overdue); managers record feedback, import it from participation tools and
// move complaints through their stages. Below, what children and families
// told auditors, linked to the audits themselves.
import { Button, Field, Link, makeStyles, Select, Subtitle1, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { useSavedNotice } from "../../components/saved-notice";
import type { Team } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { longDateText, soughtFromWords } from "../../components/words";
import { auditHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { FeedbackDetailsDialog, StageStepDialog, type StageStepKind } from "./FeedbackDialogs";
import { feedbackTypeWords, outcomeWords, recorderRoles, sourceWords, statusChoices, timelinessWords, type AuditChildFamilyView, type Feedback, type Timeliness } from "./feedback-words";
import { ImportDialog } from "./ImportDialog";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalL, padding: 0, border: "none" },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  select: { minWidth: "min(200px, 100%)" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  count: { display: "block", marginTop: tokens.spacingVerticalM },
  heading: { display: "block", marginTop: tokens.spacingVerticalXXL, marginBottom: 0 },
  showAll: { marginTop: tokens.spacingVerticalS },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  dueSoon: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

type DialogRequest = { kind: "details"; editing?: Feedback } | { kind: "import" } | { kind: StageStepKind; feedback: Feedback };
type DialogState = DialogRequest & { open: boolean; round: number };

export function FeedbackPage() {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me, api } = useSession();
  const query = useHashQuery();
  const type = query.get("type") ?? "";
  const teamId = query.get("teamId") ?? "";
  const theme = query.get("theme") ?? "";
  const caseReference = query.get("caseReference") ?? "";
  const status = statusChoices.some((choice) => choice.value === query.get("status")) ? (query.get("status") ?? "") : "";
  const isRecorder = me.roles.some((role) => recorderRoles.includes(role));

  const teams = useApiData(async (client) => (await client.get<{ teams: Team[] }>("/api/teams")).body.teams, []);
  const filterKey = JSON.stringify([type, teamId, theme, status]);
  const list = useApiData(
    async (client) =>
      (await client.get<{ feedback: Feedback[]; dueSoonWorkingDays: number }>("/api/feedback", { type: type || undefined, teamId: teamId || undefined, theme: theme || undefined, status: status || undefined })).body,
    [filterKey],
  );
  const [changes, setChanges] = useState(0);
  // Every theme in the register (not only those the filters show), for the theme filter.
  const themes = useApiData(async (client) => [...new Set((await client.get<{ feedback: Feedback[] }>("/api/feedback")).body.feedback.map((feedback) => feedback.theme))].sort(), [changes]);
  const views = useApiData(
    async (client) => (await client.get<{ views: AuditChildFamilyView[] }>("/api/feedback/audit-views", { teamId: teamId || undefined, caseReference: caseReference || undefined })).body.views,
    [teamId, caseReference],
  );
  const viewsHeading = useRef<HTMLHeadingElement>(null);

  const [dialog, setDialog] = useState<DialogState>();
  const trigger = useRef<HTMLElement | null>(null);
  const { showSaved, savedNotice } = useSavedNotice();

  const teamNames = useMemo(() => new Map((teams.state.kind === "ok" ? teams.state.data : []).map((team) => [team.id, team.name])), [teams.state]);
  // The teams this person may record feedback for (the server checks again).
  const recordableTeams = useMemo(() => {
    const all = teams.state.kind === "ok" ? teams.state.data : [];
    if (me.scope === "authority") return all;
    if (me.scope === "service") return all.filter((team) => team.serviceId === me.serviceId);
    return all.filter((team) => team.id === me.teamId);
  }, [teams.state, me]);

  const open = (next: DialogRequest, from: HTMLElement) => {
    trigger.current = from;
    setDialog((current) => ({ ...next, open: true, round: (current?.round ?? 0) + 1 }) as DialogState);
  };
  const close = (returnFocus = true) => {
    setDialog((current) => current && { ...current, open: false });
    const from = trigger.current;
    if (returnFocus && from) setTimeout(() => from.isConnected && from.focus(), 0);
  };
  const saved = (message: string) => {
    close(false);
    showSaved(message);
    list.reload();
    setChanges((count) => count + 1);
  };

  const timelinessClass = (timeliness?: Timeliness) => (timeliness === "overdue" ? styles.overdue : timeliness === "due_soon" ? styles.dueSoon : undefined);

  return (
    <>
      <PageText>
        Compliments and complaints from children and families. Complaints follow the statutory stages: stage 1 within 10 working days (up to 20 if extended), stage 2 within 25 (up to
        65), and a stage 3 review panel within 30 working days of the request. Bank holidays are not counted.
      </PageText>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>Show feedback</legend>
        <Field label="Type">
          <Select className={styles.select} value={type} onChange={(_, data) => query.update({ type: data.value || undefined })}>
            <option value="">Compliments and complaints</option>
            <option value="compliment">Compliments</option>
            <option value="complaint">Complaints</option>
          </Select>
        </Field>
        <Field label="Team">
          <Select className={styles.select} value={teamId} onChange={(_, data) => query.update({ teamId: data.value || undefined })}>
            <option value="">All teams you can see</option>
            {(teams.state.kind === "ok" ? teams.state.data : []).map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Theme">
          <Select className={styles.select} value={theme} onChange={(_, data) => query.update({ theme: data.value || undefined })}>
            <option value="">Any theme</option>
            {[...new Set([...(themes.state.kind === "ok" ? themes.state.data : []), ...(theme ? [theme] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status">
          <Select className={styles.select} value={status} onChange={(_, data) => query.update({ status: data.value || undefined })}>
            {statusChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      {isRecorder && (
        <div className={styles.buttons}>
          <Button appearance="primary" disabledFocusable={recordableTeams.length === 0} onClick={(event) => open({ kind: "details" }, event.currentTarget)}>
            Record a compliment or complaint
          </Button>
          <Button onClick={(event) => open({ kind: "import" }, event.currentTarget)}>Import from a participation tool</Button>
        </div>
      )}

      {savedNotice}

      {list.state.kind === "loading" && <Loading label="Finding feedback…" />}
      {list.state.kind === "error" && <LoadError message={list.state.message} onRetry={list.reload} />}
      {list.state.kind === "ok" && (
        <>
          <span role="status" className={styles.count}>
            {list.state.data.feedback.length === 0 ? "Nothing matches." : `${list.state.data.feedback.length} ${list.state.data.feedback.length === 1 ? "record" : "records"}. "Due soon" means due within ${list.state.data.dueSoonWorkingDays} working days.`}
          </span>
          {list.state.data.feedback.length > 0 && (
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Compliments and complaints, overdue first</caption>
              <thead className={tableStyles.head}>
                <tr>
                  {["Theme", "Type", "Received", "Team", "Stage and timescale", "What you can do"].map((column) => (
                    <th key={column} scope="col" className={tableStyles.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {list.state.data.feedback.map((feedback) => {
                  const current = feedback.standing.stages.at(-1);
                  const stored = feedback.stages.at(-1);
                  const canChange = isRecorder && recordableTeams.some((team) => team.id === feedback.teamId);
                  return (
                    <tr key={feedback.id} className={tableStyles.row}>
                      <DataCell label="Theme" header>
                        <strong>{feedback.theme}</strong>
                        {feedback.summary && <span className={tableStyles.secondary}>“{feedback.summary}”</span>}
                        <span className={tableStyles.secondary}>
                          From: {sourceWords[feedback.source] ?? feedback.source}
                          {feedback.caseReference ? `, case ${feedback.caseReference}` : ""}
                          {feedback.importKey ? " (imported)" : ""}
                        </span>
                        {feedback.caseReference && (
                          <span className={tableStyles.secondary}>
                            <Link
                              as="button"
                              inline
                              onClick={() => {
                                query.update({ caseReference: feedback.caseReference });
                                viewsHeading.current?.focus();
                              }}
                            >
                              What auditors heard about {feedback.caseReference}
                            </Link>
                          </span>
                        )}
                      </DataCell>
                      <DataCell label="Type">{feedbackTypeWords[feedback.type]}</DataCell>
                      <DataCell label="Received">{longDateText(feedback.receivedOn)}</DataCell>
                      <DataCell label="Team">{feedback.teamName ?? teamNames.get(feedback.teamId) ?? "—"}</DataCell>
                      <DataCell label="Stage and timescale">
                        {current ? (
                          <>
                            {current.name}
                            <span className={tableStyles.secondary}>
                              <span className={timelinessClass(current.timeliness)}>{timelinessWords[current.timeliness]}</span>
                              {current.respondedOn ? `: ${longDateText(current.respondedOn)}` : `: due ${longDateText(current.dueOn)}`}
                              {current.extended ? ` (extended to ${current.workingDays} working days)` : ""}
                            </span>
                            {stored?.outcome && <span className={tableStyles.secondary}>Outcome: {outcomeWords[stored.outcome]}</span>}
                          </>
                        ) : (
                          "—"
                        )}
                      </DataCell>
                      <DataCell label="What you can do">
                        {canChange ? (
                          <span className={styles.buttons}>
                            <Button size="small" aria-label={`Correct: ${feedback.theme}`} onClick={(event) => open({ kind: "details", editing: feedback }, event.currentTarget)}>
                              Correct
                            </Button>
                            {current && !current.respondedOn && current.stage < 3 && (
                              <Button size="small" aria-label={`Extend: ${feedback.theme}`} onClick={(event) => open({ kind: "extend", feedback }, event.currentTarget)}>
                                Extend
                              </Button>
                            )}
                            {current && !current.respondedOn && (
                              <Button size="small" aria-label={`Record response: ${feedback.theme}`} onClick={(event) => open({ kind: "respond", feedback }, event.currentTarget)}>
                                Record response
                              </Button>
                            )}
                            {current && current.stage < 3 && (current.respondedOn || current.timeliness === "overdue") && (
                              <Button size="small" aria-label={`Next stage: ${feedback.theme}`} onClick={(event) => open({ kind: "escalate", feedback }, event.currentTarget)}>
                                Next stage
                              </Button>
                            )}
                          </span>
                        ) : (
                          "Nothing"
                        )}
                      </DataCell>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}

      <h3 className={styles.heading} ref={viewsHeading} tabIndex={-1}>
        <Subtitle1>What children and families told auditors{caseReference ? ` about case ${caseReference}` : ""}</Subtitle1>
      </h3>
      <PageText>From the child and family view recorded on submitted audits. Each links to its audit.</PageText>
      {caseReference && (
        <Button className={styles.showAll} onClick={() => query.update({ caseReference: undefined })}>
          Show every case
        </Button>
      )}
      {views.state.kind === "loading" && <Loading label="Finding audits…" />}
      {views.state.kind === "error" && <LoadError message={views.state.message} onRetry={views.reload} />}
      {views.state.kind === "ok" &&
        (views.state.data.length === 0 ? (
          <PageText>No submitted audit you can see has a child or family view yet.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>The child and family view from audits</caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Case", "Who said it", "What they said", "Submitted"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {views.state.data.map((view) => (
                <tr key={view.auditId} className={tableStyles.row}>
                  <DataCell label="Case" header>
                    <Link href={auditHref(view.auditId)}>{view.caseReference}</Link>
                  </DataCell>
                  <DataCell label="Who said it">
                    {soughtFromWords[view.soughtFrom]}
                    {view.method && <span className={tableStyles.secondary}>{view.method}</span>}
                  </DataCell>
                  <DataCell label="What they said">{view.summary || "—"}</DataCell>
                  <DataCell label="Submitted">{view.submittedAt ? longDateText(view.submittedAt) : "—"}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}

      {dialog?.kind === "details" && (
        <FeedbackDetailsDialog key={dialog.round} open={dialog.open} api={api} teams={recordableTeams} editing={dialog.editing} onClose={() => close()} onSaved={(_, message) => saved(message)} />
      )}
      {dialog?.kind === "import" && <ImportDialog key={dialog.round} open={dialog.open} api={api} onClose={() => close()} onImported={(message) => saved(message)} />}
      {(dialog?.kind === "extend" || dialog?.kind === "respond" || dialog?.kind === "escalate") && (
        <StageStepDialog key={dialog.round} open={dialog.open} api={api} kind={dialog.kind} feedback={dialog.feedback} onClose={() => close()} onSaved={(_, message) => saved(message)} />
      )}
    </>
  );
}
