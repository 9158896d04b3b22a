// #/library/tools/<id> and #/library/tools/new: an audit tool. The QA lead
// and the PSW edit the newest version (ToolEditor); everyone else, and
// anyone opening an old version, sees it read only (ToolView).
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { auditToolHref, hrefFor } from "../../routes";
import { useSession } from "../../session/session-context";
import { useApiData } from "../../session/use-api-data";
import { canEditLibrary, Notice, useDocumentTitle, usePageNotice } from "../programmes/shared-parts";
import type { PracticeStandard, VersionedTool } from "./library-words";
import { ToolEditor } from "./ToolEditor";
import { ToolView } from "./ToolView";

const useStyles = makeStyles({
  back: { display: "inline-block", marginTop: tokens.spacingVerticalS },
});

interface Loaded {
  tool: VersionedTool | undefined;
  tools: VersionedTool[];
  standards: PracticeStandard[];
}

export function AuditToolPage({ toolId, focusHeading }: { toolId: string; focusHeading: boolean }) {
  const styles = useStyles();
  const isNew = toolId === "new";
  const { state, reload } = useApiData<Loaded>(
    async (api) => {
      const [tool, tools, standards] = await Promise.all([
        isNew ? Promise.resolve(undefined) : api.get<VersionedTool>(`/api/audit-tools/${encodeURIComponent(toolId)}`).then(({ body, etag }) => ({ ...body, etag: etag ?? body.etag })),
        api.get<{ auditTools: VersionedTool[] }>("/api/audit-tools").then(({ body }) => body.auditTools),
        api.get<{ practiceStandards: PracticeStandard[] }>("/api/practice-standards").then(({ body }) => body.practiceStandards),
      ]);
      return { tool, tools, standards: [...standards].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true })) };
    },
    [toolId],
  );

  const title = isNew ? "New audit tool" : state.kind === "ok" && state.data.tool ? `${state.data.tool.name} (version ${state.data.tool.version})` : "Audit tool";
  useDocumentTitle(title);

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <Link href={hrefFor("library")} className={styles.back}>
        All practice standards and audit tools
      </Link>
      {state.kind === "loading" && <Loading label="Opening the audit tool…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={state.status === 404 ? undefined : reload} title="This audit tool did not open" />}
      {state.kind === "ok" && <LoadedTool loaded={state.data} isNew={isNew} onReload={reload} />}
    </>
  );
}

function LoadedTool({ loaded, isNew, onReload }: { loaded: Loaded; isNew: boolean; onReload: () => void }) {
  const { me } = useSession();
  const [notice] = usePageNotice();
  const { tool, tools, standards } = loaded;
  const editor = canEditLibrary(me);
  const standardsById = new Map(standards.map((standard) => [standard.id, standard]));
  // A new tool uses the grade scale the authority's tools already use.
  const gradeScaleId = tool?.gradeScaleId ?? tools.find((candidate) => !candidate.supersededById)?.gradeScaleId ?? tools[0]?.gradeScaleId;

  if (isNew && !editor) return <PageText>Only the QA lead or the principal social worker can make audit tools.</PageText>;
  if (isNew && !gradeScaleId) return <PageText>There is no grade scale to grade a new tool with yet. Ask your administrator to set one up.</PageText>;
  if (!tool && !isNew) return null;

  const newer = tool?.supersededById ? tools.find((candidate) => candidate.id === tool.supersededById) : undefined;
  return (
    <>
      {notice && <Notice notice={notice} />}
      {tool?.supersededById && (
        <PageText>
          This is an old version. It was replaced by{" "}
          <Link inline href={auditToolHref(tool.supersededById)}>
            version {newer?.version ?? tool.version + 1}
          </Link>
          . Audits that used version {tool.version} keep it, so it cannot be changed.
        </PageText>
      )}
      {tool && !tool.supersededById && !editor && <PageText>Only the QA lead or the principal social worker can change audit tools.</PageText>}
      {tool && (tool.supersededById || !editor) ? (
        <ToolView tool={tool} standards={standardsById} />
      ) : (
        <ToolEditor tool={tool} standards={standards} gradeScaleId={gradeScaleId ?? ""} onReload={onReload} />
      )}
    </>
  );
}
