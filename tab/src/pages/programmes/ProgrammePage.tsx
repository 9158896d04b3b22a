// #/programmes/<id>: one audit programme — what it covers, its named owner,
// and its audits (case reference, team, status, auditor). People who plan
// audits draw the sample here and assign auditors (SampleAndAssign.tsx).
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Audit, PersonSummary, Service, Team } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditStatusWords, auditTypeWords, listText, longDateText } from "../../components/words";
import { auditHref, auditToolHref, hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { periodText, samplingWords, toolText, type ProgrammeWithAudits, type VersionedTool } from "./programme-words";
import { SampleAndAssign } from "./SampleAndAssign";
import { canPlanAudits, Facts, Notice, PageSection, useDocumentTitle, usePageNotice } from "./shared-parts";

const useStyles = makeStyles({
  back: { display: "inline-block", marginTop: tokens.spacingVerticalS },
  count: { display: "block", marginTop: tokens.spacingVerticalS },
});

export interface ProgrammeLookup {
  teams: Map<string, Team>;
  services: Map<string, string>;
  people: Map<string, PersonSummary>;
  tool: VersionedTool | undefined;
}

interface Loaded {
  programme: ProgrammeWithAudits;
  lookup: ProgrammeLookup;
}

export function ProgrammePage({ programmeId, focusHeading }: { programmeId: string; focusHeading: boolean }) {
  const styles = useStyles();
  const { state, reload, update } = useApiData<Loaded>(
    async (api) => {
      const { body, etag } = await api.get<ProgrammeWithAudits>(`/api/audit-programmes/${encodeURIComponent(programmeId)}`);
      const [teams, services, people, tools] = await Promise.all([
        api.get<{ teams: Team[] }>("/api/teams"),
        api.get<{ services: Service[] }>("/api/services"),
        api.get<{ people: PersonSummary[] }>("/api/people"),
        api.get<{ auditTools: VersionedTool[] }>("/api/audit-tools"),
      ]);
      return {
        programme: { ...body, etag: etag ?? body.etag },
        lookup: {
          teams: new Map(teams.body.teams.map((team) => [team.id, team])),
          services: new Map(services.body.services.map((service) => [service.id, service.name])),
          people: new Map(people.body.people.map((person) => [person.id, person])),
          tool: tools.body.auditTools.find((tool) => tool.id === body.toolId),
        },
      };
    },
    [programmeId],
  );

  const title = state.kind === "ok" ? state.data.programme.name : "Audit programme";
  useDocumentTitle(title);

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <Link href={hrefFor("programmes")} className={styles.back}>
        All audit programmes
      </Link>
      {state.kind === "loading" && <Loading label="Opening the programme…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={state.status === 404 ? undefined : reload} title="This programme did not open" />}
      {state.kind === "ok" && (
        <LoadedProgramme
          loaded={state.data}
          onReload={reload}
          onChanged={(programme) => update((data) => ({ ...data, programme }))}
        />
      )}
    </>
  );
}

function LoadedProgramme({ loaded, onReload, onChanged }: { loaded: Loaded; onReload: () => void; onChanged: (programme: ProgrammeWithAudits) => void }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { me } = useSession();
  const [notice, setNotice] = usePageNotice();
  const { programme, lookup } = loaded;
  const personName = (id: string | undefined) => (!id ? "Nobody yet" : id === me.id ? `${me.displayName} (you)` : (lookup.people.get(id)?.displayName ?? "Someone you cannot see"));
  const teamName = (id: string | undefined) => (id ? (lookup.teams.get(id)?.name ?? "A team you cannot see") : "No team");
  const audits = [...programme.audits].sort((a, b) => (a.caseReference ?? "").localeCompare(b.caseReference ?? ""));

  return (
    <>
      {notice && <Notice notice={notice} />}
      <Facts
        label="About this programme"
        rows={[
          ["Owner", personName(programme.ownerId)],
          ["Type", auditTypeWords[programme.auditType]],
          [
            "Audit tool",
            lookup.tool ? <Link href={auditToolHref(lookup.tool.id)}>{toolText(lookup.tool)}</Link> : toolText(undefined),
          ],
          ...(programme.theme ? [["Theme", programme.theme] as [string, string]] : []),
          ["Period", periodText(programme)],
          ["Teams", programme.teamIds.length > 0 ? listText(programme.teamIds.map(teamName)) : "None named"],
          ["Number of cases", String(programme.caseCount)],
          ["How cases are picked", `${samplingWords[programme.samplingMethod].name}: ${samplingWords[programme.samplingMethod].explanation}`],
          ["Seed", programme.samplingSeed ?? "Not drawn yet"],
          ["Auditors from the case's own team", programme.allowOwnTeamAuditors ? "Allowed" : "Not allowed"],
        ]}
      />

      {canPlanAudits(me) && (
        <SampleAndAssign
          programme={programme}
          lookup={lookup}
          onChanged={(changed) => {
            setNotice(undefined); // "Planned…" has been acted on
            onChanged(changed);
          }}
          onReload={onReload}
        />
      )}

      <PageSection id="programme-audits-heading" title="Audits in this programme">
        <span className={styles.count}>
          {audits.length === 0
            ? "No audits yet: draw the sample to add them."
            : `${audits.length} ${audits.length === 1 ? "audit" : "audits"}${me.scope === "authority" ? "" : " that you can see"}.`}
        </span>
        {audits.length > 0 && <AuditsTable audits={audits} personName={personName} teamName={teamName} tableStyles={tableStyles} />}
      </PageSection>
      {programme.teamIds.length === 0 && audits.length > 0 && (
        <PageText>This programme names no teams, so its audits were added one by one rather than drawn as a sample.</PageText>
      )}
    </>
  );
}

function AuditsTable(props: {
  audits: Audit[];
  personName: (id: string | undefined) => string;
  teamName: (id: string | undefined) => string;
  tableStyles: ReturnType<typeof useTableStyles>;
}) {
  const { audits, personName, teamName, tableStyles } = props;
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>Audits, by case reference</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Case reference", "Team", "Status", "Auditor", "Due"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {audits.map((audit) => (
          <tr key={audit.id} className={tableStyles.row}>
            <DataCell label="Case reference" header>
              <Link href={auditHref(audit.id)}>{audit.caseReference ?? "No reference"}</Link>
            </DataCell>
            <DataCell label="Team">{teamName(audit.teamId)}</DataCell>
            <DataCell label="Status">{auditStatusWords[audit.status]}</DataCell>
            <DataCell label="Auditor">{personName(audit.auditorId)}</DataCell>
            <DataCell label="Due">{audit.dueDate ? longDateText(audit.dueDate) : "No due date"}</DataCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
