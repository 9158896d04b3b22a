// An external parallel audit side by side (#/moderation?compare=<id>): each
// section's internal and external grade and how they differ, then each
// auditor's findings. The API refuses until both audits are submitted, and
// this says so.
import { Link, makeStyles, Subtitle1, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditHref, hrefFor } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import { differenceText, type ParallelComparison } from "./moderation-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  findings: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(260px, 100%), 1fr))", gap: tokens.spacingHorizontalXL, marginTop: tokens.spacingVerticalL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  differs: { fontWeight: tokens.fontWeightSemibold },
});

export function ParallelComparisonView({ moderationId }: { moderationId: string }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const headingId = useId();
  const comparison = useApiData(
    (api) => api.get<ParallelComparison>(`/api/parallel-audits/${encodeURIComponent(moderationId)}/comparison`).then(({ body }) => body),
    [moderationId],
  );
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {comparison.state.kind === "ok" ? `Parallel audit of case ${comparison.state.data.caseReference ?? "not recorded"}, side by side` : "Parallel audit, side by side"}
      </Subtitle1>
      <PageText>
        <Link href={hrefFor("moderation")}>Back to all moderation</Link>
      </PageText>
      {comparison.state.kind === "loading" && <Loading label="Putting the two audits side by side…" />}
      {comparison.state.kind === "error" && (
        <LoadError title={comparison.state.status === 409 ? "Not ready to compare yet" : undefined} message={comparison.state.message} onRetry={comparison.reload} />
      )}
      {comparison.state.kind === "ok" && <Comparison comparison={comparison.state.data} styles={styles} tableStyles={tableStyles} />}
    </section>
  );
}

function Comparison({ comparison, styles, tableStyles }: { comparison: ParallelComparison; styles: ReturnType<typeof useStyles>; tableStyles: ReturnType<typeof useTableStyles> }) {
  const internalName = comparison.internal.auditorName ?? "Internal auditor";
  const externalName = comparison.external.auditorName ?? "External auditor";
  return (
    <>
      <PageText>
        {internalName} (internal) and {externalName} (external) audited the case independently. They gave the same grade in {comparison.agreedSections} of{" "}
        {comparison.gradedSections} sections.
      </PageText>
      <table className={tableStyles.table}>
        <caption className={tableStyles.caption}>Grades side by side</caption>
        <thead className={tableStyles.head}>
          <tr>
            {["Section", `Internal: ${internalName}`, `External: ${externalName}`, "Difference"].map((column) => (
              <th key={column} scope="col" className={tableStyles.headerCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableStyles.body}>
          {comparison.rows.map((row) => (
            <tr key={row.sectionKey} className={tableStyles.row}>
              <DataCell label="Section" header>
                {row.title}
              </DataCell>
              <DataCell label="Internal">{row.internalLabel ?? "Not graded"}</DataCell>
              <DataCell label="External">{row.externalLabel ?? "Not graded"}</DataCell>
              <DataCell label="Difference">
                <span className={row.agreed ? undefined : styles.differs}>{differenceText(row.difference)}</span>
              </DataCell>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.findings}>
        {(
          [
            ["internal", `Internal findings (${internalName})`, comparison.internal.auditId],
            ["external", `External findings (${externalName})`, comparison.external.auditId],
          ] as const
        ).map(([side, title, auditId]) => (
          <section key={side} aria-label={title}>
            <Subtitle2 as="h4" className={styles.heading}>
              {title}
            </Subtitle2>
            <FindingList heading="Working well" items={comparison.findings[side].workingWell} styles={styles} />
            <FindingList heading="Needs to be better" items={comparison.findings[side].needsToBeBetter} styles={styles} />
            <PageText>
              <Link inline href={auditHref(auditId)}>
                Open this audit
              </Link>
            </PageText>
          </section>
        ))}
      </div>
    </>
  );
}

function FindingList({ heading, items, styles }: { heading: string; items: string[]; styles: ReturnType<typeof useStyles> }) {
  return (
    <>
      <PageText>
        <strong>{heading}</strong>
      </PageText>
      {items.length === 0 ? (
        <PageText>None recorded.</PageText>
      ) : (
        <ul className={styles.list}>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )}
    </>
  );
}
