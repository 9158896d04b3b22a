// #/actions: the action tracker. Filters (status, owner, overdue only) live
// in the address (#/actions?status=done&ownerId=…&overdue=true), so a
// filtered list can be shared or bookmarked. Your own open actions can be
// marked done (with evidence) or given more time (with a reason).
import { Button, Checkbox, Field, Link, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { useSavedNotice } from "../../components/saved-notice";
import type { Action, PersonSummary } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { OverdueMarker } from "../../components/OverdueMarker";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { actionStatusWords, byUrgency, isOverdue, longDateText } from "../../components/words";
import { auditHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { ActionDialog, type ActionDialogKind } from "./ActionDialogs";

const useStyles = makeStyles({
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
    marginTop: tokens.spacingVerticalL,
    padding: 0,
    border: "none",
  },
  legend: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  select: { minWidth: "min(220px, 100%)" },
  count: { display: "block", marginTop: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const statusChoices = [
  { value: "", label: "Not done yet", statuses: ["open", "in_progress"] },
  { value: "open", label: "Not started", statuses: ["open"] },
  { value: "in_progress", label: "In progress", statuses: ["in_progress"] },
  { value: "done", label: "Done", statuses: ["done"] },
  { value: "cancelled", label: "Cancelled", statuses: ["cancelled"] },
  { value: "all", label: "Any status", statuses: [] },
] as const;

const isOpen = (action: Action) => action.status === "open" || action.status === "in_progress";
const PAGE_SIZE = "50";

export function ActionsPage() {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me, api } = useSession();
  const query = useHashQuery();
  const statusValue = statusChoices.some((choice) => choice.value === query.get("status")) ? (query.get("status") ?? "") : "";
  const ownerId = query.get("ownerId") ?? "";
  const overdueOnly = query.get("overdue") === "true";
  const chosen: readonly string[] = statusChoices.find((choice) => choice.value === statusValue)?.statuses ?? [];
  // Only unfinished actions can be overdue: "Overdue only" narrows the status to those.
  const statuses = overdueOnly ? (chosen.length === 0 ? ["open", "in_progress"] : chosen.filter((status) => status === "open" || status === "in_progress")) : chosen;
  const nothingCanMatch = overdueOnly && statuses.length === 0;

  const people = useApiData(async (client) => {
    const all = await client.get<{ people: PersonSummary[] }>("/api/people").then(({ body }) => body.people);
    return new Map(all.map((person) => [person.id, person]));
  }, []);

  const filterKey = JSON.stringify([statusValue, ownerId, overdueOnly]);
  const list = useApiData(
    async (client) => {
      if (nothingCanMatch) return { actions: [] as Action[], nextCursor: null };
      const { body } = await client.get<{ actions: Action[]; nextCursor: string | null }>("/api/actions", {
        status: statuses,
        ownerId: ownerId || undefined,
        overdue: overdueOnly ? "true" : undefined,
        limit: PAGE_SIZE,
      });
      return { actions: body.actions, nextCursor: body.nextCursor };
    },
    [filterKey],
  );

  // The dialog stays mounted after closing (see ActionDialog); `round` gives each opening a fresh form.
  const [dialog, setDialog] = useState<{ kind: ActionDialogKind; action: Action; open: boolean; round: number }>();
  // Closing puts focus back on the button that opened the dialog (when it is still there).
  const dialogTrigger = useRef<HTMLElement | null>(null);
  const openDialog = (kind: ActionDialogKind, action: Action, trigger: HTMLElement) => {
    dialogTrigger.current = trigger;
    setDialog((current) => ({ kind, action, open: true, round: (current?.round ?? 0) + 1 }));
  };
  const closeDialog = (returnFocus = true) => {
    setDialog((current) => current && { ...current, open: false });
    const trigger = dialogTrigger.current;
    if (returnFocus && trigger) setTimeout(() => trigger.isConnected && trigger.focus(), 0);
  };
  const { showSaved, savedNotice } = useSavedNotice();
  const [moreError, setMoreError] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);

  const sorted = useMemo(() => (list.state.kind === "ok" ? [...list.state.data.actions].sort(byUrgency(isOpen)) : []), [list.state]);
  const owners = useMemo(
    () => (people.state.kind === "ok" ? [...people.state.data.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)) : []),
    [people.state],
  );
  const nameOf = (id: string) => (id === me.id ? `${me.displayName} (you)` : people.state.kind === "ok" ? (people.state.data.get(id)?.displayName ?? "Someone you cannot see") : "…");

  const showMore = async () => {
    if (list.state.kind !== "ok" || !list.state.data.nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const { body } = await api.get<{ actions: Action[]; nextCursor: string | null }>("/api/actions", {
        status: statuses,
        ownerId: ownerId || undefined,
        overdue: overdueOnly ? "true" : undefined,
        limit: PAGE_SIZE,
        cursor: list.state.data.nextCursor,
      });
      list.update((data) => ({ actions: [...data.actions, ...body.actions], nextCursor: body.nextCursor }));
    } catch (error) {
      setMoreError(problemMessage(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageText>Every action has an owner and a due date. Overdue actions come first.</PageText>
      <fieldset className={styles.filters}>
        <legend className={styles.legend}>Show actions</legend>
        <Field label="Status">
          <Select className={styles.select} value={statusValue} onChange={(_, data) => query.update({ status: data.value || undefined })}>
            {statusChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner">
          <Select className={styles.select} value={ownerId} onChange={(_, data) => query.update({ ownerId: data.value || undefined })}>
            <option value="">Anyone</option>
            <option value={me.id}>You ({me.displayName})</option>
            {owners
              .filter((person) => person.id !== me.id)
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
          </Select>
        </Field>
        <Checkbox label="Overdue only" checked={overdueOnly} onChange={(_, data) => query.update({ overdue: data.checked ? "true" : undefined })} />
      </fieldset>

      {savedNotice}

      {list.state.kind === "loading" && <Loading label="Finding actions…" />}
      {list.state.kind === "error" && <LoadError message={list.state.message} onRetry={list.reload} />}
      {list.state.kind === "ok" && (
        <>
          <span role="status" className={styles.count}>
            {nothingCanMatch ? "No actions match: done and cancelled actions are never overdue." : countText(sorted.length, list.state.data.nextCursor !== null)}
          </span>
          {sorted.length > 0 && (
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Actions, overdue first</caption>
              <thead className={tableStyles.head}>
                <tr>
                  {["Action", "Owner", "Due", "Status", "Evidence", "What you can do"].map((column) => (
                    <th key={column} scope="col" className={tableStyles.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {sorted.map((action) => {
                  const overdue = isOpen(action) && isOverdue(action.dueDate);
                  const mine = action.ownerId === me.id && isOpen(action);
                  return (
                    <tr key={action.id} className={tableStyles.row}>
                      <DataCell label="Action" header>
                        <strong>{action.title}</strong>
                        {action.reason && <span className={tableStyles.secondary}>Why: {action.reason}</span>}
                        {action.auditId && (
                          <span className={tableStyles.secondary}>
                            <Link inline href={auditHref(action.auditId)}>The audit it came from</Link>
                          </span>
                        )}
                      </DataCell>
                      <DataCell label="Owner">{nameOf(action.ownerId)}</DataCell>
                      <DataCell label="Due">
                        {longDateText(action.dueDate)}
                        {overdue && (
                          <span className={tableStyles.secondary}>
                            <OverdueMarker />
                          </span>
                        )}
                      </DataCell>
                      <DataCell label="Status">
                        {actionStatusWords[action.status]}
                        {action.completedAt && <span className={tableStyles.secondary}>on {longDateText(action.completedAt)}</span>}
                      </DataCell>
                      <DataCell label="Evidence">
                        {action.evidence ?? "None yet"}
                        {action.extensionReason && <span className={tableStyles.secondary}>More time given: {action.extensionReason}</span>}
                      </DataCell>
                      <DataCell label="What you can do">
                        {mine ? (
                          <span className={styles.buttons}>
                            <Button size="small" aria-label={`Mark done: ${action.title}`} onClick={(event) => openDialog("done", action, event.currentTarget)}>
                              Mark done
                            </Button>
                            <Button size="small" aria-label={`Need more time: ${action.title}`} onClick={(event) => openDialog("extend", action, event.currentTarget)}>
                              Need more time
                            </Button>
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
          {moreError && <LoadError message={moreError} onRetry={() => void showMore()} title="No more actions loaded" />}
          {list.state.data.nextCursor && (
            <Button className={tableStyles.more} disabledFocusable={loadingMore} onClick={() => void showMore()}>
              {loadingMore ? "Loading…" : "Show more"}
            </Button>
          )}
        </>
      )}

      {dialog && (
        <ActionDialog
          key={dialog.round}
          kind={dialog.kind}
          open={dialog.open}
          action={dialog.action}
          api={api}
          onClose={() => closeDialog()}
          onChanged={(changed, message) => {
            list.update((data) => ({ ...data, actions: data.actions.map((action) => (action.id === changed.id ? changed : action)) }));
            if (message) {
              closeDialog(false);
              showSaved(message);
            } else {
              setDialog((current) => current && { ...current, action: changed });
            }
          }}
        />
      )}
    </>
  );
}

function countText(count: number, more: boolean): string {
  if (count === 0) return "No actions match.";
  const noun = count === 1 ? "action" : "actions";
  return more ? `Showing the first ${count} ${noun}.` : `${count} ${noun}.`;
}
