import { Badge, Body1, Button, makeStyles, MessageBar, MessageBarBody, Title1, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalL,
  },
  title: { margin: 0 },
  description: { margin: 0, color: tokens.colorNeutralForeground2 },
  who: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
});

export const OUTSIDE_TEAMS_MESSAGE =
  "You are viewing Golden Thread outside Microsoft Teams. Teams features (single sign-on, Teams' theme and channel tabs) are off.";

export interface SignedInAs {
  displayName: string;
  roleLabels: string[];
  /** Signed in with the local demo picker (no Microsoft 365 tenant). */
  local: boolean;
  onSignOut?: () => void;
}

/** Page header: product name, what it is for, who is signed in, and the outside-Teams warning. */
export function AppHeader({ outsideTeams, signedInAs }: { outsideTeams: boolean; signedInAs?: SignedInAs }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title1 as="h1" className={styles.title}>
        Golden Thread
      </Title1>
      <Body1 as="p" className={styles.description}>
        Quality assurance for children's services, where you already work
      </Body1>
      {signedInAs && (
        <Body1 as="p" className={styles.who}>
          <span>
            Signed in as <span className={styles.name}>{signedInAs.displayName}</span>
            {signedInAs.roleLabels.length > 0 && ` (${signedInAs.roleLabels.join(", ")})`}
          </span>
          {signedInAs.local && (
            <Badge appearance="outline" color="informative" shape="rounded">
              Local demo sign-in
            </Badge>
          )}
          {signedInAs.onSignOut && (
            <Button size="small" onClick={signedInAs.onSignOut}>
              Sign out
            </Button>
          )}
        </Body1>
      )}
      {outsideTeams && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{OUTSIDE_TEAMS_MESSAGE}</MessageBarBody>
        </MessageBar>
      )}
    </header>
  );
}
