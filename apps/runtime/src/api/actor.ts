import type { Context } from "hono";
import { callerOf } from "../accounts/caller";
import type { Actor } from "../store/conversations";

/** The admin token, as the inbox names it (automation, not a person). */
export const ADMIN_ACTOR: Actor = { id: "admin", name: "admin" };

/**
 * Who is acting in the inbox (taking, replying, writing notes): the signed-in person, else the
 * API key by its name, else the admin token.
 */
export function actorOf(c: Context): Actor {
  const caller = callerOf(c);
  if (caller?.kind === "person") return { id: caller.person.id, name: caller.person.name };
  if (caller?.kind === "key") return { id: caller.id, name: caller.name };
  return ADMIN_ACTOR;
}
