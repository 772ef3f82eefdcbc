import type { Hono } from "hono";
import { threadControlSchema } from "../send/schemas";
import { badParameter, bodyOf, type EmulatorEnv, fail, reply } from "./answer";
import { graphError } from "./errors";

/**
 * The handover protocol (`/{version}/me/…_thread_control`, `thread_owner`): who owns each
 * contact's thread, as the calls left it. A thread nobody passed belongs to the token's app
 * (the Page's primary receiver).
 */
export function threadControlRoutes(app: Hono<EmulatorEnv>, ownAppId: string): void {
  const owners = new Map<string, string>();

  app.post("/:version/me/pass_thread_control", (c) => {
    const parsed = threadControlSchema.safeParse(bodyOf(c));
    if (!parsed.success) return fail(c, badParameter(parsed.error));
    if (parsed.data.target_app_id === undefined) {
      return fail(c, graphError(400, 100, "(#100) The parameter target_app_id is required"));
    }
    owners.set(parsed.data.recipient.id, String(parsed.data.target_app_id));
    return reply(c, { success: true });
  });

  app.post("/:version/me/take_thread_control", (c) => {
    const parsed = threadControlSchema.safeParse(bodyOf(c));
    if (!parsed.success) return fail(c, badParameter(parsed.error));
    owners.set(parsed.data.recipient.id, ownAppId);
    return reply(c, { success: true });
  });

  // Asks the thread's owner for it: the owner is told by a `request_thread_control` webhook.
  app.post("/:version/me/request_thread_control", (c) => {
    const parsed = threadControlSchema.safeParse(bodyOf(c));
    if (!parsed.success) return fail(c, badParameter(parsed.error));
    return reply(c, { success: true });
  });

  app.get("/:version/me/thread_owner", (c) => {
    const recipient = c.req.query("recipient");
    if (!recipient) {
      return fail(c, graphError(400, 100, "(#100) The parameter recipient is required"));
    }
    return reply(c, { data: [{ thread_owner: { app_id: owners.get(recipient) ?? ownAppId } }] });
  });
}
