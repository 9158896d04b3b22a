// #/library/standards/<id>: one practice standard — where it comes from,
// which audit questions test it, and how audits have graded practice
// against it, month by month (the grades of the sections that test it).
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { AuditTool, Grade } from "../../api/types";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { monthText } from "../../components/words";
import { auditToolHref, hrefFor } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import { Facts, PageSection, useDocumentTitle } from "../programmes/shared-parts";
import { standardText, type PracticeStandard, type VersionedTool } from "./library-words";

const useStyles = makeStyles({
  back: { display: "inline-block", marginTop: tokens.spacingVerticalS },
  list: { margin: 0, marginTop: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalS },
});

interface MonthGrades {
  month: string;
  grades: Record<string, number>;
}

interface Loaded {
  standard: PracticeStandard;
  months: MonthGrades[];
  tools: VersionedTool[];
  grades: Grade[];
}

export function StandardPage({ standardId, focusHeading }: { standardId: string; focusHeading: boolean }) {
  const styles = useStyles();
  const { state, reload } = useApiData<Loaded>(
    async (api) => {
      const [graded, tools] = await Promise.all([
        api.get<{ standard: PracticeStandard; months: MonthGrades[] }>(`/api/practice-standards/${encodeURIComponent(standardId)}/grades`),
        api.get<{ auditTools: VersionedTool[] }>("/api/audit-tools"),
      ]);
      // Grade names come with each tool's grade scale; one tool per scale is enough.
      const toolPerScale = new Map(tools.body.auditTools.map((tool) => [tool.gradeScaleId, tool.id]));
      const scales = await Promise.all([...toolPerScale.values()].map((id) => api.get<AuditTool>(`/api/audit-tools/${encodeURIComponent(id)}`)));
      const grades = new Map<string, Grade>();
      for (const grade of scales.flatMap((tool) => tool.body.gradeScale?.grades ?? [])) if (!grades.has(grade.key)) grades.set(grade.key, grade);
      return { standard: graded.body.standard, months: graded.body.months, tools: tools.body.auditTools, grades: [...grades.values()].sort((a, b) => a.rank - b.rank) };
    },
    [standardId],
  );

  const title = state.kind === "ok" ? standardText(state.data.standard) : "Practice standard";
  useDocumentTitle(title);

  return (
    <>
      <PageHeading focusOnMount={focusHeading}>{title}</PageHeading>
      <Link href={hrefFor("library")} className={styles.back}>
        All practice standards and audit tools
      </Link>
      {state.kind === "loading" && <Loading label="Opening the standard…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={state.status === 404 ? undefined : reload} title="This standard did not open" />}
      {state.kind === "ok" && <LoadedStandard loaded={state.data} />}
    </>
  );
}

function LoadedStandard({ loaded }: { loaded: Loaded }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const { standard, months, tools } = loaded;
  const testedBy = tools
    .filter((tool) => !tool.supersededById)
    .flatMap((tool) =>
      tool.sections.flatMap((section) =>
        section.questions.filter((question) => question.standardIds.includes(standard.id)).map((question) => ({ tool, section, question })),
      ),
    );
  // Grades in the scale's order (best first), then any grade the scale no longer has.
  const seen = new Set(months.flatMap((month) => Object.keys(month.grades)));
  const columns = [
    ...loaded.grades.map((grade) => ({ key: grade.key, label: grade.label })),
    ...[...seen].filter((key) => !loaded.grades.some((grade) => grade.key === key)).map((key) => ({ key, label: key })),
  ];
  const newestFirst = [...months].sort((a, b) => b.month.localeCompare(a.month));

  return (
    <>
      <Facts
        label="About this standard"
        rows={[
          ["Code", standard.code],
          ["Where it comes from", standard.source || "Not recorded"],
          ["What it means", standard.description || "No description yet"],
        ]}
      />

      <PageSection id="tested-by-heading" title="Audit questions that test it">
        {testedBy.length === 0 ? (
          <PageText>No question in the current audit tools tests this standard yet.</PageText>
        ) : (
          <ul className={styles.list}>
            {testedBy.map(({ tool, section, question }) => (
              <li key={`${tool.id}/${question.key}`} className={styles.item}>
                “{question.prompt}”
                <span className={tableStyles.secondary}>
                  <Link inline href={auditToolHref(tool.id)}>
                    {tool.name} (version {tool.version})
                  </Link>
                  , section: {section.title}
                </span>
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      <PageSection id="graded-heading" title="How audits have graded practice against it">
        {months.length === 0 ? (
          <PageText>No audits have graded this standard yet.</PageText>
        ) : (
          <>
            <PageText>
              Each number is one section grade, from a submitted audit whose section has a question testing {standard.code}. Months are when the audit was
              submitted.
            </PageText>
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>Section grades for {standard.code}, by month, newest first</caption>
              <thead className={tableStyles.head}>
                <tr>
                  <th scope="col" className={tableStyles.headerCell}>
                    Month
                  </th>
                  {columns.map((column) => (
                    <th key={column.key} scope="col" className={tableStyles.headerCell}>
                      {column.label}
                    </th>
                  ))}
                  <th scope="col" className={tableStyles.headerCell}>
                    All grades
                  </th>
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {newestFirst.map((month) => (
                  <tr key={month.month} className={tableStyles.row}>
                    <DataCell label="Month" header>
                      {monthText(`${month.month}-01`)}
                    </DataCell>
                    {columns.map((column) => (
                      <DataCell key={column.key} label={column.label}>
                        {month.grades[column.key] ?? 0}
                      </DataCell>
                    ))}
                    <DataCell label="All grades">{Object.values(month.grades).reduce((sum, count) => sum + count, 0)}</DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </PageSection>
    </>
  );
}
