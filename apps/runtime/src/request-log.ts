import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { Logger } from "./log";

/** A request id a proxy or a client may pass on: short and plain, never a log injection. */
const GIVEN_ID = /^[\w.:-]{1,128}$/;
const loggers = new WeakMap<Request, Logger>();

/**
 * The log for a request's handler: every line carries the request's id, which the response
 * names in `X-Request-Id` so a user's report finds the lines. The id is the caller's
 * `X-Request-Id` when it sends a plain one (a proxy's), otherwise a new UUID. It is made on the
 * first line only: a request that logs nothing (nearly every webhook) pays nothing for it.
 */
export function requestLog(c: Context, log: Logger): Logger {
  const known = loggers.get(c.req.raw);
  if (known) return known;
  const given = c.req.header("x-request-id");
  const requestId = given !== undefined && GIVEN_ID.test(given) ? given : randomUUID();
  c.header("X-Request-Id", requestId);
  const child = log.child({ requestId });
  loggers.set(c.req.raw, child);
  return child;
}
