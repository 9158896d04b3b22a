// Keeps the audit form's draft and saves it as the auditor works: 1.5 s
// after the last edit, with PATCH and If-Match carrying the latest ETag. One
// save at a time; edits made during a save are saved straight after it.
//
// A 412 (someone else changed the audit) stops saving and never overwrites
// their change: the form keeps the auditor's text, and `reload` fetches the
// other version and lists the auditor's text that was not saved, so they can
// put it back (which is then saved on top of the new version) or leave it.
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Audit, AuditTool } from "../../api/types";
import { problemMessage } from "../../session/use-api-data";
import { assessmentFrom, draftFields, draftFrom, savedForm, withFields, type Draft, type DraftField } from "./draft";

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "conflict" };

export interface UnsavedText {
  fields: (DraftField & { theirs: string })[];
  mine: Draft;
}

export function useAutosave({ api, initial, tool, canEdit }: { api: ApiClient; initial: Audit; tool: AuditTool; canEdit: (audit: Audit) => boolean }) {
  const [audit, setAudit] = useState(initial);
  const [draft, setDraftState] = useState(() => draftFrom(initial));
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const [unsaved, setUnsaved] = useState<UnsavedText>();

  const draftRef = useRef(draft);
  const etagRef = useRef(initial.etag);
  /** What the server holds, as far as we know, in `savedForm` terms. */
  const savedTextRef = useRef(savedForm(draftFrom(initial)));
  /** The server's version we are editing, for telling what the auditor changed. */
  const baseRef = useRef(draftFrom(initial));
  const conflictRef = useRef(false);
  const inFlightRef = useRef<Promise<boolean>>(undefined);
  const timerRef = useRef<ReturnType<typeof setTimeout>>(undefined);
  const scheduleRef = useRef<() => void>(() => undefined);
  const editableRef = useRef(canEdit(initial));
  editableRef.current = canEdit(audit);

  const isDirty = () => savedForm(draftRef.current) !== savedTextRef.current;

  const saveNow = useCallback(async (): Promise<boolean> => {
    clearTimeout(timerRef.current);
    if (conflictRef.current) return false;
    while (inFlightRef.current) await inFlightRef.current;
    const text = savedForm(draftRef.current);
    if (text === savedTextRef.current) return true;
    const run = (async () => {
      setStatus({ kind: "saving" });
      try {
        const { body, etag } = await api.send<Audit>("PATCH", `/api/audits/${encodeURIComponent(initial.id)}`, {
          body: assessmentFrom(draftRef.current),
          ifMatch: etagRef.current,
        });
        etagRef.current = etag ?? body.etag;
        savedTextRef.current = text;
        baseRef.current = draftFrom(body);
        setAudit(body);
        setStatus({ kind: "saved", at: new Date() });
        return true;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 412) {
          conflictRef.current = true;
          setStatus({ kind: "conflict" });
        } else {
          setStatus({ kind: "error", message: problemMessage(error) });
        }
        return false;
      }
    })();
    inFlightRef.current = run;
    let ok: boolean;
    try {
      ok = await run;
    } finally {
      inFlightRef.current = undefined;
    }
    // Edits typed while that save was on its way wait for the next one.
    if (ok && isDirty()) scheduleRef.current();
    return ok;
  }, [api, initial.id]);

  const schedule = useCallback(() => {
    clearTimeout(timerRef.current);
    if (conflictRef.current || !editableRef.current || !isDirty()) return;
    timerRef.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
  }, [saveNow]);
  scheduleRef.current = schedule;

  const setDraft = useCallback(
    (change: (draft: Draft) => Draft) => {
      draftRef.current = change(draftRef.current);
      setDraftState(draftRef.current);
      schedule();
    },
    [schedule],
  );

  /** Save whatever is waiting, now. Resolves true when the server has everything. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let round = 0; round < 5; round++) {
      if (!(await saveNow())) return false;
      if (!isDirty()) return true;
    }
    return !isDirty();
  }, [saveNow]);

  /** After Start, Decline or Submit: the server's new version replaces the form's. */
  const replaceAudit = useCallback((next: Audit, etag?: string) => {
    clearTimeout(timerRef.current);
    etagRef.current = etag ?? next.etag;
    const fresh = draftFrom(next);
    baseRef.current = fresh;
    savedTextRef.current = savedForm(fresh);
    draftRef.current = fresh;
    setDraftState(fresh);
    setAudit(next);
  }, []);

  /** After a conflict: load the other version, and keep the auditor's unsaved text beside it. Resolves with that version. */
  const reload = useCallback(async (): Promise<Audit> => {
    clearTimeout(timerRef.current);
    const mine = draftRef.current;
    const base = baseRef.current;
    const { body, etag } = await api.get<Audit>(`/api/audits/${encodeURIComponent(initial.id)}`);
    const theirs = draftFrom(body);
    const baseFields = new Map(draftFields(base, tool).map((field) => [field.id, field.text]));
    const theirFields = new Map(draftFields(theirs, tool).map((field) => [field.id, field.text]));
    const changed = draftFields(mine, tool)
      .filter((field) => field.text !== baseFields.get(field.id) && field.text !== theirFields.get(field.id))
      .map((field) => ({ ...field, theirs: theirFields.get(field.id) ?? "" }));
    conflictRef.current = false;
    replaceAudit(body, etag);
    setStatus({ kind: "idle" });
    setUnsaved(changed.length > 0 ? { fields: changed, mine } : undefined);
    return body;
  }, [api, initial.id, tool, replaceAudit]);

  /** Put the auditor's unsaved text back into the reloaded form (it is then saved). */
  const restoreMine = useCallback(() => {
    if (!unsaved) return;
    const ids = unsaved.fields.map((field) => field.id);
    setUnsaved(undefined);
    setDraft((current) => withFields(current, unsaved.mine, ids));
  }, [unsaved, setDraft]);

  const dismissMine = useCallback(() => setUnsaved(undefined), []);

  // Leaving the page with unsaved changes: save them, and let the browser warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (editableRef.current && (isDirty() || inFlightRef.current)) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timerRef.current);
      if (editableRef.current && !conflictRef.current && isDirty()) void saveNow();
    };
  }, [saveNow]);

  return {
    audit,
    draft,
    setDraft,
    status,
    /** The ETag of the latest version the form knows. */
    etag: () => etagRef.current,
    /** Saving stopped because someone else changed the audit (until `reload`). */
    inConflict: () => conflictRef.current,
    flush,
    saveNow,
    replaceAudit,
    reload,
    unsaved,
    restoreMine,
    dismissMine,
  };
}
