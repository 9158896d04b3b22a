// #/you-said-we-did: the "you said, we did" updates, newest first; the PSW
// and QA lead also see drafts and write new ones.
import { Button } from "@fluentui/react-components";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { youSaidWeDidHref } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import { formatWhen } from "../bulletins/bulletin-words";
import { useDocumentTitle } from "../programmes/shared-parts";
import type { YouSaidWeDid } from "./you-said-we-did-words";

export function YouSaidWeDidListPage({ focusHeading }: { focusHeading: boolean }) {
  const table = useTableStyles();
  useDocumentTitle("You said, we did");
  const { state, reload } = useApiData(async (api) => (await api.get<{ updates: YouSaidWeDid[]; canWrite: boolean }>("/api/you-said-we-did")).body, []);
  return (
    <>
      <PageHeading focusOnMount={focusHeading}>You said, we did</PageHeading>
      <PageText>What children and families told us, and what we changed because of it. Each update goes to staff channels and has a page to print for families.</PageText>
      {state.kind === "loading" && <Loading label="Loading updates…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && (
        <>
          {state.data.canWrite && (
            <PageText>
              <Button appearance="primary" as="a" href={youSaidWeDidHref("new")}>
                Write an update
              </Button>
            </PageText>
          )}
          {state.data.updates.length === 0 ? (
            <PageText>No updates yet.</PageText>
          ) : (
            <table className={table.table}>
              <caption className={table.caption}>Updates</caption>
              <thead className={table.head}>
                <tr>
                  {["Theme", "Status", "Published"].map((column) => (
                    <th key={column} scope="col" className={table.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={table.body}>
                {state.data.updates.map((update) => (
                  <tr key={update.id} className={table.row}>
                    <DataCell label="Theme" header>
                      <a href={youSaidWeDidHref(update.id)}>{update.theme}</a>
                    </DataCell>
                    <DataCell label="Status">{update.status === "published" ? "Published" : "Draft"}</DataCell>
                    <DataCell label="Published">{formatWhen(update.publishedAt) || "—"}</DataCell>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
