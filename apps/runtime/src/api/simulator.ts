import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../deps";
import { performHttp } from "../pipeline/http-action";
import { loadSecrets } from "../secrets";
import { readBody } from "./errors";
import { BODY_LIMITS } from "./read-capped";

const httpRequestSchema = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).max(8000),
  headers: z
    .array(z.strictObject({ name: z.string().min(1).max(200), value: z.string().max(8000) }))
    .max(50),
  body: z.string().max(1_000_000).optional(),
  timeoutMs: z.number().int().positive().max(60_000),
  /** Where the flow's author wrote `{{secrets.NAME}}` (the engine marks them). */
  secrets: z
    .array(
      z.strictObject({
        field: z.enum(["url", "body", "header"]),
        header: z.number().int().nonnegative().optional(),
        at: z.number().int().nonnegative(),
        length: z.number().int().positive(),
      }),
    )
    .max(200)
    .optional(),
});

/** The editor's simulator runs HTTP actions here, with the same rules as the live worker. */
export function simulatorRoutes(deps: Deps) {
  const app = new Hono();
  app.post("/http", async (c) => {
    const request = await readBody(c, httpRequestSchema, BODY_LIMITS.medium);
    const outcome = await performHttp(request, {
      allowPrivate: deps.config.allowPrivateHttp,
      secrets: await loadSecrets(deps.store.settings),
    });
    return c.json({
      ok: outcome.ok,
      status: outcome.status ?? null,
      body: outcome.body ?? null,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
  });
  return app;
}
