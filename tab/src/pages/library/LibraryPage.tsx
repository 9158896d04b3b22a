// #/library: the authority's practice standards (code, title, source,
// description), each opening to how audits graded practice against it; and
// the audit tools built from them, with their versions. The QA lead and the
// PSW add standards and make or revise tools.
import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditTypeWords, listText } from "../../components/words";
import { auditToolHref, standardHref } from "../../routes";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { canEditLibrary, Notice, PageSection, useDocumentTitle, usePageNotice, usePartStyles } from "../programmes/shared-parts";
import { AddStandardDialog } from "./AddStandardDialog";
import { auditTypeOrder, byNameThenVersion, type PracticeStandard, type VersionedTool } from "./library-words";

const useStyles = makeStyles({
  code: { whiteSpace: "nowrap" },
  count: { display: "block", marginTop: tokens.spacingVerticalS },
});

interface Loaded {
  standards: PracticeStandard[];
  tools: VersionedTool[];
}

const TITLE = "Practice standards and audit tools";

export function LibraryPage({ focusHeading }: { focusHeading: boolean }) {
  const styles = useStyles();
  const parts = usePartStyles();
  const tableStyles = useTableStyles();
  const { me, api } = useSession();
  const editor = canEditLibrary(me);
  const [notice, setNotice] = usePageNotice();
  useDocumentTitle(TITLE);

  const { state, reload, update } = useApiData<Loaded>(async (client) => {
    const [standards, tools] = await Promise.all([
      client.get<{ practiceStandards: PracticeStandard[] }>("/api/practice-standards"),
      client.get<{ auditTools: VersionedTool[] }>("/api/audit-tools"),
    ]);
    return {
      standards: [...standards.body.practiceStandards].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true })),
      tools: [...tools.body.auditTools].sort(byNameThenVersion),
    };
  }, []);

  // The dialog stays mounted once opened (closing it with `open={false}`); `round` gives each opening a fresh form.
  const [dialog, setDialog] = useState<{ open: boolean; round: number }>();
  const addButton = useRef<HTMLButtonElement>(null);
  const closeDialog = (returnFocus: boolean) => {
    setDialog((current) => current && { ...current, open: false });
    if (returnFocus) setTimeout(() => addButton.current?.focus(), 0);
  };

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{TITLE}</PageHeading>
      <PageText>
        Practice standards are our shared picture of good practice. Audit tools are built from them: each question says which standards it tests, so audits show
        how well practice meets each standard over time.
      </PageText>
      {notice && <Notice notice={notice} />}
      {state.kind === "loading" && <Loading label="Opening the library…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && (
        <>
          <PageSection id="standards-heading" title="Practice standards">
            {editor && (
              <div className={parts.buttons}>
                <Button ref={addButton} onClick={() => setDialog((current) => ({ open: true, round: (current?.round ?? 0) + 1 }))}>
                  Add a standard
                </Button>
              </div>
            )}
            {state.data.standards.length === 0 ? (
              <PageText>There are no practice standards yet.</PageText>
            ) : (
              <table className={tableStyles.table}>
                <caption className={tableStyles.caption}>Practice standards. Open one to see how audits have graded practice against it.</caption>
                <thead className={tableStyles.head}>
                  <tr>
                    {["Code", "Standard", "Source", "What it means"].map((column) => (
                      <th key={column} scope="col" className={tableStyles.headerCell}>
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={tableStyles.body}>
                  {state.data.standards.map((standard) => (
                    <tr key={standard.id} className={tableStyles.row}>
                      <DataCell label="Code">
                        <span className={styles.code}>{standard.code}</span>
                      </DataCell>
                      <DataCell label="Standard" header>
                        <Link href={standardHref(standard.id)}>{standard.title}</Link>
                      </DataCell>
                      <DataCell label="Source">{standard.source || "Not recorded"}</DataCell>
                      <DataCell label="What it means">{standard.description || "No description yet"}</DataCell>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </PageSection>

          <PageSection id="tools-heading" title="Audit tools">
            <PageText>A tool that audits already use is never changed under them: saving a change makes a new version, and those audits keep the old one.</PageText>
            {editor && (
              <div className={parts.buttons}>
                <Button as="a" href={auditToolHref("new")}>
                  Make a new audit tool
                </Button>
              </div>
            )}
            <ToolsTable tools={state.data.tools} tableStyles={tableStyles} />
          </PageSection>
        </>
      )}

      {dialog && state.kind === "ok" && (
        <AddStandardDialog
          key={dialog.round}
          open={dialog.open}
          api={api}
          existingCodes={state.data.standards.map((standard) => standard.code)}
          onClose={() => closeDialog(true)}
          onAdded={(standard) => {
            update((data) => ({ ...data, standards: [...data.standards, standard].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true })) }));
            closeDialog(false);
            setNotice({ tone: "success", text: `Added ${standard.code}: ${standard.title}.`, at: Date.now() });
          }}
        />
      )}
    </>
  );
}

function ToolsTable({ tools, tableStyles }: { tools: VersionedTool[]; tableStyles: ReturnType<typeof useTableStyles> }) {
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  if (tools.length === 0) return <PageText>There are no audit tools yet.</PageText>;
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>Audit tools, newest version first</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Tool", "Version", "Used for", "Questions", "Notes"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {tools.map((tool) => {
          const newer = tool.supersededById ? byId.get(tool.supersededById) : undefined;
          const questions = tool.sections.reduce((sum, section) => sum + section.questions.length, 0);
          return (
            <tr key={tool.id} className={tableStyles.row}>
              <DataCell label="Tool" header>
                <Link href={auditToolHref(tool.id)}>
                  {tool.name}
                  {tool.supersededById ? ` (version ${tool.version})` : ""}
                </Link>
              </DataCell>
              <DataCell label="Version">{tool.version}</DataCell>
              <DataCell label="Used for">{listText(auditTypeOrder.filter((type) => tool.auditTypes.includes(type)).map((type) => auditTypeWords[type]))}</DataCell>
              <DataCell label="Questions">
                {questions} in {tool.sections.length} {tool.sections.length === 1 ? "section" : "sections"}
              </DataCell>
              <DataCell label="Notes">
                {tool.supersededById ? (
                  <>
                    Superseded by{" "}
                    <Link inline href={auditToolHref(tool.supersededById)}>
                      version {newer?.version ?? tool.version + 1}
                    </Link>
                    . Audits that used this version keep it.
                  </>
                ) : (
                  "Current version: new audits use it."
                )}
              </DataCell>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
