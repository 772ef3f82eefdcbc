import { Hono } from "hono";
import type { Deps } from "../deps";
import { SECRET_NAME, type SecretInfo } from "../secrets/vault";
import { ApiError, notFound, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { secretBody, secretSpecs as spec } from "./specs/secrets";

const infoJson = (s: SecretInfo) => ({
  name: s.name,
  ...(s.setAt === undefined ? {} : { setAt: new Date(s.setAt).toISOString() }),
  ...(s.setBy === undefined ? {} : { setBy: s.setBy }),
  source: s.source,
});

function nameOf(raw: string): string {
  if (!SECRET_NAME.test(raw)) {
    throw new ApiError(
      400,
      "invalid_name",
      "A secret's name is upper-case letters, digits and '_', starting with a letter (like SHOP_TOKEN).",
      { issues: [{ path: "name", message: "must match ^[A-Z][A-Z0-9_]{0,63}$" }] },
    );
  }
  return raw;
}

/** The owner's secrets for HTTP steps: write-only, listed without their values. */
export function secretRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.list, async (c) => c.json({ secrets: (await deps.secrets.list()).map(infoJson) }));
  on(app, spec.put, async (c) => {
    const name = nameOf(c.req.param("name"));
    const { value } = await readBody(c, secretBody);
    const at = deps.now();
    await deps.secrets.set(name, value, "admin", at);
    return c.json(infoJson({ name, setAt: at, setBy: "admin", source: "editor" }));
  });
  on(app, spec.remove, async (c) => {
    const name = nameOf(c.req.param("name"));
    if (!(await deps.secrets.remove(name))) throw notFound(`The secret ${name}`);
    return c.body(null, 204);
  });
  return app;
}
