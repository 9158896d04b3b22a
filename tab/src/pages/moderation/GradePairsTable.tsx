// The pairs of grades behind one agreement figure (#/moderation?…&pairs=<key>):
// for each, the case, the section, the auditor's and the moderator's grade.
import { Link, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditHref } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import type { GradePairRow } from "./moderation-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
  differs: { fontWeight: tokens.fontWeightSemibold },
});

const shortDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export interface GradePairsTableProps {
  /** The slice's key; "all" for every pair in the period. */
  pairsKey: string;
  title: string;
  query: { from?: string; to?: string; by?: string };
  closeHref: string;
}

export function GradePairsTable({ pairsKey, title, query, closeHref }: GradePairsTableProps) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const headingId = useId();
  const key = pairsKey === "all" ? undefined : pairsKey;
  const pairs = useApiData(
    (api) => api.get<{ pairs: GradePairRow[] }>("/api/moderation/pairs", { ...query, key }).then(({ body }) => body.pairs),
    [pairsKey, query.from, query.to, query.by],
  );
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        The pairs behind: {title}
      </Subtitle1>
      <PageText>
        <Link href={closeHref}>Close the pairs</Link>
      </PageText>
      {pairs.state.kind === "loading" && <Loading label="Finding the pairs…" />}
      {pairs.state.kind === "error" && <LoadError message={pairs.state.message} onRetry={pairs.reload} />}
      {pairs.state.kind === "ok" &&
        (pairs.state.data.length === 0 ? (
          <PageText>No pairs of grades lie behind this figure.</PageText>
        ) : (
          <table className={tableStyles.table}>
            <caption className={tableStyles.caption}>
              {pairs.state.data.length} {pairs.state.data.length === 1 ? "pair" : "pairs"} of grades, oldest first
            </caption>
            <thead className={tableStyles.head}>
              <tr>
                {["Case", "Section", "Auditor's grade", "Moderator's grade", "Kind", "Moderated"].map((column) => (
                  <th key={column} scope="col" className={tableStyles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className={tableStyles.body}>
              {pairs.state.data.map((pair) => (
                <tr key={`${pair.moderationId}:${pair.sectionKey}`} className={tableStyles.row}>
                  <DataCell label="Case" header>
                    <Link inline href={auditHref(pair.auditId)}>
                      {pair.caseReference ?? "Case not recorded"}
                    </Link>
                  </DataCell>
                  <DataCell label="Section">{pair.section}</DataCell>
                  <DataCell label="Auditor's grade">{pair.auditorGrade}</DataCell>
                  <DataCell label="Moderator's grade">
                    <span className={pair.auditorGrade === pair.moderatorGrade ? undefined : styles.differs}>{pair.moderatorGrade}</span>
                  </DataCell>
                  <DataCell label="Kind">{pair.kind}</DataCell>
                  <DataCell label="Moderated">{shortDate.format(new Date(pair.completedAt))}</DataCell>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
