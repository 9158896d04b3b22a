import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  text: { display: "block", margin: 0, marginTop: tokens.spacingVerticalM, maxWidth: "60ch" },
});

/** A short paragraph of plain-English page text. */
export function PageText({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Body1 as="p" className={styles.text}>
      {children}
    </Body1>
  );
}
