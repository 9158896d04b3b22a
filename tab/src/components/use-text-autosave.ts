// Saves one text box as the person types (1.5 s after the last edit), with
// If-Match carrying the latest ETag, one save at a time, like the audit
// form. A 412 stops saving and keeps the person's text on the page, so
// nothing they wrote is lost; `reload` takes the other version.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiProblem } from "../api/api-client";
import { AUTOSAVE_DELAY_MS, type SaveStatus } from "../pages/audit-form/use-autosave";
import { problemMessage } from "../session/use-api-data";

export function useTextAutosave({
  initialText,
  initialEtag,
  save,
  load,
}: {
  initialText: string;
  /** null before the first save, where the API creates the record. */
  initialEtag: string | null;
  save: (text: string, etag: string | null) => Promise<{ etag: string }>;
  load: () => Promise<{ text: string; etag: string | null }>;
}) {
  const [text, setTextState] = useState(initialText);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const textRef = useRef(initialText);
  const savedRef = useRef(initialText);
  const etagRef = useRef(initialEtag);
  const conflictRef = useRef(false);
  const inFlightRef = useRef<Promise<boolean>>(undefined);
  const timerRef = useRef<ReturnType<typeof setTimeout>>(undefined);

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timerRef.current);
    if (conflictRef.current) return false;
    while (inFlightRef.current) await inFlightRef.current;
    const sending = textRef.current;
    if (sending === savedRef.current) return true;
    const run = (async () => {
      setStatus({ kind: "saving" });
      try {
        const { etag } = await save(sending, etagRef.current);
        etagRef.current = etag;
        savedRef.current = sending;
        setStatus({ kind: "saved", at: new Date() });
        return true;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 412) {
          conflictRef.current = true;
          setStatus({ kind: "conflict" });
        } else setStatus({ kind: "error", message: problemMessage(error) });
        return false;
      }
    })();
    inFlightRef.current = run;
    try {
      const ok = await run;
      if (ok && textRef.current !== savedRef.current) timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
      return ok;
    } finally {
      inFlightRef.current = undefined;
    }
  }, [save]);

  const setText = useCallback(
    (next: string) => {
      textRef.current = next;
      setTextState(next);
      clearTimeout(timerRef.current);
      if (!conflictRef.current) timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [saveNow],
  );

  /** After a conflict: the other version comes in; the person's own text is returned so the page can offer it back. */
  const reload = useCallback(async (): Promise<string> => {
    const mine = textRef.current;
    const latest = await load();
    etagRef.current = latest.etag;
    savedRef.current = latest.text;
    textRef.current = latest.text;
    setTextState(latest.text);
    conflictRef.current = false;
    setStatus({ kind: "idle" });
    return mine;
  }, [load]);

  useEffect(
    () => () => {
      clearTimeout(timerRef.current);
      if (!conflictRef.current && textRef.current !== savedRef.current) void saveNow();
    },
    [saveNow],
  );

  return { text, setText, status, saveNow, reload };
}
