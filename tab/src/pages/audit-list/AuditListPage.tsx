// #/audits?…: the audits that match the filters in the address (status,
// type, teamId, serviceId, overallGrade, submittedFrom, submittedTo, …), for
// drill-down from the QA dashboard. The heading says the filter in words.
import { Button, Link, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Audit, AuditTool, Grade, PersonSummary, Service, Team } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { OverdueMarker } from "../../components/OverdueMarker";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditStatusWords, auditTypeWords, isOverdue, longDateText } from "../../components/words";
import { auditHref, auditListHref, hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { useHashQuery } from "../../use-hash-route";
import { apiQuery, describeFilters, filtersFrom, type Names } from "./describe-filters";

const useStyles = makeStyles({
  links: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalM },
  count: { display: "block", marginTop: tokens.spacingVerticalM },
  warning: { marginTop: tokens.spacingVerticalM },
});

const PAGE_SIZE = "50";
const openStatuses = ["planned", "assigned", "reflection_requested", "in_progress"];

interface Lookup {
  teams: Map<string, string>;
  services: Map<string, string>;
  people: Map<string, string>;
  grades: Map<string, string>;
}

export function AuditListPage({ focusHeading }: { focusHeading: boolean }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { api } = useSession();
  const query = useHashQuery();
  const queryKey = query.params.toString();
  const { filters, ignored } = useMemo(() => filtersFrom(new URLSearchParams(queryKey)), [queryKey]);

  const lookup = useApiData<Lookup>(async (client) => {
    const [teams, services, people, tools] = await Promise.all([
      client.get<{ teams: Team[] }>("/api/teams"),
      client.get<{ services: Service[] }>("/api/services"),
      client.get<{ people: PersonSummary[] }>("/api/people").then(({ body }) => body.people),
      client.get<{ auditTools: AuditTool[] }>("/api/audit-tools"),
    ]);
    // Grade labels come with each tool's grade scale; one tool per scale is enough.
    const toolPerScale = new Map(tools.body.auditTools.map((tool) => [tool.gradeScaleId, tool.id]));
    const scales = await Promise.all([...toolPerScale.values()].map((id) => client.get<AuditTool>(`/api/audit-tools/${encodeURIComponent(id)}`)));
    const grades: Grade[] = scales.flatMap((tool) => tool.body.gradeScale?.grades ?? []);
    return {
      teams: new Map(teams.body.teams.map((team) => [team.id, team.name])),
      services: new Map(services.body.services.map((service) => [service.id, service.name])),
      people: new Map(people.map((person) => [person.id, person.displayName])),
      grades: new Map(grades.map((grade) => [grade.key, grade.label])),
    };
  }, []);

  const names: Names = useMemo(() => {
    const from = (pick: (data: Lookup) => Map<string, string>) => (id: string) => (lookup.state.kind === "ok" ? pick(lookup.state.data).get(id) : undefined);
    return { team: from((data) => data.teams), service: from((data) => data.services), person: from((data) => data.people), grade: from((data) => data.grades) };
  }, [lookup.state]);

  const heading = lookup.state.kind === "loading" ? "Audits" : describeFilters(filters, names);
  useEffect(() => {
    document.title = `${heading} – Golden Thread`;
  }, [heading]);

  const list = useApiData(
    async (client) => {
      const { body } = await client.get<{ audits: Audit[]; nextCursor: string | null }>("/api/audits", { ...apiQuery(filters), limit: PAGE_SIZE });
      return body;
    },
    [queryKey],
  );
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string>();

  const showMore = async () => {
    if (list.state.kind !== "ok" || !list.state.data.nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const { body } = await api.get<{ audits: Audit[]; nextCursor: string | null }>("/api/audits", {
        ...apiQuery(filters),
        limit: PAGE_SIZE,
        cursor: list.state.data.nextCursor,
      });
      list.update((data) => ({ audits: [...data.audits, ...body.audits], nextCursor: body.nextCursor }));
    } catch (error) {
      setMoreError(problemMessage(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const gradeLabel = (key: string | undefined) => (key ? (names.grade(key) ?? key) : "Not graded");
  const filtered = queryKey !== "";

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{heading}</PageHeading>
      <PageText>Open an audit to see its grades, findings and the practitioner's reflection. Case references only: never a child's name.</PageText>
      <div className={styles.links}>
        <Link inline href={hrefFor("dashboard")}>Back to the QA dashboard</Link>
        {filtered && <Link inline href={auditListHref()}>See all audits you can see</Link>}
      </div>
      {ignored.length > 0 && (
        <MessageBar intent="warning" layout="multiline" className={styles.warning}>
          <MessageBarBody>Some filters in this address were not understood, so they are not applied: {ignored.join(", ")}.</MessageBarBody>
        </MessageBar>
      )}

      {list.state.kind === "loading" && <Loading label="Finding audits…" />}
      {list.state.kind === "error" && <LoadError message={list.state.message} onRetry={list.reload} />}
      {list.state.kind === "ok" && (
        <>
          <span role="status" className={styles.count}>
            {list.state.data.audits.length === 0
              ? "No audits match."
              : list.state.data.nextCursor
                ? `Showing the first ${list.state.data.audits.length} audits.`
                : `${list.state.data.audits.length} ${list.state.data.audits.length === 1 ? "audit" : "audits"}.`}
          </span>
          {list.state.data.audits.length > 0 && (
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Matching audits</caption>
              <thead className={tableStyles.head}>
                <tr>
                  {["Case reference", "Type", "Status", "Overall grade", "Submitted", "Due"].map((column) => (
                    <th key={column} scope="col" className={tableStyles.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {list.state.data.audits.map((audit) => (
                  <tr key={audit.id} className={tableStyles.row}>
                    <DataCell label="Case reference" header>
                      <Link inline href={auditHref(audit.id)}>{audit.caseReference ?? "(no reference)"}</Link>
                    </DataCell>
                    <DataCell label="Type">{auditTypeWords[audit.type]}</DataCell>
                    <DataCell label="Status">{auditStatusWords[audit.status]}</DataCell>
                    <DataCell label="Overall grade">{gradeLabel(audit.overallGrade)}</DataCell>
                    <DataCell label="Submitted">{audit.submittedAt ? longDateText(audit.submittedAt) : "Not yet"}</DataCell>
                    <DataCell label="Due">
                      {audit.dueDate ? longDateText(audit.dueDate) : "No due date"}
                      {openStatuses.includes(audit.status) && isOverdue(audit.dueDate) && (
                        <span className={tableStyles.secondary}>
                          <OverdueMarker />
                        </span>
                      )}
                    </DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {moreError && <LoadError message={moreError} onRetry={() => void showMore()} title="No more audits loaded" />}
          {list.state.data.nextCursor && (
            <Button className={tableStyles.more} disabledFocusable={loadingMore} onClick={() => void showMore()}>
              {loadingMore ? "Loading…" : "Show more"}
            </Button>
          )}
        </>
      )}
    </>
  );
}
