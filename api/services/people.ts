// Who someone is, from the identity Teams or the tab gives us.
import { DomainError } from "../domain/errors.js";
import type { Role } from "../domain/records/person.js";
import { allRecords } from "../store/all-records.js";
import type { RecordOperations, Saved } from "../store/port.js";

export type Person = Saved<"person">;

export async function personByEntraId(store: RecordOperations, aadObjectId: string | undefined): Promise<Person | undefined> {
  if (!aadObjectId) return undefined;
  return (await store.query("person", { where: { aadObjectId }, limit: 1 })).records[0];
}

export async function peopleWithRole(store: RecordOperations, role: Role): Promise<Person[]> {
  // Staff lists are small (hundreds); roles are an array, so filter here.
  return (await allRecords(store, "person")).filter((person) => person.roles.includes(role));
}

export function hasRole(person: Person, ...roles: Role[]): boolean {
  return roles.some((role) => person.roles.includes(role));
}

export function requireRecord<T>(record: T | undefined, what: string, id: string): T {
  if (!record) throw new DomainError("not_found", `There is no ${what} with id ${id}.`, { id });
  return record;
}

export function forbidden(message: string): DomainError {
  return new DomainError("forbidden", message);
}

export function staleRecord(what: string): DomainError {
  return new DomainError("conflict", `Someone else changed this ${what} after you opened it. Reload it to see their changes, then try again.`);
}
