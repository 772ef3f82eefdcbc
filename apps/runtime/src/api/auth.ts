import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { errorJson } from "../error-json";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Bearer token on every `/api` route, compared in constant time (digests hide the length). */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
      return c.json(errorJson("unauthorized", "A valid bearer token is required."), 401, {
        "WWW-Authenticate": "Bearer",
      });
    }
    await next();
  };
}
