// The OpenAPI 3.1 document, generated from the same route declarations the
// server registers.
import { z } from "zod";
import type { Route } from "./route.js";

const problem = { description: "Problem details (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (object.required ?? []).includes(name),
    schema: property,
  }));
}

export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, "{$1}");
}

export interface DocumentedRoute {
  method: string;
  path: string;
  summary: string;
  tag: string;
}

export function openApiDocument(routes: readonly Route[], extra: readonly DocumentedRoute[], version: string): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      tags: [route.tag],
      summary: route.summary,
      operationId: `${route.method}${openApiPath(route.path).replace(/[^A-Za-z]+(.)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`,
      parameters: [
        ...parameters(route.params, "path"),
        ...parameters(route.query, "query"),
        ...(route.requiresIfMatch ? [{ name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: "The record's ETag" }] : []),
      ],
      responses: {
        ...Object.fromEntries(Object.entries(route.responses).map(([status, description]) => [status, { description, content: { "application/json": { schema: {} } } }])),
        400: problem,
        ...(route.access === "public" ? {} : { 401: problem, 403: problem, 404: problem }),
        ...(route.requiresIfMatch ? { 412: problem, 428: problem } : {}),
        ...(route.body ? { 413: problem, 415: problem, 422: problem } : {}),
      },
      ...(route.access === "public" ? { security: [] } : {}),
    };
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } };
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
  }
  for (const route of extra) {
    (paths[route.path] ??= {})[route.method] = { tags: [route.tag], summary: route.summary, security: [], responses: { 200: { description: "OK" } } };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Golden Thread API", version, description: "Children's services quality assurance: audits, moderation, actions and dashboards. Cases are identified by reference only." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A Teams SSO token (access_as_user), or a local demo sign-in token" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "status", "code", "title", "detail"],
          properties: { type: { type: "string" }, status: { type: "integer" }, code: { type: "string" }, title: { type: "string" }, detail: { type: "string" }, problems: { type: "array" } },
        },
      },
    },
    paths,
  };
}
