// #/roles: roles and responsibilities (seed §2.8) — who holds each QA role
// and where, and the accountability map of the framework's twelve parts:
// who leads each (a role, and the named person when there is one), who
// contributes and who is kept informed. The QA lead and the PSW change a row.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { PersonSummary, Service, Team } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { listText } from "../../components/words";
import { useSession } from "../../session/session-context";
import { problemMessage, useApiData } from "../../session/use-api-data";
import { canEditLibrary, Notice, PageSection, useDocumentTitle, usePartStyles, type NoticeText } from "../programmes/shared-parts";
import { ComponentDialog } from "./ComponentDialog";
import { romanNumeral, type FrameworkComponent, type RoleHolder, type RoleWithPeople } from "./roles-words";

const useStyles = makeStyles({
  people: { margin: 0, padding: 0, listStyleType: "none" },
  person: { marginBottom: tokens.spacingVerticalXXS },
});

export interface RolesData {
  roles: RoleWithPeople[];
  components: FrameworkComponent[];
  teams: Map<string, Team>;
  services: Map<string, string>;
  people: PersonSummary[];
}

const TITLE = "Roles and responsibilities";

export function RolesPage({ focusHeading }: { focusHeading: boolean }) {
  const { me, api } = useSession();
  const editor = canEditLibrary(me);
  useDocumentTitle(TITLE);
  const { state, reload, update } = useApiData<RolesData>(async (client) => {
    const [roles, components, teams, services, people] = await Promise.all([
      client.get<{ roles: RoleWithPeople[] }>("/api/roles"),
      client.get<{ components: FrameworkComponent[] }>("/api/framework-components"),
      client.get<{ teams: Team[] }>("/api/teams"),
      client.get<{ services: Service[] }>("/api/services"),
      client.get<{ people: PersonSummary[] }>("/api/people"),
    ]);
    return {
      roles: roles.body.roles,
      components: [...components.body.components].sort((a, b) => a.number - b.number),
      teams: new Map(teams.body.teams.map((team) => [team.id, team])),
      services: new Map(services.body.services.map((service) => [service.id, service.name])),
      people: [...people.body.people].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  }, []);

  // The dialog stays mounted once opened (closed with `open={false}`); `round` gives each opening a fresh form.
  const [dialog, setDialog] = useState<{ component: FrameworkComponent; open: boolean; round: number }>();
  const trigger = useRef<HTMLElement | null>(null);
  const [notice, setNotice] = useState<NoticeText>();
  const closeDialog = (returnFocus: boolean) => {
    setDialog((current) => current && { ...current, open: false });
    const opener = trigger.current;
    if (returnFocus && opener) setTimeout(() => opener.isConnected && opener.focus(), 0);
  };

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{TITLE}</PageHeading>
      <PageText>Who holds each quality assurance role, and who is accountable for each of the twelve parts of the QA framework.</PageText>
      {state.kind === "loading" && <Loading label="Finding roles and responsibilities…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && (
        <>
          <RoleHolders data={state.data} />
          <AccountabilityMap
            data={state.data}
            editor={editor}
            notice={notice}
            onEdit={(component, opener) => {
              trigger.current = opener;
              setNotice(undefined);
              setDialog((current) => ({ component, open: true, round: (current?.round ?? 0) + 1 }));
            }}
          />
          {dialog && (
            <ComponentDialog
              key={dialog.round}
              open={dialog.open}
              api={api}
              component={dialog.component}
              data={state.data}
              onClose={() => closeDialog(true)}
              onReload={() => {
                // Read the map again without leaving the page, so the dialog closes (and never unmounts while open).
                closeDialog(true);
                api.get<{ components: FrameworkComponent[] }>("/api/framework-components").then(
                  ({ body }) => {
                    update((data) => ({ ...data, components: [...body.components].sort((a, b) => a.number - b.number) }));
                    setNotice({ tone: "info", text: "Reloaded: the map shows who is accountable now. Make your change again if it is still needed.", at: Date.now() });
                  },
                  (error: unknown) => setNotice({ tone: "error", text: `The map did not reload. ${problemMessage(error)}`, at: Date.now() }),
                );
              }}
              onSaved={(saved, text) => {
                update((data) => ({ ...data, components: data.components.map((component) => (component.id === saved.id ? saved : component)) }));
                closeDialog(false);
                setNotice({ tone: "success", text, at: Date.now() });
              }}
            />
          )}
        </>
      )}
    </>
  );
}

/** "Grace Adeyemi, Assessment team (Front door and assessment)". */
function placeText(data: RolesData, holder: Pick<RoleHolder, "teamId" | "serviceId">): string {
  const team = holder.teamId ? data.teams.get(holder.teamId) : undefined;
  const service = holder.serviceId ? data.services.get(holder.serviceId) : team ? data.services.get(team.serviceId) : undefined;
  if (team) return service ? `${team.name} (${service})` : team.name;
  if (service) return service;
  return "the whole authority";
}

function RoleHolders({ data }: { data: RolesData }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  return (
    <PageSection id="role-holders-heading" title="Who holds each role">
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>QA roles and the people who hold them, with their team or service</caption>
        <thead className={tableStyles.head}>
          <tr>
            {["Role", "Who holds it, and where"].map((column) => (
              <th key={column} scope="col" className={tableStyles.headerCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableStyles.body}>
          {data.roles.map((role) => (
            <tr key={role.role} className={tableStyles.row}>
              <DataCell label="Role" header>
                {role.label}
              </DataCell>
              <DataCell label="Who holds it">
                {role.people.length === 0 ? (
                  "Nobody holds this role yet"
                ) : (
                  <ul className={styles.people}>
                    {role.people.map((person) => (
                      <li key={person.id} className={styles.person}>
                        {person.displayName}, {placeText(data, person)}
                      </li>
                    ))}
                  </ul>
                )}
              </DataCell>
            </tr>
          ))}
        </tbody>
      </table>
    </PageSection>
  );
}

function AccountabilityMap(props: {
  data: RolesData;
  editor: boolean;
  notice: NoticeText | undefined;
  onEdit: (component: FrameworkComponent, opener: HTMLElement) => void;
}) {
  const { data, editor, notice, onEdit } = props;
  const parts = usePartStyles();
  const tableStyles = useTableStyles();
  const label = (role: string) => data.roles.find((candidate) => candidate.role === role)?.label ?? role;
  const labels = (roles: string[]) => (roles.length === 0 ? "Nobody" : listText(roles.map(label)));
  const personName = (id: string | undefined) => (id ? (data.people.find((person) => person.id === id)?.displayName ?? "someone no longer listed") : undefined);
  const psw = "principal_social_worker";
  const pswLeads = data.components.filter((component) => component.leadRole === psw);
  const pswContributes = data.components.filter((component) => component.contributorRoles.includes(psw));
  const pswInformed = data.components.filter((component) => component.informedRoles.includes(psw));
  const names = (components: FrameworkComponent[]) => listText(components.map((component) => component.name.toLowerCase()));
  const columns = ["Part of the framework", "Leads", "Contributes", "Kept informed", "Notes", ...(editor ? ["Change"] : [])];

  return (
    <PageSection id="accountability-heading" title="Who is accountable for each part of the framework">
      <PageText>
        The lead answers for that part of the framework; contributors do the work with them; the people kept informed hear what it finds. An action or
        programme always names its owner.
      </PageText>
      <PageText>
        <strong>The principal social worker</strong>{" "}
        {pswLeads.length > 0 ? `leads ${names(pswLeads)}` : "leads no part yet"}
        {pswContributes.length > 0 ? `; contributes to ${names(pswContributes)}` : ""}
        {pswInformed.length > 0 ? `; and is kept informed about ${names(pswInformed)}` : ""}.
      </PageText>
      {notice && <Notice notice={notice} />}
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>The twelve parts of the QA framework, in order</caption>
        <thead className={tableStyles.head}>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className={tableStyles.headerCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableStyles.body}>
          {data.components.map((component) => {
            const named = personName(component.leadPersonId);
            return (
              <tr key={component.id} className={tableStyles.row}>
                <DataCell label="Part" header>
                  {romanNumeral(component.number)}. {component.name}
                </DataCell>
                <DataCell label="Leads">
                  {label(component.leadRole)}
                  <span className={tableStyles.secondary}>{named ? `Named lead: ${named}` : "No one named yet"}</span>
                </DataCell>
                <DataCell label="Contributes">{labels(component.contributorRoles)}</DataCell>
                <DataCell label="Kept informed">{labels(component.informedRoles)}</DataCell>
                <DataCell label="Notes">{component.notes || "None"}</DataCell>
                {editor && (
                  <DataCell label="Change">
                    <Button size="small" onClick={(event) => onEdit(component, event.currentTarget)}>
                      Change<span className={parts.visuallyHidden}> who is accountable for {component.name}</span>
                    </Button>
                  </DataCell>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </PageSection>
  );
}
