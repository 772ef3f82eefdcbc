import type { Context, MiddlewareHandler } from "hono";
import { type Access, permits } from "../accounts/access";
import { callerOf, setCaller } from "../accounts/caller";
import { sessionOf } from "../accounts/sessions";
import { sameSecret } from "../accounts/tokens";
import type { Deps } from "../deps";
import { errorJson } from "../error-json";
import { type Caller, identify } from "../keys/api-keys";

/** Keys are marked used at most this often (a write per request would cost the events API). */
const TOUCH_EVERY_MS = 60_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who the request is, for every `/api` route: a bearer token (the admin token or an API key) when
 * the request has an `Authorization` header, else the person of the `convo_session` cookie. It
 * decides nothing: each route's rule does (`authorize`). The caller is kept as `c.get("caller")`.
 */
export function resolveCaller(deps: Deps): MiddlewareHandler {
  const touched = new Map<string, number>();
  return async (c, next) => {
    const header = c.req.header("authorization");
    let caller: Caller | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(.+)$/i.exec(header.trim());
      caller = match?.[1] ? await identify(match[1], deps.adminToken, deps.store.keys) : undefined;
      if (caller?.kind === "key") {
        const now = deps.now();
        if ((touched.get(caller.id) ?? 0) + TOUCH_EVERY_MS < now) {
          touched.set(caller.id, now);
          void deps.store.keys.touch(caller.id, now).catch(() => {});
        }
      }
    } else {
      const found = await sessionOf(c, deps.store, deps.now());
      if (found) caller = { kind: "person", ...found };
    }
    if (caller) setCaller(c, caller);
    await next();
  };
}

export { callerOf };

export function unauthorized(c: Context) {
  return c.json(
    errorJson("unauthorized", "Sign in, or give a valid API key or bearer token."),
    401,
    { "WWW-Authenticate": "Bearer" },
  );
}

/**
 * A route's rule, checked before its handler: 401 without a caller, 403 when the caller's role or
 * key does not allow it, and 403 when a state-changing request authenticated by the cookie lacks
 * the session's `X-CSRF-Token` (bearer requests cannot be forged by another site, and are exempt).
 * A route without a rule is refused to everyone: forgetting one fails closed.
 */
export function authorize(access: Access | undefined): MiddlewareHandler {
  return async (c, next) => {
    const caller = callerOf(c);
    if (!caller) return unauthorized(c);
    if (
      caller.kind === "person" &&
      !SAFE_METHODS.has(c.req.method) &&
      !sameSecret(c.req.header("x-csrf-token"), caller.session.csrfToken)
    ) {
      return c.json(
        errorJson(
          "csrf_failed",
          "The X-CSRF-Token header is missing or does not match the session.",
        ),
        403,
      );
    }
    if (!access) {
      return c.json(errorJson("forbidden", "This route has no access rule."), 403);
    }
    if (!permits(caller, access)) {
      return c.json(
        caller.kind === "key"
          ? errorJson(
              "insufficient_scope",
              `This key lacks the scope ${(access.scopes ?? []).join(" or ") || "for this route"}.`,
            )
          : errorJson("forbidden", "Your role does not allow this."),
        403,
      );
    }
    await next();
  };
}
