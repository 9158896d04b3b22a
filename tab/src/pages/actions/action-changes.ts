// Sending "done" and "more time" for an action, and reading the API's
// refusals as messages for each field.
import { ApiProblem, type ApiClient } from "../../api/api-client";
import type { Action } from "../../api/types";
import { problemMessage } from "../../session/use-api-data";

export type FieldErrors<F extends string> = Partial<Record<F | "form", string>>;

/**
 * Where each problem goes: `problems[].field` (e.g. "body.evidence") names
 * the field; a problem with no field, or one for a field the form does not
 * have, goes to `onlyField` when the form has one field, else to the form.
 */
export function fieldErrors<F extends string>(error: unknown, fields: readonly F[], onlyField?: F): FieldErrors<F> {
  const result: FieldErrors<F> = {};
  if (error instanceof ApiProblem && error.problems.length > 0) {
    for (const problem of error.problems) {
      const name = problem.field.replace(/^body\./, "") as F;
      const key = fields.includes(name) ? name : (onlyField ?? "form");
      result[key] = result[key] ? `${result[key]} ${problem.message}` : problem.message;
    }
    return result;
  }
  if (error instanceof ApiProblem && (error.status === 422 || error.status === 400) && onlyField) return { [onlyField]: error.message } as FieldErrors<F>;
  return { form: problemMessage(error) } as FieldErrors<F>;
}

/**
 * POST a change with the action's ETag. A 412 means someone really did
 * change it (reminders do not touch actions), so nothing is sent again: the
 * newer action comes back to be shown, with a plain explanation.
 */
export async function changeAction(
  api: ApiClient,
  action: Action,
  step: "done" | "extend",
  body: Record<string, string>,
): Promise<{ ok: true; action: Action } | { ok: false; action: Action; message: string }> {
  const path = `/api/actions/${encodeURIComponent(action.id)}`;
  try {
    const result = await api.send<Action>("POST", `${path}/${step}`, { body, ifMatch: action.etag });
    return { ok: true, action: { ...result.body, etag: result.etag ?? result.body.etag } };
  } catch (error) {
    if (!(error instanceof ApiProblem && error.status === 412)) throw error;
  }
  const { body: latest, etag } = await api.get<Action>(path);
  return {
    ok: false,
    action: { ...latest, etag: etag ?? latest.etag },
    message: "Someone else changed this action after you opened it. The table now shows it as it is; check it before you try again.",
  };
}
