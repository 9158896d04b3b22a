// Who is signed in, and the API client that acts as them. SessionProvider
// fills this in; pages read it with useSession().
//
//   const { me, api } = useSession();
//   const { body } = await api.get<{ audits: Audit[] }>("/api/audits", { auditorId: me.id });
import { createContext, useContext } from "react";
import type { ApiClient } from "../api/api-client";
import type { Me } from "../api/types";

export interface Session {
  me: Me;
  /** Calls the API as `me`. A 401 answer ends the session (back to sign-in). */
  api: ApiClient;
  /** "local": the demo sign-in of a server with no Microsoft 365 tenant. "teams": Teams single sign-on. */
  via: "local" | "teams";
  /** Local sign-in only: forget the token and choose again. */
  signOut?: () => void;
}

export type SessionState =
  /** Not asked for (e.g. Teams' tab set-up dialog). */
  | { kind: "off" }
  | { kind: "checking" }
  /** Plain browser, no token: show the local sign-in page. */
  | { kind: "signed-out"; why: "new" | "expired" | "signed-out" }
  /** Sign-in failed in a way choosing again does not fix (Teams SSO, server down). */
  | { kind: "failed"; message: string }
  | { kind: "signed-in"; session: Session };

export interface SessionControl {
  state: SessionState;
  /** Local sign-in as a demo person. Rejects with a message safe to show. */
  signInAs(personId: string): Promise<void>;
  /** Try again after "failed". */
  retry(): void;
}

export const SessionContext = createContext<SessionControl | undefined>(undefined);

export function useSessionControl(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error("useSessionControl must be used inside <SessionProvider>");
  return control;
}

/** The signed-in session. Only pages shown after sign-in may call this. */
export function useSession(): Session {
  const { state } = useSessionControl();
  if (state.kind !== "signed-in") throw new Error("useSession was called before sign-in");
  return state.session;
}
