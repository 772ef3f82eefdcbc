import { Hono } from "hono";
import { audit } from "../accounts/audit";
import type { Deps } from "../deps";
import { createApiKey } from "../keys/api-keys";
import type { ApiKeyRow } from "../store/keys";
import { notFound, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { keyBody, keySpecs as spec } from "./specs/keys";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const keyJson = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes,
  createdAt: new Date(k.createdAt).toISOString(),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});

/** The owner's keys for integrations: made with scopes (shown once), listed, revoked. */
export function keyRoutes(deps: Deps) {
  const app = new Hono();
  const keys = deps.store.keys;
  on(app, spec.list, async (c) => c.json({ keys: (await keys.list()).map(keyJson) }));
  on(app, spec.create, async (c) => {
    const body = await readBody(c, keyBody);
    const scopes = [...new Set(body.scopes)];
    const { key, row } = await createApiKey(keys, { name: body.name, scopes, now: deps.now() });
    await audit(deps, c, "key.create", row.id, { name: row.name, scopes });
    return c.json({ key, apiKey: keyJson(row) }, 201);
  });
  on(app, spec.revoke, async (c) => {
    const id = c.req.param("id");
    if (!(await keys.revoke(id, deps.now()))) throw notFound(`The key ${id}`);
    await audit(deps, c, "key.revoke", id);
    return c.body(null, 204);
  });
  return app;
}
