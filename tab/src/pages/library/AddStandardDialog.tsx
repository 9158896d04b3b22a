// "Add a standard": code, title, where it comes from, and what it means.
// The API's refusals show next to the field they are about.
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { ApiClient } from "../../api/api-client";
import { FormDialog } from "../../components/FormDialog";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import { standardSources, type PracticeStandard } from "./library-words";

type FieldName = "code" | "title" | "source" | "description";
const fields: readonly FieldName[] = ["code", "title", "source", "description"];
const OTHER = "other";

export function AddStandardDialog(props: {
  /** Keep the dialog mounted and close it with `open={false}` (unmounting an open Fluent dialog leaves the page aria-hidden). */
  open: boolean;
  api: ApiClient;
  existingCodes: string[];
  onClose: () => void;
  onAdded: (standard: PracticeStandard) => void;
}) {
  const { open, api, existingCodes, onClose, onAdded } = props;
  const [code, setCode] = useState("");
  const [title, setTitle] = useState("");
  const [sourceChoice, setSourceChoice] = useState<string>(standardSources[0]);
  const [otherSource, setOtherSource] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);

  const focus = (field: FieldName | undefined) => {
    if (field) setTimeout(() => document.querySelector<HTMLElement>(`[data-standard-field="${field}"]`)?.focus(), 0);
  };

  const submit = async () => {
    const cleanCode = code.trim().toUpperCase();
    const source = sourceChoice === OTHER ? otherSource.trim() : sourceChoice;
    const found: FieldErrors<FieldName> = {};
    if (!cleanCode) found.code = "Give the standard a code, for example PS-7.";
    else if (!/^[A-Z]{1,6}-?\d{1,3}$/.test(cleanCode)) found.code = "A code is letters then a number, for example PS-7.";
    else if (existingCodes.includes(cleanCode)) found.code = `There is already a standard ${cleanCode}. Choose another code.`;
    if (!title.trim()) found.title = "Say what the standard is, in a sentence.";
    if (sourceChoice === OTHER && !source) found.source = "Say where the standard comes from.";
    const first = fields.find((field) => found[field]);
    if (first) {
      setErrors(found);
      focus(first);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const { body, etag } = await api.send<PracticeStandard>("POST", "/api/practice-standards", {
        body: { code: cleanCode, title: title.trim(), source, description: description.trim() },
      });
      onAdded({ ...body, etag: etag ?? body.etag });
    } catch (error) {
      const next = fieldErrors(error, fields);
      setErrors(next);
      focus(fields.find((field) => next[field]));
      setBusy(false);
    }
  };

  const validation = (field: FieldName) => ({ validationState: errors[field] ? ("error" as const) : ("none" as const), validationMessage: errors[field] });

  return (
    <FormDialog
      open={open}
      title="Add a practice standard"
      busy={busy}
      submitLabel="Add the standard"
      busyLabel="Adding…"
      formError={errors.form && `Not added. ${errors.form}`}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Field label="Code" required hint="Letters then a number, for example PS-7." {...validation("code")}>
        <Input data-standard-field="code" value={code} maxLength={12} onChange={(_, data) => setCode(data.value)} />
      </Field>
      <Field label="The standard" required hint="One sentence that says what good practice looks like." {...validation("title")}>
        <Input data-standard-field="title" value={title} maxLength={200} onChange={(_, data) => setTitle(data.value)} />
      </Field>
      <Field label="Where it comes from" required {...(sourceChoice === OTHER ? {} : validation("source"))}>
        <Select data-standard-field={sourceChoice === OTHER ? undefined : "source"} value={sourceChoice} onChange={(_, data) => setSourceChoice(data.value)}>
          {standardSources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
          <option value={OTHER}>Somewhere else</option>
        </Select>
      </Field>
      {sourceChoice === OTHER && (
        <Field label="Which source?" required {...validation("source")}>
          <Input data-standard-field="source" value={otherSource} maxLength={200} onChange={(_, data) => setOtherSource(data.value)} />
        </Field>
      )}
      <Field label="What it means in practice (optional)" {...validation("description")}>
        <Textarea data-standard-field="description" resize="vertical" maxLength={2000} value={description} onChange={(_, data) => setDescription(data.value)} />
      </Field>
    </FormDialog>
  );
}
