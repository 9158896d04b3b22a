// Small parts shared by the programme, library and roles pages: who may
// plan or edit, a notice that takes focus, the "someone else changed it"
// message with Reload, a list of facts, and a notice carried to the next page.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Me } from "../../api/types";

export const usePartStyles = makeStyles({
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  notice: { marginTop: tokens.spacingVerticalM, ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    marginTop: tokens.spacingVerticalM,
    "@media (max-width: 480px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: "anywhere", "@media (max-width: 480px)": { marginBottom: tokens.spacingVerticalS } },
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionHeading: { margin: 0 },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
});

/** People who plan audit programmes (the API checks the same roles). */
export function canPlanAudits(me: Me): boolean {
  return me.roles.some((role) => ["qa_lead", "principal_social_worker", "head_of_service", "service_manager"].includes(role));
}

/** The QA lead and the principal social worker change the practice library and the accountability map. */
export function canEditLibrary(me: Me): boolean {
  return me.roles.some((role) => role === "qa_lead" || role === "principal_social_worker");
}

/** Sets the document title for pages that write their own heading. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Golden Thread`;
  }, [title]);
}

export interface NoticeText {
  text: ReactNode;
  tone: "success" | "info" | "warning" | "error";
  /** A new value each time, so the same words shown twice are announced twice. */
  at: number;
}

/** A message about what just happened. It takes focus so screen readers read it at once. */
export function Notice({ notice, children, takeFocus = true }: { notice: NoticeText; children?: ReactNode; takeFocus?: boolean }) {
  const styles = usePartStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [notice.at, takeFocus]);
  return (
    <div ref={ref} tabIndex={-1} role={notice.tone === "error" ? "alert" : "status"} className={styles.notice}>
      <MessageBar intent={notice.tone} layout="multiline">
        <MessageBarBody>
          {notice.text}
          {children}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

/** "Someone else changed this" with a Reload button (after a 412 answer). */
export function ConflictMessage({ what, onReload }: { what: string; onReload: () => void }) {
  const styles = usePartStyles();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className={styles.notice}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>Someone else changed this {what} after you opened it, so nothing was changed. Reload to see it as it is now, then try again.</MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onReload}>
            Reload
          </Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}

/** Term and detail pairs, one per line (stacked on a narrow screen). */
export function Facts({ rows, label }: { rows: [string, ReactNode][]; label?: string }) {
  const styles = usePartStyles();
  return (
    <dl className={styles.facts} aria-label={label}>
      {rows.map(([term, detail]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A section of a page with its own h3 heading. */
export function PageSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = usePartStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle1 as="h3" id={id} className={styles.sectionHeading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

// A notice for the page opened next (e.g. "Planned. Now draw the sample."),
// read once by that page when it opens.
let nextPageNotice: { text: string; tone: NoticeText["tone"] } | undefined;

export function setNextPageNotice(text: string, tone: NoticeText["tone"] = "success"): void {
  nextPageNotice = { text, tone };
}

/** The page's notice: starts as the one left for it (if any), which is then forgotten. */
export function usePageNotice() {
  const [notice, setNotice] = useState<NoticeText | undefined>(() => nextPageNotice && { ...nextPageNotice, at: Date.now() });
  useEffect(() => {
    nextPageNotice = undefined;
  }, []);
  return [notice, setNotice] as const;
}
