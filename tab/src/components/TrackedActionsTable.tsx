// Actions raised elsewhere (a meeting, an improvement priority) as they stand
// in the action tracker: one table wherever they are listed.
import type { Action } from "../api/types";
import { DataCell } from "./DataCell";
import { useTableStyles } from "./table-styles";
import { actionStatusWords, longDateText } from "./words";

export interface TrackedAction {
  id: string;
  title: string;
  ownerName: string;
  dueDate: string;
  status: Action["status"];
}

export function TrackedActionsTable({ caption, actions }: { caption: string; actions: readonly TrackedAction[] }) {
  const tableStyles = useTableStyles();
  return (
    <table className={tableStyles.table}>
      <caption className={tableStyles.caption}>{caption}</caption>
      <thead className={tableStyles.head}>
        <tr>
          {["Action", "Owner", "Due", "Status"].map((column) => (
            <th key={column} scope="col" className={tableStyles.headerCell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={tableStyles.body}>
        {actions.map((action) => (
          <tr key={action.id} className={tableStyles.row}>
            <DataCell label="Action" header>
              {action.title}
            </DataCell>
            <DataCell label="Owner">{action.ownerName}</DataCell>
            <DataCell label="Due">{longDateText(action.dueDate)}</DataCell>
            <DataCell label="Status">{actionStatusWords[action.status]}</DataCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
