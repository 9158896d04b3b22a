// On an audit's page: how its moderation went. Per section and overall, the
// auditor's grade, the moderator's, the outcome, the rationale and the final
// grade; then the auditor's answer, the QA lead's decision and a panel's dissent.
import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { DataCell } from "../../components/DataCell";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { useApiData } from "../../session/use-api-data";
import { outcomeLabels, type ModerationSummary } from "./moderation-words";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL },
  heading: { margin: 0 },
});

interface ModerationDetail {
  id: string;
  kind: ModerationSummary["kind"];
  status: ModerationSummary["status"];
  moderatorName: string | null;
  rationale?: string;
  grades: { sectionKey: string; section: string; auditorGrade: string; moderatorGrade?: string; outcome?: string; rationale?: string; finalGrade?: string }[];
  auditorResponse?: { accepted: boolean; reason: string; at: string };
  qaLeadDecision?: { name: string | null; at: string; rationale: string };
  panel?: { dissent: { name: string | null; sectionKeys: string[]; note: string }[] };
}

const statusWords: Record<ModerationSummary["status"], string> = {
  requested: "Waiting for the moderator.",
  awaiting_auditor: "Re-graded: waiting for the auditor to accept or disagree.",
  escalated: "The auditor disagreed: with the QA lead to decide.",
  completed: "Moderation is complete.",
};

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function AuditModeration({ auditId, gradeLabel }: { auditId: string; gradeLabel: (key: string | undefined) => string | undefined }) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const headingId = useId();
  const moderations = useApiData(async (api) => {
    const { body } = await api.get<{ moderations: ModerationSummary[] }>("/api/moderations", { auditId });
    const peerOrPanel = body.moderations.filter((moderation) => moderation.kind !== "external_parallel");
    return Promise.all(peerOrPanel.map(async (moderation) => (await api.get<ModerationDetail>(`/api/moderations/${encodeURIComponent(moderation.id)}`)).body));
  }, [auditId]);
  if (moderations.state.kind !== "ok" || moderations.state.data.length === 0) return null;
  return (
    <>
      {moderations.state.data.map((moderation) => (
        <section key={moderation.id} className={styles.section} aria-labelledby={`${headingId}-${moderation.id}`}>
          <Subtitle1 as="h3" id={`${headingId}-${moderation.id}`} className={styles.heading}>
            {moderation.kind === "panel" ? "Moderation panel" : "Moderation"}
          </Subtitle1>
          <PageText>
            {statusWords[moderation.status]} Moderator{moderation.kind === "panel" ? " (chair)" : ""}: {moderation.moderatorName ?? "not recorded"}.
          </PageText>
          {moderation.grades.some((grade) => grade.moderatorGrade) && (
            <table className={tableStyles.table}>
              <caption className={tableStyles.caption}>The auditor's and the moderator's grades, with the final grade</caption>
              <thead className={tableStyles.head}>
                <tr>
                  {["Section", "Auditor", "Moderator", "Outcome", "Why", "Final"].map((column) => (
                    <th key={column} scope="col" className={tableStyles.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={tableStyles.body}>
                {moderation.grades.map((grade) => (
                  <tr key={grade.sectionKey} className={tableStyles.row}>
                    <DataCell label="Section" header>
                      {grade.section}
                    </DataCell>
                    <DataCell label="Auditor">{gradeLabel(grade.auditorGrade)}</DataCell>
                    <DataCell label="Moderator">{gradeLabel(grade.moderatorGrade) ?? "Not yet"}</DataCell>
                    <DataCell label="Outcome">{grade.outcome ? outcomeLabels[grade.outcome] : "Not yet"}</DataCell>
                    <DataCell label="Why">{grade.rationale ?? "—"}</DataCell>
                    <DataCell label="Final">{gradeLabel(grade.finalGrade) ?? "Not resolved yet"}</DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {moderation.auditorResponse && (
            <PageText>
              The auditor {moderation.auditorResponse.accepted ? "accepted the moderated grades" : `disagreed: ${moderation.auditorResponse.reason}`} (
              {day.format(new Date(moderation.auditorResponse.at))}).
            </PageText>
          )}
          {moderation.qaLeadDecision && (
            <PageText>
              Final decision by {moderation.qaLeadDecision.name ?? "the QA lead"} on {day.format(new Date(moderation.qaLeadDecision.at))}: {moderation.qaLeadDecision.rationale}
            </PageText>
          )}
          {moderation.panel?.dissent.map((entry) => (
            <PageText key={entry.name ?? entry.note}>
              Dissent, {entry.name ?? "a panel member"}: {entry.note || "no comment"}
            </PageText>
          ))}
        </section>
      ))}
    </>
  );
}
