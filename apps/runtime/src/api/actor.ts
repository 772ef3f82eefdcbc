import type { Context } from "hono";
import type { Caller } from "../keys/api-keys";
import type { Actor } from "../store/conversations";

/** The admin token, as the inbox names it until people sign in with accounts. */
export const ADMIN_ACTOR: Actor = { id: "admin", name: "admin" };

/**
 * Who is acting in the inbox (taking, replying, writing notes): the one place accounts plug a
 * signed-in person into. Today that is the caller an API key names (`requireScope`), else the
 * admin token every other `/api` route checks.
 */
export function actorOf(c: Context): Actor {
  const caller = c.get("caller" as never) as Caller | undefined;
  if (caller?.kind === "key") return { id: caller.id, name: caller.id };
  return ADMIN_ACTOR;
}
