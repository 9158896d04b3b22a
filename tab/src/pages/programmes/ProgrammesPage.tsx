// #/programmes: the audit programmes, newest first, each with its type,
// period, named owner and how many audits it holds. People who plan audits
// get "Plan a programme".
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Audit, PersonSummary } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditTypeWords } from "../../components/words";
import { hrefFor, programmeHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { allPages, useApiData } from "../../session/use-api-data";
import { periodText, type Programme } from "./programme-words";
import { canPlanAudits, Notice, useDocumentTitle, usePageNotice } from "./shared-parts";

const useStyles = makeStyles({
  plan: { marginTop: tokens.spacingVerticalL },
  count: { display: "block", marginTop: tokens.spacingVerticalM },
});

interface Loaded {
  programmes: Programme[];
  people: Map<string, string>;
  audits: Map<string, number>;
}

const TITLE = "Audit programmes";

export function ProgrammesPage({ focusHeading }: { focusHeading: boolean }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me } = useSession();
  const [notice] = usePageNotice();
  useDocumentTitle(TITLE);

  const { state, reload } = useApiData<Loaded>(async (api) => {
    const [programmes, people, audits] = await Promise.all([
      api.get<{ programmes: Programme[] }>("/api/audit-programmes").then(({ body }) => body.programmes),
      api.get<{ people: PersonSummary[] }>("/api/people").then(({ body }) => body.people),
      allPages<Audit & { programmeId?: string }>(api, "/api/audits", "audits"),
    ]);
    const counts = new Map<string, number>();
    for (const audit of audits) if (audit.programmeId) counts.set(audit.programmeId, (counts.get(audit.programmeId) ?? 0) + 1);
    return { programmes, people: new Map(people.map((person) => [person.id, person.displayName])), audits: counts };
  }, []);

  const ownerName = (data: Loaded, id: string) => (id === me.id ? `${me.displayName} (you)` : (data.people.get(id) ?? "Someone you cannot see"));

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{TITLE}</PageHeading>
      <PageText>
        An audit programme is a planned set of case audits for a period: which teams' cases, how many, and how they are picked. Each one has a named owner.
      </PageText>
      {me.scope !== "authority" && <PageText>The number of audits counts only the audits you can see.</PageText>}
      {canPlanAudits(me) && (
        <Button as="a" href={hrefFor("plan-programme")} appearance="primary" className={styles.plan}>
          Plan a programme
        </Button>
      )}
      {notice && <Notice notice={notice} />}
      {state.kind === "loading" && <Loading label="Finding audit programmes…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && (
        <>
          <span className={styles.count}>
            {state.data.programmes.length === 0
              ? "No audit programmes have been planned yet."
              : `${state.data.programmes.length} ${state.data.programmes.length === 1 ? "programme" : "programmes"}.`}
          </span>
          {state.data.programmes.length > 0 && (
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Audit programmes, newest first</caption>
              <thead className={tableStyles.head}>
                <tr>
                  {["Programme", "Type", "Period", "Owner", "Audits"].map((column) => (
                    <th key={column} scope="col" className={tableStyles.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {state.data.programmes.map((programme) => (
                  <tr key={programme.id} className={tableStyles.row}>
                    <DataCell label="Programme" header>
                      <Link href={programmeHref(programme.id)}>{programme.name}</Link>
                      {programme.theme && <span className={tableStyles.secondary}>Theme: {programme.theme}</span>}
                    </DataCell>
                    <DataCell label="Type">{auditTypeWords[programme.auditType]}</DataCell>
                    <DataCell label="Period">{periodText(programme)}</DataCell>
                    <DataCell label="Owner">{ownerName(state.data, programme.ownerId)}</DataCell>
                    <DataCell label="Audits">
                      {state.data.audits.get(programme.id) ?? 0} of {programme.caseCount}
                    </DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
