import { IncomingMessage } from "node:http";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Deps } from "../deps";
import type { EditorBuild } from "../editor-build";
import { errorJson } from "../error-json";
import { opsRoutes } from "../ops/routes";
import { requestLog } from "../request-log";
import { serveEditor } from "../static";
import { webhookRoutes } from "../webhook/routes";
import { whatsappSource } from "../webhook/whatsapp-source";
import { aiSettingsRoutes } from "./ai-settings";
import { auditRoutes } from "./audit";
import { authRoutes } from "./auth-routes";
import { callerOf, resolveCaller, unauthorized } from "./caller";
import { contactIdRoutes } from "./contact-ids";
import { contactRoutes } from "./contacts";
import { conversationRoutes } from "./conversations";
import { ApiError } from "./errors";
import { eventRoutes } from "./events";
import { flowRoutes } from "./flows";
import { httpTestRoutes } from "./http-test";
import { inboxRoutes } from "./inbox";
import { keyRoutes } from "./keys";
import { openApiDocument } from "./openapi/document";
import { on } from "./openapi/route-spec";
import { outboxRoutes } from "./outbox";
import { pageRoutes } from "./page";
import { peopleRoutes } from "./people";
import { sandboxRoutes } from "./sandbox";
import { secretRoutes } from "./secrets";
import { simulatorRoutes } from "./simulator";
import { API_SECTIONS, API_VERSION, docsSpec } from "./specs";
import { statusRoutes } from "./status";
import { webhookRoutes as eventsOutRoutes } from "./webhooks";

/** Whether the request's connection closed before its body was read (Node's `aborted` error). */
function clientWentAway(env: unknown): boolean {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming instanceof IncomingMessage && !incoming.complete && incoming.destroyed;
}

export interface AppOptions {
  isReady: () => boolean;
  /** Mounted at `/__graph` in sandbox mode: the in-process Graph API emulator. */
  graphEmulator?: { fetch: (request: Request) => Response | Promise<Response> };
  /** The editor's build, loaded in memory at start, served at `/`. */
  editor?: EditorBuild;
}

/** The whole HTTP surface: webhook, management API, operations, sandbox emulator, editor. */
export function createApp(deps: Deps, options: AppOptions): Hono {
  const app = new Hono();

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(errorJson(error.code, error.message, error.extra), error.status);
    }
    if (error instanceof HTTPException) {
      return c.json(errorJson("http_error", error.message), error.status);
    }
    if (clientWentAway(c.env)) {
      // A body cut off by the client, or by the request time-out: not our error, and a flood of
      // them must not flood the logs. Counted in /metrics; nobody reads this answer.
      deps.metrics.http.aborted++;
      requestLog(c, deps.log).debug("request aborted before its body arrived", {
        path: c.req.path,
      });
      return c.json(errorJson("aborted", "The request was cut off."), 400);
    }
    requestLog(c, deps.log).error("unhandled error", {
      error,
      path: c.req.path,
      method: c.req.method,
    });
    return c.json(errorJson("internal", "Something went wrong on our side."), 500);
  });
  app.notFound((c) =>
    c.json(errorJson("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404),
  );

  app.route(
    "/",
    opsRoutes({
      metrics: deps.metrics,
      stats: deps.store.stats,
      isReady: options.isReady,
      replicas: deps.store.replicas,
    }),
  );
  app.route(deps.channel.webhook.path, webhookRoutes(deps));
  if (deps.whatsapp)
    app.route("/webhooks/whatsapp", webhookRoutes(deps, whatsappSource(deps.whatsapp)));

  // Every /api route: the caller is resolved once (cookie, API key or admin token), and each
  // route's own rule (its spec's `access`) decides.
  const api = new Hono();
  api.use("*", resolveCaller(deps));
  api.route("/auth", authRoutes(deps));
  api.route("/people", peopleRoutes(deps));
  api.route("/audit", auditRoutes(deps));
  api.route("/keys", keyRoutes(deps));
  api.route("/events", eventRoutes(deps));
  api.route("/webhooks", eventsOutRoutes(deps));
  api.route("/flows", flowRoutes(deps));
  api.route("/contacts", contactRoutes(deps));
  api.route("/contacts", contactIdRoutes(deps));
  api.route("/conversations", conversationRoutes(deps));
  api.route("/page", pageRoutes(deps));
  api.route("/secrets", secretRoutes(deps));
  api.route("/ai", aiSettingsRoutes(deps));
  api.route("/status", statusRoutes(deps));
  api.route("/outbox", outboxRoutes(deps));
  api.route("/inbox", inboxRoutes(deps));
  api.route("/simulator", simulatorRoutes(deps));
  api.route("/http-test", httpTestRoutes(deps));
  api.route("/sandbox", sandboxRoutes(deps, app));
  // Built once, on first ask: the document depends on the code only.
  let document: Record<string, unknown> | undefined;
  on(api, docsSpec, (c) => {
    document ??= openApiDocument(API_SECTIONS, API_VERSION);
    return c.json(document);
  });
  // No such route: 401 to a stranger (the API's shape is not told to anyone), 404 otherwise.
  api.all("*", (c) =>
    callerOf(c)
      ? c.json(errorJson("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404)
      : unauthorized(c),
  );
  app.route("/api", api);

  const emulator = options.graphEmulator;
  if (emulator) {
    app.all("/__graph/*", (c) => {
      const url = new URL(c.req.url);
      url.pathname = url.pathname.slice("/__graph".length) || "/";
      return emulator.fetch(new Request(url, c.req.raw));
    });
  }
  if (options.editor) serveEditor(app, options.editor);
  return app;
}
