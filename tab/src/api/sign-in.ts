// How the tab gets a token. Inside Teams: single sign-on with
// authentication.getAuthToken(). In a plain browser on a server with no
// Microsoft 365 tenant: the local demo sign-in, kept for this browser tab only.
import { authentication } from "@microsoft/teams-js";
import type { TabHost } from "../teams-host";

const storageKey = "golden-thread.local-sign-in";

export interface LocalPerson {
  id: string;
  displayName: string;
  roles: string[];
  jobTitle: string | null;
}

export interface LocalSignInOffer {
  notice: string;
  people: LocalPerson[];
}

export function teamsToken(): Promise<string> {
  return authentication.getAuthToken();
}

export function storedLocalToken(): string | undefined {
  return sessionStorage.getItem(storageKey) ?? undefined;
}

export function forgetLocalToken(): void {
  sessionStorage.removeItem(storageKey);
}

/** The demo staff to choose from, or undefined when the server does not offer local sign-in. */
export async function localSignInOffer(): Promise<LocalSignInOffer | undefined> {
  const response = await fetch("/api/local-sign-in", { headers: { Accept: "application/json" } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error("Golden Thread's server did not answer. Try again in a minute.");
  return (await response.json()) as LocalSignInOffer;
}

export async function signInLocally(personId: string): Promise<string> {
  const response = await fetch("/api/local-sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ personId }),
  });
  if (!response.ok) throw new Error("That sign-in did not work. Choose again.");
  const { token } = (await response.json()) as { token: string };
  sessionStorage.setItem(storageKey, token);
  return token;
}

export function tokenSourceFor(host: TabHost): (() => Promise<string>) | undefined {
  if (host.kind === "teams") return teamsToken;
  const token = storedLocalToken();
  return token ? async () => token : undefined;
}
