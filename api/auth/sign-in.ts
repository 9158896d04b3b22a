// Turns a bearer token into a Viewer. In a tenant: a Teams SSO token checked
// against Microsoft Entra's signing keys. With no tenant configured and the
// server on loopback: a short-lived token from the local demo sign-in.
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Role } from "../domain/records/person.js";
import type { Store } from "../store/port.js";
import type { Viewer } from "./viewer.js";

export interface EntraSettings {
  clientId: string;
  /** api://<TAB_DOMAIN>/<clientId>, as the tab's token is issued for. */
  applicationIdUri: string;
  allowedTenantIds: string[];
  jwksUrl: string;
  /** Entra group object ID → role. */
  roleGroups: Record<string, Role>;
}

export class SignInError extends Error {
  override name = "SignInError";
}

const localIssuer = "golden-thread:local";

export interface SignIn {
  mode: "entra" | "local";
  viewerFor(authorization: string | undefined): Promise<Viewer>;
  /** Local mode only: a token for a demo person. */
  localToken?(personId: string): Promise<string>;
}

async function viewerOf(store: Store, personId: string | undefined, aadObjectId: string | undefined, roles: Role[] | undefined, signIn: Viewer["signIn"]): Promise<Viewer> {
  const person = personId
    ? await store.get("person", personId)
    : aadObjectId
      ? (await store.query("person", { where: { aadObjectId }, limit: 1 })).records[0]
      : undefined;
  if (!person) throw new SignInError("You are signed in, but Golden Thread does not know you yet. Ask your QA lead to add you.");
  const serviceTeamIds = person.serviceId
    ? (await store.query("team", { where: { serviceId: person.serviceId }, limit: 500 })).records.map((team) => team.id)
    : [];
  // With roles from Entra groups, the person acts with those roles everywhere
  // (the services check the acting person's roles), never with the stored ones.
  const effective = roles ?? person.roles;
  return { person: { ...person, roles: effective }, roles: effective, signIn, serviceTeamIds };
}

function bearer(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) throw new SignInError("Sign in to Golden Thread: this request has no bearer token.");
  return match[1]!;
}

export function localSignIn(store: Store): SignIn {
  // A fresh secret per process: local sessions end when the server stops.
  const secret = randomBytes(32);
  return {
    mode: "local",
    async localToken(personId) {
      return new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer(localIssuer).setSubject(personId).setIssuedAt().setExpirationTime("12h").sign(secret);
    },
    async viewerFor(authorization) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(bearer(authorization), secret, { issuer: localIssuer, algorithms: ["HS256"] }));
      } catch (error) {
        if (error instanceof SignInError) throw error;
        throw new SignInError("Your sign-in has expired or is not valid. Choose who you are again.");
      }
      return viewerOf(store, payload.sub, undefined, undefined, "local");
    },
  };
}

export function entraSignIn(store: Store, settings: EntraSettings): SignIn {
  const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  const mappedRoles = Object.keys(settings.roleGroups).length > 0;
  return {
    mode: "entra",
    async viewerFor(authorization) {
      let payload: JWTPayload & { tid?: string; oid?: string; scp?: string; groups?: string[] };
      try {
        ({ payload } = await jwtVerify(bearer(authorization), keys, {
          audience: [settings.applicationIdUri, settings.clientId],
          algorithms: ["RS256"],
          clockTolerance: 60,
        }));
      } catch (error) {
        if (error instanceof SignInError) throw error;
        throw new SignInError("Your Teams sign-in could not be checked (the token is expired, for another app, or not signed by Microsoft Entra).");
      }
      const tenantId = payload.tid;
      if (!tenantId || !settings.allowedTenantIds.includes(tenantId)) {
        throw new SignInError("Golden Thread is not available to your organisation's tenant.");
      }
      const expectedIssuers = [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!payload.iss || !expectedIssuers.includes(payload.iss)) throw new SignInError("This token was not issued by your organisation's Microsoft Entra tenant.");
      if (!(payload.scp ?? "").split(" ").includes("access_as_user")) throw new SignInError("This token does not allow Golden Thread to act for you (scope access_as_user).");
      const roles = mappedRoles
        ? [...new Set((payload.groups ?? []).flatMap((group) => (settings.roleGroups[group] ? [settings.roleGroups[group]] : [])))]
        : undefined;
      return viewerOf(store, undefined, payload.oid, roles, "entra");
    },
  };
}
