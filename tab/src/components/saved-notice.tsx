// After a dialog saves, the page says what happened and moves focus to the
// message, so a keyboard or screen-reader user hears the result where the
// dialog was. Each save is a new notice, so the same words say it again.
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  notice: { marginTop: tokens.spacingVerticalM, ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

export function useSavedNotice(): { showSaved: (text: string) => void; savedNotice: ReactNode } {
  const styles = useStyles();
  const [notice, setNotice] = useState<{ text: string; at: number }>();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const showSaved = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  const savedNotice = notice && (
    <div ref={noticeRef} tabIndex={-1} role="status" className={styles.notice}>
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{notice.text}</MessageBarBody>
      </MessageBar>
    </div>
  );
  return { showSaved, savedNotice };
}
