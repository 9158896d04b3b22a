// One dashboard chart with its heading and a "Show as table" switch, so the
// numbers are always available as a real table. Pressing Enter or Space on
// a focused bar opens it as a click does (the chart library reacts to the
// mouse only).
import { Body1, Button, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  chart: { minWidth: 0, overflowX: "auto" },
  // Bars that lead somewhere look like it.
  clickable: { "& [role='option']": { cursor: "pointer" } },
});

export interface ChartPanelProps {
  title: string;
  /** A sentence under the heading: what the chart counts, and where its bars lead. */
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** Whether selecting a bar opens the audits behind it. */
  drillDown?: boolean;
}

function activateFocusedBar(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== "Enter" && event.key !== " ") return;
  const target = event.target as Element;
  if (!(target instanceof SVGElement) || target.getAttribute("role") !== "option") return;
  event.preventDefault();
  target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
}

export function ChartPanel({ title, description, chart, table, drillDown = false }: ChartPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const bodyId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle2 as="h4" id={headingId} className={styles.heading}>
          {title}
        </Subtitle2>
        <Button size="small" aria-controls={bodyId} onClick={() => setAsTable((current) => !current)}>
          {asTable ? "Show as chart" : "Show as table"}
        </Button>
      </div>
      {description && (
        <Body1 as="p" className={styles.description}>
          {description}
        </Body1>
      )}
      <div id={bodyId}>
        {asTable ? (
          table
        ) : (
          <div className={mergeClasses(styles.chart, drillDown && styles.clickable)} onKeyDown={drillDown ? activateFocusedBar : undefined}>
            {chart}
          </div>
        )}
      </div>
    </section>
  );
}
