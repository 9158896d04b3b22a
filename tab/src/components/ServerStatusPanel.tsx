import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { useServerHealth } from "../use-server-health";

export const SERVER_DID_NOT_ANSWER = "Golden Thread's server did not answer. Try again in a minute.";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalXXL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0 },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

/** Home panel: which authority this server is for, and whether it answers. */
export function ServerStatusPanel() {
  const styles = useStyles();
  const { state, retry } = useServerHealth();

  return (
    <section className={styles.panel} aria-labelledby="server-status-heading">
      <Subtitle1 as="h2" id="server-status-heading" className={styles.heading}>
        Server
      </Subtitle1>
      <div aria-live="polite">
        {state.kind === "loading" && <Spinner size="tiny" labelPosition="after" label="Checking Golden Thread's server…" />}

        {state.kind === "error" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{SERVER_DID_NOT_ANSWER}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={retry}>Try again</Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {state.kind === "ok" && (
          <>
            <dl className={styles.facts}>
              <dt className={styles.term}>Local authority</dt>
              <dd className={styles.detail}>{state.health.authority}</dd>
              <dt className={styles.term}>Server</dt>
              <dd className={styles.detail}>
                {state.health.status === "ok" ? "Working" : `Not ready (it reports “${state.health.status}”)`}
              </dd>
            </dl>
            {state.health.status !== "ok" && (
              <Body1 as="p">
                Try again in a minute. <Button size="small" onClick={retry}>Check again</Button>
              </Body1>
            )}
            {state.health.version && <Caption1>Version {state.health.version}</Caption1>}
          </>
        )}
      </div>
    </section>
  );
}
