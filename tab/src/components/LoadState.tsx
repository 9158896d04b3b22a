// What a page shows while its data loads, or when the API refused.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalL },
});

export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="status">
      <Spinner size="small" labelPosition="after" label={label} />
    </div>
  );
}

export function LoadError({ message, onRetry, title = "This did not load" }: { message: string; onRetry?: () => void; title?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>Try again</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
