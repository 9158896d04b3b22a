// Who you are, and the local demo sign-in. The local sign-in exists only
// when no Microsoft 365 tenant is configured and the server is on loopback
// (config.ts refuses anything else), and says so.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { roleLabels } from "../../domain/records/person.js";
import type { SignIn } from "../../auth/sign-in.js";
import { scopeOf } from "../../auth/viewer.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

export function sessionRoutes({ store }: ApiServices, signIn: SignIn): Route[] {
  const routes: Route[] = [
    route({
      method: "get",
      path: "/api/me",
      tag: "Session",
      summary: "The signed-in person, their roles and what they can see",
      responses: { 200: "You" },
      async handle({ viewer }) {
        const { person } = viewer;
        return {
          body: {
            id: person.id,
            displayName: person.displayName,
            roles: viewer.roles,
            roleLabels: viewer.roles.map((role) => roleLabels[role]),
            teamId: person.teamId ?? null,
            serviceId: person.serviceId ?? null,
            scope: scopeOf(viewer),
            signIn: viewer.signIn,
          },
        };
      },
    }),
  ];
  if (signIn.mode !== "local" || !signIn.localToken) return routes;
  const localToken = signIn.localToken;
  return [
    ...routes,
    route({
      access: "public",
      method: "get",
      path: "/api/local-sign-in",
      tag: "Session",
      summary: "Demo staff to sign in as (local use only, no tenant configured)",
      responses: { 200: "The people you can sign in as" },
      async handle() {
        const people = (await store.query("person", { limit: 500 })).records;
        return {
          body: {
            notice: "Local sign-in: no Microsoft 365 tenant is configured, so you choose who you are. This only works on this computer.",
            people: people.map((person) => ({ id: person.id, displayName: person.displayName, roles: person.roles.map((role) => roleLabels[role]), jobTitle: person.jobTitle ?? null })),
          },
        };
      },
    }),
    route({
      access: "public",
      method: "post",
      path: "/api/local-sign-in",
      tag: "Session",
      summary: "Sign in locally as a demo person; returns a bearer token",
      body: z.object({ personId: z.string().min(1, "Choose who you are").max(100) }),
      responses: { 200: "A bearer token for the API" },
      async handle({ body }) {
        const person = await store.get("person", body.personId);
        if (!person) throw new DomainError("invalid_record", `There is no person with id ${body.personId}.`, { field: "personId" });
        return { body: { token: await localToken(person.id), displayName: person.displayName } };
      },
    }),
  ];
}
