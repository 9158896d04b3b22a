// A chart's numbers as a real table: caption, column and row headers, and
// each number a link to the audits behind it where there is such a list.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatCount } from "./dashboard-labels";

const useStyles = makeStyles({
  wrapper: { overflowX: "auto" },
  table: {
    borderCollapse: "collapse",
    minWidth: "50%",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  caption: { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  rowHeader: { textAlign: "start", fontWeight: tokens.fontWeightRegular, whiteSpace: "normal" },
  columnHeader: { fontWeight: tokens.fontWeightSemibold, verticalAlign: "bottom" },
  total: { fontWeight: tokens.fontWeightSemibold },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

export interface FigureCell {
  count: number;
  /** Where the number leads: the audits behind it. */
  href?: string;
  /** Extra text after the number, e.g. a share ("45%"). */
  note?: string;
}

export interface FigureRow {
  header: string;
  cells: FigureCell[];
  /** A totals row, set in bold. */
  total?: boolean;
}

export interface FigureTableProps {
  caption: string;
  /** Header of the row-header column, then of each number column. */
  columns: string[];
  rows: FigureRow[];
}

export function FigureTable({ caption, columns, rows }: FigureTableProps) {
  const styles = useStyles();
  const [rowHeading, ...numberHeadings] = columns;
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.cell, styles.rowHeader, styles.columnHeader)}>
              {rowHeading}
            </th>
            {numberHeadings.map((heading) => (
              <th key={heading} scope="col" className={mergeClasses(styles.cell, styles.columnHeader)}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.header} className={row.total ? styles.total : undefined}>
              <th scope="row" className={mergeClasses(styles.cell, styles.rowHeader, row.total && styles.total)}>
                {row.header}
              </th>
              {row.cells.map((cell, index) => {
                const text = formatCount(cell.count);
                return (
                  <td key={index} className={styles.cell}>
                    {cell.href ? (
                      <a className={styles.link} href={cell.href}>
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                    {cell.note && ` (${cell.note})`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
