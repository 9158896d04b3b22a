import type { ReactNode } from "react";
import { useTableStyles } from "./table-styles";

/**
 * A table cell that names its column on narrow screens (see table-styles.ts).
 * The contents sit in one box so they stay beside the column name.
 */
export function DataCell({ label, children, header = false }: { label: string; children: ReactNode; header?: boolean }) {
  const styles = useTableStyles();
  const content = <div>{children}</div>;
  return header ? (
    <th scope="row" data-label={label} className={styles.cell} style={{ fontWeight: "inherit" }}>
      {content}
    </th>
  ) : (
    <td data-label={label} className={styles.cell}>
      {content}
    </td>
  );
}
