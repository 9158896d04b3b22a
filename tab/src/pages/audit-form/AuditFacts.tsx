import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Audit, Me, PersonSummary } from "../../api/types";
import { OverdueMarker } from "../../components/OverdueMarker";
import { auditStatusWords, auditTypeWords, isOverdue, listText, longDateText } from "../../components/words";
import { personName, sharedWith } from "./planning-words";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    marginTop: tokens.spacingVerticalM,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

const open = (audit: Audit) => ["planned", "assigned", "reflection_requested", "in_progress"].includes(audit.status);

/**
 * The audit's header facts: type, status, due date, auditor, practitioner and
 * the external auditors it is shared with. Never a child's name. (Why an
 * audit was declined is shown on its own, more prominently, by AuditForm.)
 */
export function AuditFacts({ audit, people, me }: { audit: Audit; people: Map<string, PersonSummary>; me: Me }) {
  const styles = useStyles();
  const name = (id: string | undefined) => (id ? (people.get(id)?.displayName ?? "Someone you cannot see") : "Nobody yet");
  const rows: [string, ReactNode][] = [
    ["Case reference", audit.caseReference ?? "Not known"],
    ["Type", auditTypeWords[audit.type]],
    ["Status", auditStatusWords[audit.status]],
    [
      "Due",
      audit.dueDate ? (
        <>
          {longDateText(audit.dueDate)}
          {open(audit) && isOverdue(audit.dueDate) && <OverdueMarker />}
        </>
      ) : (
        "No due date"
      ),
    ],
    ["Auditor", name(audit.auditorId)],
  ];
  if (audit.practitionerId) rows.push(["Practitioner", name(audit.practitionerId)]);
  if (audit.theme) rows.push(["Theme", audit.theme]);
  if (audit.submittedAt) rows.push(["Submitted", longDateText(audit.submittedAt)]);
  const shared = sharedWith(audit);
  if (shared.length > 0) rows.push(["Shared with", listText(shared.map((id) => personName(id, { people }, me)))]);
  return (
    <dl className={styles.facts}>
      {rows.map(([term, detail]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
