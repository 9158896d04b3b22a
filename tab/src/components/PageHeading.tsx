import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useRef } from "react";

const useStyles = makeStyles({
  heading: {
    ...typographyStyles.title2,
    margin: 0,
    color: tokens.colorNeutralForeground1,
    // Focus is moved here for screen readers after navigation; it is not a control.
    ":focus": { outlineStyle: "none" },
  },
});

/**
 * The page's main heading (h2; h1 is "Golden Thread"). With `focusOnMount`,
 * it takes focus so screen reader users hear the new page after navigating.
 */
export function PageHeading({ children, focusOnMount }: { children: string; focusOnMount: boolean }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);

  return (
    <h2 ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h2>
  );
}
