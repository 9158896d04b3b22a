import { Body1, makeStyles, MessageBar, MessageBarBody, Title1, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalL,
  },
  title: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export const OUTSIDE_TEAMS_MESSAGE =
  "You are viewing Golden Thread outside Microsoft Teams. Sign-in and Teams features are off.";

/** Page header: product name, what it is for, and the outside-Teams warning. */
export function AppHeader({ outsideTeams }: { outsideTeams: boolean }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title1 as="h1" className={styles.title}>
        Golden Thread
      </Title1>
      <Body1 as="p" className={styles.description}>
        Quality assurance for children's services, where you already work
      </Body1>
      {outsideTeams && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {OUTSIDE_TEAMS_MESSAGE}
          </MessageBarBody>
        </MessageBar>
      )}
    </header>
  );
}
