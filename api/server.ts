// The one HTTP server: the bot endpoint, the REST API, the tab's static
// files and a health check, all on one port.
import { existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import restify from "restify";
import type { BotEndpoint } from "../bot/bot-endpoint.js";
import { isDomainError } from "./domain/errors.js";
import { problemFor, sendProblem, type Problem } from "./http/problem.js";
import { RequestProblem, registerRoutes } from "./http/register-routes.js";
import { openApiDocument, type DocumentedRoute } from "./http/openapi.js";
import type { Route } from "./http/route.js";
import type { SignIn } from "./auth/sign-in.js";
import type { Store } from "./store/port.js";

export const tabDistDir = fileURLToPath(new URL("../tab/dist/", import.meta.url));
export const maxBodyBytes = 256 * 1024;

export interface ServerParts {
  store: Store;
  bot: BotEndpoint;
  routes: readonly Route[];
  signIn: SignIn;
  version: string;
  log: (line: string) => void;
}

/** Routes outside the REST declarations, listed in the OpenAPI document too. */
export const infrastructureRoutes: DocumentedRoute[] = [
  { method: "get", path: "/healthz", summary: "Whether the server and its store are up", tag: "Infrastructure" },
  { method: "post", path: "/api/messages", summary: "The bot endpoint (Bot Framework activities from Teams)", tag: "Infrastructure" },
  { method: "get", path: "/api/openapi.json", summary: "This document", tag: "Infrastructure" },
];

export function createServer({ store, bot, routes, signIn, version, log }: ServerParts): restify.Server {
  const server = restify.createServer({
    name: "golden-thread",
    handleUncaughtExceptions: false,
    formatters: { [`${problemContentType}; q=0.1`]: formatProblem },
  });

  server.pre((request, response, next) => {
    response.setHeader("X-Content-Type-Options", "nosniff");
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // A POST with no body (start, submit) needs no content type; give it JSON's so the parser accepts it.
  server.use((request, _response, next) => {
    const empty = request.headers["content-length"] === "0" || (request.headers["content-length"] === undefined && !request.headers["transfer-encoding"]);
    if (empty && !request.headers["content-type"]) request.headers["content-type"] = "application/json";
    return next();
  });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, rejectUnknown: true, requestBodyOnGet: false }),
  );

  server.get("/healthz", async (_request, response) => {
    const [authority] = (await store.query("authority", { limit: 1 })).records;
    response.json({ status: "ok", store: store.adapter, authority: authority?.name ?? null, version });
  });

  const openApi = openApiDocument(routes, infrastructureRoutes, version);
  server.get("/api/openapi.json", (_request, response, next) => {
    response.json(openApi);
    next();
  });
  registerRoutes(server, routes, signIn);

  server.post("/api/messages", async (request, response) => {
    const problems = bot.check(request.body);
    if (problems.length > 0) {
      sendProblem(response, {
        status: 400,
        code: "invalid_activity",
        title: "This is not a Bot Framework activity",
        detail: `The activity cannot be processed: ${problems.join("; ")}.`,
        problems,
      });
      return;
    }
    await bot.process(request, response);
  });

  server.get("/tab", (_request, response, next) => {
    response.redirect(301, "/tab/", next);
  });
  server.get(
    "/tab/*",
    (_request, response, next) => {
      if (existsSync(tabDistDir)) return next();
      sendProblem(response, {
        status: 503,
        code: "tab_not_built",
        title: "The tab has not been built",
        detail: "Run npm start (or npm run build:tab) to build the tab.",
      });
      return next(false);
    },
    restify.plugins.serveStaticFiles(tabDistDir, { maxAge: 0 }),
  );

  // Every error leaves as problem+json: restify's own (404, 405, 413 …) and
  // anything a handler throws. restify sends the error after this hook, so
  // the hook attaches the problem and the formatter below writes it.
  server.on("restifyError", (request: restify.Request, response: ServerResponse, error: ErrorWithProblem, callback: () => void) => {
    const problem = problemForRestifyError(error, request);
    if (problem.status >= 500) log(`http: ${request.method} ${request.getPath()} failed: ${error.message}`);
    error.problem = problem;
    error.statusCode = problem.status;
    response.setHeader("Content-Type", problemContentType);
    if (problem.status === 401) response.setHeader("WWW-Authenticate", 'Bearer realm="Golden Thread"');
    callback();
  });
  return server;
}

const problemContentType = "application/problem+json";

/** The routes restify has registered (method and path), for the API contract test. */
export function registeredRoutes(server: restify.Server): { method: string; path: string }[] {
  // restify's typings say an array; the router returns its registry, keyed by route name.
  const registry = server.router.getRoutes() as unknown as Record<string, restify.Route>;
  return Object.values(registry).map(({ method, path }) => ({ method: method.toLowerCase(), path: String(path) }));
}

interface ErrorWithProblem extends Error {
  statusCode?: number;
  body?: { code?: string };
  problem?: Problem;
}

function formatProblem(_request: restify.Request, response: restify.Response, body: unknown): string {
  const problem = (body as ErrorWithProblem | undefined)?.problem ?? problemFor(body);
  const text = JSON.stringify({ type: `https://golden-thread.example/problems/${problem.code}`, ...problem });
  response.setHeader("Content-Length", Buffer.byteLength(text));
  return text;
}

function problemForRestifyError(error: ErrorWithProblem, request: restify.Request): Problem {
  if (error instanceof RequestProblem) {
    return { status: error.status, code: error.code, title: error.title, detail: error.message, ...(error.problems.length ? { problems: error.problems } : {}) };
  }
  const status = error.statusCode;
  // restify's HTTP errors (404, 405, 413 …) carry a status; anything else is ours or unexpected.
  if (status === undefined || status >= 500 || isDomainError(error)) return problemFor(error);
  const code = (error.body?.code ?? error.name).replace(/Error$/, "").replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
  return { status, code, title: restifyTitles[status] ?? "The request was refused", detail: restifyDetail(status, request) };
}

const restifyTitles: Record<number, string> = {
  400: "The request is not valid",
  404: "Not found",
  405: "Method not allowed",
  413: "The request is too large",
  415: "Unsupported content type",
};

function restifyDetail(status: number, request: restify.Request): string {
  switch (status) {
    case 404:
      return `There is nothing at ${request.getPath()}.`;
    case 405:
      return `${request.method} is not allowed on ${request.getPath()}.`;
    case 413:
      return `Request bodies must be under ${maxBodyBytes / 1024} KB.`;
    case 415:
      return "Send JSON with Content-Type: application/json.";
    case 400:
      return "The request body is not valid JSON.";
    default:
      return "The request was refused.";
  }
}
