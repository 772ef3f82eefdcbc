import { Hono } from "hono";
import type { Deps } from "../deps";
import { performHttp } from "../pipeline/http-action";
import { readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { BODY_LIMITS } from "./read-capped";
import { aiRequestSchema, httpRequestSchema, simulatorSpecs as spec } from "./specs/operations";

/** The editor's simulator runs HTTP actions here, with the same rules as the live worker. */
export function simulatorRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.http, async (c) => {
    const request = await readBody(c, httpRequestSchema, BODY_LIMITS.medium);
    const outcome = await performHttp(request, {
      allowPrivate: deps.config.allowPrivateHttp,
      secrets: await deps.secrets.values(),
    });
    return c.json({
      ok: outcome.ok,
      status: outcome.status ?? null,
      body: outcome.body ?? null,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
  });
  // The same provider the outbox asks: the key stays here; the browser sees the answer only.
  on(app, spec.ai, async (c) => {
    const request = await readBody(c, aiRequestSchema, BODY_LIMITS.medium);
    // The simulator's calls are the marketer's tests: their tokens are not the customers'.
    const { tokens: _tokens, ...outcome } = await deps.ai.ask(request);
    return c.json(outcome);
  });
  return app;
}
