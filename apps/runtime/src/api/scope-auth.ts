import type { Context, MiddlewareHandler } from "hono";
import type { Deps } from "../deps";
import { errorJson } from "../error-json";
import { allows, type Caller, identify, type Scope } from "../keys/api-keys";

/** Keys are marked used at most this often (a write per request would cost the events API). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Routes for integrations: a bearer API key with one of `scopes` (403 without it), or the admin
 * token (the owner). Anything else is 401. The caller is kept as `c.get("caller")`.
 */
export function requireScope(deps: Deps, scopes: readonly Scope[]): MiddlewareHandler {
  const touched = new Map<string, number>();
  return async (c, next) => {
    const match = /^Bearer\s+(.+)$/i.exec((c.req.header("authorization") ?? "").trim());
    const caller = match?.[1]
      ? await identify(match[1], deps.adminToken, deps.store.keys)
      : undefined;
    if (!caller) {
      return c.json(errorJson("unauthorized", "A valid API key is required."), 401, {
        "WWW-Authenticate": "Bearer",
      });
    }
    if (!allows(caller, scopes)) {
      return c.json(
        errorJson("insufficient_scope", `This key lacks the scope ${scopes.join(" or ")}.`),
        403,
      );
    }
    if (caller.kind === "key") {
      const now = deps.now();
      if ((touched.get(caller.id) ?? 0) + TOUCH_EVERY_MS < now) {
        touched.set(caller.id, now);
        void deps.store.keys.touch(caller.id, now).catch(() => {});
      }
    }
    c.set("caller" as never, caller as never);
    await next();
  };
}

export const callerOf = (c: Context): Caller => c.get("caller" as never) as Caller;
