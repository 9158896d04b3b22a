// #/bulletins: learning bulletins, newest first. Staff see the ones sent to
// them and whether they have read each; the PSW and QA lead also see drafts
// and scheduled ones, and write new ones.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { DataCell } from "../../components/DataCell";
import { Loading, LoadError } from "../../components/LoadState";
import { PageHeading } from "../../components/PageHeading";
import { PageText } from "../../components/PageText";
import { useTableStyles } from "../../components/table-styles";
import { bulletinHref } from "../../routes";
import { useApiData } from "../../session/use-api-data";
import { useDocumentTitle } from "../programmes/shared-parts";
import { formatWhen, stateWords, type Bulletin } from "./bulletin-words";

const useStyles = makeStyles({
  write: { marginTop: tokens.spacingVerticalM },
});

export function BulletinsPage({ focusHeading }: { focusHeading: boolean }) {
  const styles = useStyles();
  const table = useTableStyles();
  useDocumentTitle("Learning bulletins");
  const { state, reload } = useApiData(async (api) => (await api.get<{ bulletins: Bulletin[]; canWrite: boolean }>("/api/bulletins")).body, []);
  return (
    <>
      <PageHeading focusOnMount={focusHeading}>Learning bulletins</PageHeading>
      <PageText>What we are learning from audits, reviews and feedback. Each bulletin goes to team channels and staff chats as a card in Teams.</PageText>
      {state.kind === "loading" && <Loading label="Loading bulletins…" />}
      {state.kind === "error" && <LoadError message={state.message} onRetry={reload} />}
      {state.kind === "ok" && (
        <>
          {state.data.canWrite && (
            <Button className={styles.write} appearance="primary" as="a" href={bulletinHref("new")}>
              Write a bulletin
            </Button>
          )}
          {state.data.bulletins.length === 0 ? (
            <PageText>No bulletins yet.</PageText>
          ) : (
            <table className={table.table}>
              <caption className={table.caption}>Bulletins</caption>
              <thead className={table.head}>
                <tr>
                  {["Title", "Status", "Sent", "Read by you"].map((column) => (
                    <th key={column} scope="col" className={table.headerCell}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className={table.body}>
                {state.data.bulletins.map((bulletin) => (
                  <tr key={bulletin.id} className={table.row}>
                    <DataCell label="Title" header>
                      <a href={bulletinHref(bulletin.id)}>{bulletin.title}</a>
                    </DataCell>
                    <DataCell label="Status">{stateWords[bulletin.state]}</DataCell>
                    <DataCell label="Sent">{formatWhen(bulletin.publishAt) || "—"}</DataCell>
                    <DataCell label="Read by you">{bulletin.readAt ? "Yes" : bulletin.state === "published" ? "Not yet" : "—"}</DataCell>
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
