// Puts route declarations on the restify server: signs the caller in,
// validates params, query and body with the route's zod schemas, enforces
// If-Match, and sends results with their ETag. Failures become
// problem+json through the server's error handler.
import type restify from "restify";
import type { z } from "zod";
import { DomainError } from "../domain/errors.js";
import { SignInError, type SignIn } from "../auth/sign-in.js";
import type { Route } from "./route.js";

export class RequestProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    message: string,
    readonly problems: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join("."), message: issue.message }));
  throw new RequestProblem(400, "invalid_request", "The request is not valid", problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "), problems);
}

export function registerRoutes(server: restify.Server, routes: readonly Route[], signIn: SignIn): void {
  for (const definition of routes) {
    server[definition.method === "delete" ? "del" : definition.method](definition.path, async (request: restify.Request, response: restify.Response) => {
      try {
        const viewer = definition.access === "public" ? undefined : await signIn.viewerFor(request.headers.authorization);
        const params = parse(definition.params, request.params, "path");
        const query = parse(definition.query, request.query, "query");
        const body = parse(definition.body, request.body, "body");
        const ifMatch = request.headers["if-match"];
        if (definition.requiresIfMatch && !ifMatch) {
          throw new RequestProblem(428, "if_match_required", "Say which version you are changing", "Send the record's ETag in an If-Match header, so a change made by someone else is never overwritten.");
        }
        const result = await definition.handle({ viewer: viewer!, params, query, body, ifMatch: ifMatch ?? "" });
        if (result.etag) response.header("ETag", result.etag);
        response.header("Cache-Control", "no-store");
        response.status(result.status ?? 200);
        if (result.download) {
          response.header("Content-Type", result.download.contentType);
          response.header("Content-Disposition", `attachment; filename="${result.download.filename}"`);
          response.sendRaw(result.download.text);
          return;
        }
        response.json(result.body);
      } catch (error) {
        throw asProblemError(error);
      }
    });
  }
}

/** Marks errors so the server's problem+json handler answers with the right status. */
function asProblemError(error: unknown): unknown {
  if (error instanceof SignInError) return Object.assign(new RequestProblem(401, "not_signed_in", "Sign in to Golden Thread", error.message), { statusCode: 401 });
  if (error instanceof RequestProblem) return Object.assign(error, { statusCode: error.status });
  if (error instanceof DomainError) return error;
  return error;
}
