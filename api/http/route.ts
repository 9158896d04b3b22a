// One declaration per REST route: its inputs as zod schemas, who may call
// it, and its handler. The server registers routes from these declarations
// and the OpenAPI document is generated from the same ones, so the two
// cannot drift apart.
import type { z } from "zod";
import type { Viewer } from "../auth/viewer.js";

export type HttpMethod = "get" | "post" | "patch" | "delete";

export interface RouteInput<P, Q, B> {
  viewer: Viewer;
  params: P;
  query: Q;
  body: B;
  /** The If-Match header, required by routes that change a record. */
  ifMatch: string;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  etag?: string;
  /** Sent as a file to download instead of JSON (e.g. a CSV export; a Buffer for a binary file such as .docx). */
  download?: { contentType: string; filename: string; text: string | Buffer };
}

export interface Route<P = unknown, Q = unknown, B = unknown> {
  /** Public routes (health, local sign-in) need no signed-in viewer; their input has none. */
  access?: "public";
  method: HttpMethod;
  /** restify style: /api/audits/:auditId */
  path: string;
  tag: string;
  summary: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Changes an existing record: the request must carry its ETag in If-Match. */
  requiresIfMatch?: boolean;
  /** Status codes this route answers with, besides the errors every route may give. */
  responses: Record<number, string>;
  handle(input: RouteInput<P, Q, B>): Promise<RouteResult>;
}

export function route<P, Q, B>(definition: Route<P, Q, B>): Route {
  return definition as unknown as Route;
}
