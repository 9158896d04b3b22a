// Change who is accountable for one part of the framework: the lead role,
// the named lead, who contributes, who is kept informed, and notes. Sent
// with the component's ETag; if someone else changed it meanwhile, the
// dialog says so and offers Reload.
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { ApiProblem, type ApiClient } from "../../api/api-client";
import { FormDialog } from "../../components/FormDialog";
import { problemMessage } from "../../session/use-api-data";
import { fieldErrors, type FieldErrors } from "../actions/action-changes";
import type { RolesData } from "./RolesPage";
import type { FrameworkComponent } from "./roles-words";

const useStyles = makeStyles({
  group: { margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  options: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))" },
});

type FieldName = "leadRole" | "leadPersonId" | "contributorRoles" | "informedRoles" | "notes";
const fields: readonly FieldName[] = ["leadRole", "leadPersonId", "contributorRoles", "informedRoles", "notes"];

export function ComponentDialog(props: {
  /** Keep the dialog mounted and close it with `open={false}` (unmounting an open Fluent dialog leaves the page aria-hidden). */
  open: boolean;
  api: ApiClient;
  component: FrameworkComponent;
  data: RolesData;
  onClose: () => void;
  onReload: () => void;
  onSaved: (component: FrameworkComponent, message: string) => void;
}) {
  const { open, api, component, data, onClose, onReload, onSaved } = props;
  const styles = useStyles();
  const [leadRole, setLeadRole] = useState(component.leadRole);
  const [leadPersonId, setLeadPersonId] = useState(component.leadPersonId ?? "");
  const [contributorRoles, setContributorRoles] = useState(component.contributorRoles);
  const [informedRoles, setInformedRoles] = useState(component.informedRoles);
  const [notes, setNotes] = useState(component.notes);
  const [errors, setErrors] = useState<FieldErrors<FieldName>>({});
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  const label = (role: string) => data.roles.find((candidate) => candidate.role === role)?.label ?? role;
  // People who hold the lead role, and whoever is named now (even if their roles changed).
  const holders = data.people.filter((person) => person.roles.includes(leadRole) || person.id === leadPersonId);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setConflict(false);
    try {
      const { body, etag } = await api.send<FrameworkComponent>("PATCH", `/api/framework-components/${encodeURIComponent(component.id)}`, {
        body: { leadRole, leadPersonId: leadPersonId || null, contributorRoles, informedRoles, notes: notes.trim() },
        ifMatch: component.etag,
      });
      const named = data.people.find((person) => person.id === body.leadPersonId)?.displayName;
      onSaved({ ...body, etag: etag ?? body.etag }, `Saved. ${component.name} is led by the ${label(body.leadRole).toLowerCase()}${named ? ` (${named})` : ", with no one named yet"}.`);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) setConflict(true);
      else if (error instanceof ApiProblem && error.problems.length > 0) setErrors(fieldErrors(error, fields));
      else setErrors({ form: problemMessage(error) });
      setBusy(false);
    }
  };

  const roleChoices = (chosen: string[], set: (roles: string[]) => void, legend: string) => (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.options}>
        {data.roles.map((role) => (
          <Checkbox
            key={role.role}
            label={role.label}
            checked={chosen.includes(role.role)}
            onChange={(_, change) => set(change.checked ? data.roles.map((candidate) => candidate.role).filter((candidate) => candidate === role.role || chosen.includes(candidate)) : chosen.filter((candidate) => candidate !== role.role))}
          />
        ))}
      </div>
    </fieldset>
  );

  const validation = (field: FieldName) => ({ validationState: errors[field] ? ("error" as const) : ("none" as const), validationMessage: errors[field] });

  return (
    <FormDialog
      open={open}
      title={`Who is accountable for ${component.name.toLowerCase()}`}
      busy={busy}
      submitLabel="Save"
      formError={errors.form && `Not saved. ${errors.form}`}
      width="wide"
      extra={
        conflict && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>Someone else changed this part of the map after you opened it, so nothing was saved. Reload to see it as it is now, then make your change again.</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={onReload}>
                Reload
              </Button>
            </MessageBarActions>
          </MessageBar>
        )
      }
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <Field label="Lead role" required {...validation("leadRole")}>
        <Select
          value={leadRole}
          onChange={(_, change) => {
            setLeadRole(change.value);
            // A named lead must hold the lead role.
            if (!data.people.some((person) => person.id === leadPersonId && person.roles.includes(change.value))) setLeadPersonId("");
          }}
        >
          {data.roles.map((role) => (
            <option key={role.role} value={role.role}>
              {role.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Named lead" hint={`Someone who holds the ${label(leadRole).toLowerCase()} role.`} {...validation("leadPersonId")}>
        <Select value={leadPersonId} onChange={(_, change) => setLeadPersonId(change.value)}>
          <option value="">No one named</option>
          {holders.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
              {person.jobTitle ? `, ${person.jobTitle}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      {roleChoices(contributorRoles, setContributorRoles, "Who contributes")}
      {errors.contributorRoles && <span role="alert">{errors.contributorRoles}</span>}
      {roleChoices(informedRoles, setInformedRoles, "Who is kept informed")}
      {errors.informedRoles && <span role="alert">{errors.informedRoles}</span>}
      <Field label="Notes (optional)" hint="For example, how often the lead reports and to whom." {...validation("notes")}>
        <Textarea resize="vertical" maxLength={2000} value={notes} onChange={(_, change) => setNotes(change.value)} />
      </Field>
    </FormDialog>
  );
}
