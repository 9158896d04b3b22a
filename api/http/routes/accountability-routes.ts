// Roles and responsibilities (seed §2.8): who holds which QA role in which
// team or service, and who leads, contributes to and is informed about each
// of the framework's twelve components.
import { z } from "zod";
import { DomainError } from "../../domain/errors.js";
import { Role, roleLabels, roles } from "../../domain/records/person.js";
import { canEditLibrary } from "../../auth/viewer.js";
import { route, type Route } from "../route.js";
import type { ApiServices } from "./api-services.js";

export function accountabilityRoutes({ store }: ApiServices): Route[] {
  return [
    route({
      method: "get",
      path: "/api/roles",
      tag: "Roles and responsibilities",
      summary: "Who holds each QA role, and where",
      responses: { 200: "Each role with the people who hold it" },
      async handle() {
        const people = (await store.query("person", { limit: 500 })).records;
        return {
          body: {
            roles: roles.map((role) => ({
              role,
              label: roleLabels[role],
              people: people
                .filter((person) => person.roles.includes(role))
                .map(({ id, displayName, teamId, serviceId, jobTitle }) => ({ id, displayName, teamId: teamId ?? null, serviceId: serviceId ?? null, jobTitle: jobTitle ?? null })),
            })),
          },
        };
      },
    }),
    route({
      method: "get",
      path: "/api/framework-components",
      tag: "Roles and responsibilities",
      summary: "The twelve components of the QA framework and who is accountable for each",
      responses: { 200: "The accountability map" },
      async handle() {
        const components = (await store.query("frameworkComponent", { orderBy: { field: "number" }, limit: 50 })).records;
        return { body: { components } };
      },
    }),
    route({
      method: "patch",
      path: "/api/framework-components/:componentId",
      tag: "Roles and responsibilities",
      summary: "Change who leads, contributes to or is informed about a component (QA lead or PSW)",
      params: z.object({ componentId: z.string().min(1).max(100) }),
      body: z
        .object({
          leadRole: Role.optional(),
          leadPersonId: z.string().max(100).nullable().optional(),
          contributorRoles: z.array(Role).max(11).optional(),
          informedRoles: z.array(Role).max(11).optional(),
          notes: z.string().max(2000).optional(),
        })
        .strict(),
      requiresIfMatch: true,
      responses: { 200: "The component" },
      async handle({ viewer, params, body, ifMatch }) {
        if (!canEditLibrary(viewer)) throw new DomainError("forbidden", "Only the QA lead or the principal social worker can change the accountability map.");
        if (body.leadPersonId && !(await store.get("person", body.leadPersonId))) {
          throw new DomainError("invalid_record", `There is no person with id ${body.leadPersonId}.`, { field: "leadPersonId" });
        }
        const { leadPersonId, ...rest } = body;
        const changes = leadPersonId === undefined ? rest : { ...rest, leadPersonId: leadPersonId ?? undefined };
        const component = await store.update("frameworkComponent", params.componentId, changes, ifMatch, viewer.person);
        return { body: component, etag: component.etag };
      },
    }),
  ];
}
