// The moderation queues, one table for each kind of work waiting: audits
// waiting for a moderator, panels waiting for their chair, re-grades waiting
// for the auditor's answer, disagreements with the QA lead, and external
// parallel audits (open, or in and ready to compare side by side).
import { Button, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { DataCell } from "../../components/DataCell";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { auditHref, hrefFor } from "../../routes";
import type { ModerationSummary } from "./moderation-words";

const useStyles = makeStyles({
  queue: { marginTop: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

interface Column {
  label: string;
  value: (moderation: ModerationSummary) => React.ReactNode;
}

const caseColumn: Column = {
  label: "Case",
  value: (moderation) => (
    <Link inline href={auditHref(moderation.auditId)}>
      {moderation.caseReference ?? "Case not recorded"}
    </Link>
  ),
};
const auditor: Column = { label: "Auditor", value: (moderation) => moderation.auditorName ?? "Not recorded" };
const moderator: Column = { label: "Moderator", value: (moderation) => moderation.moderatorName ?? "Not recorded" };
const why: Column = { label: "Why it was sampled", value: (moderation) => moderation.sampledBecause || "Not recorded" };

interface Queue {
  heading: string;
  caption: string;
  empty: string;
  columns: Column[];
  includes: (moderation: ModerationSummary) => boolean;
}

const queues: Queue[] = [
  {
    heading: "Waiting for moderation",
    caption: "Audits waiting for a moderator, newest first",
    empty: "No audits are waiting for moderation.",
    columns: [caseColumn, auditor, moderator, why],
    includes: (moderation) => moderation.kind === "peer" && moderation.status === "requested",
  },
  {
    heading: "Moderation panels",
    caption: "Panels waiting for their chair to record the outcome",
    empty: "No panels are sitting.",
    columns: [caseColumn, auditor, { label: "Chair", value: (moderation) => moderation.moderatorName ?? "Not recorded" }, why],
    includes: (moderation) => moderation.kind === "panel" && moderation.status === "requested",
  },
  {
    heading: "Waiting for the auditor",
    caption: "Re-graded audits waiting for the auditor to accept or disagree",
    empty: "No re-grades are waiting for an auditor.",
    columns: [caseColumn, auditor, moderator, { label: "Outcome", value: (moderation) => (moderation.outcome === "regraded_up" ? "Re-graded up" : moderation.outcome === "regraded_down" ? "Re-graded down" : "Re-graded") }],
    includes: (moderation) => moderation.status === "awaiting_auditor",
  },
  {
    heading: "With the QA lead",
    caption: "Disagreements waiting for the QA lead's final decision",
    empty: "No disagreements are waiting for a decision.",
    columns: [caseColumn, auditor, moderator, { label: "QA lead", value: (moderation) => moderation.escalatedToName ?? "Not recorded" }],
    includes: (moderation) => moderation.status === "escalated",
  },
  {
    heading: "External parallel audits",
    caption: "External parallel audits: each sealed from the other until both are submitted",
    empty: "No external parallel audits yet.",
    columns: [
      caseColumn,
      { label: "Internal auditor", value: (moderation) => moderation.auditorName ?? "Not recorded" },
      { label: "External auditor", value: (moderation) => moderation.moderatorName ?? "Not recorded" },
      {
        label: "Comparison",
        value: (moderation) =>
          moderation.status === "completed" ? (
            <Link inline href={hrefFor("moderation", { compare: moderation.id })}>
              Compare side by side
            </Link>
          ) : (
            "Opens when both audits are submitted"
          ),
      },
    ],
    includes: (moderation) => moderation.kind === "external_parallel",
  },
];

export interface ModerationQueuesProps {
  moderations: ModerationSummary[];
  /** The QA lead may turn a waiting moderation into a panel. */
  onConvenePanel?: (moderation: ModerationSummary) => void;
}

export function ModerationQueues({ moderations, onConvenePanel }: ModerationQueuesProps) {
  const styles = useStyles();
  const tableStyles = useTableStyles();
  const panelColumn: Column = {
    label: "Panel",
    value: (moderation) => (
      <Button size="small" onClick={() => onConvenePanel?.(moderation)} aria-label={`Convene a panel for case ${moderation.caseReference ?? ""}`}>
        Convene a panel
      </Button>
    ),
  };
  return (
    <>
      {queues.map((queue, index) => {
        const waiting = moderations.filter(queue.includes);
        const columns = index === 0 && onConvenePanel ? [...queue.columns, panelColumn] : queue.columns;
        return (
          <section key={queue.heading} className={styles.queue} aria-label={queue.heading}>
            <Subtitle2 as="h4" className={styles.heading}>
              {queue.heading}
            </Subtitle2>
            {waiting.length === 0 ? (
              <PageText>{queue.empty}</PageText>
            ) : (
              <table className={tableStyles.table}>
                <caption className={tableStyles.caption}>{queue.caption}</caption>
                <thead className={tableStyles.head}>
                  <tr>
                    {columns.map((column) => (
                      <th key={column.label} scope="col" className={tableStyles.headerCell}>
                        {column.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={tableStyles.body}>
                  {waiting.map((moderation) => (
                    <tr key={moderation.id} className={tableStyles.row}>
                      {columns.map((column, position) => (
                        <DataCell key={column.label} label={column.label} header={position === 0}>
                          {column.value(moderation)}
                        </DataCell>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}
