// What the roles and accountability pages read from the API.
export interface RoleHolder {
  id: string;
  displayName: string;
  teamId: string | null;
  serviceId: string | null;
  jobTitle: string | null;
}

export interface RoleWithPeople {
  role: string;
  label: string;
  people: RoleHolder[];
}

/** One of the framework's twelve components and who is accountable for it. */
export interface FrameworkComponent {
  id: string;
  etag: string;
  number: number;
  name: string;
  leadRole: string;
  leadPersonId?: string;
  contributorRoles: string[];
  informedRoles: string[];
  notes: string;
}

/** The components are numbered i to xii in the framework. */
export function romanNumeral(number: number): string {
  return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"][number - 1] ?? String(number);
}
