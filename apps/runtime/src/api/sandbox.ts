import { randomUUID } from "node:crypto";
import { signBody } from "@convo/messenger";
import type { Hono } from "hono";
import { Hono as Router } from "hono";
import type { z } from "zod";
import type { Deps } from "../deps";
import { ApiError, readBody } from "./errors";
import { on, readQuery } from "./openapi/route-spec";
import { sandboxMessageBody, sentQuery, sandboxSpecs as spec } from "./specs/operations";

export const SANDBOX_PAGE_ID = "100000000000001";
export const SANDBOX_PSID = "sandbox-contact";

/** A Messenger webhook body for one event from a sandbox contact, as Meta would send it. */
export function sandboxWebhookBody(input: z.infer<typeof sandboxMessageBody>, now: number): string {
  const psid = input.psid ?? SANDBOX_PSID;
  const mid = `m_sandbox_${randomUUID()}`;
  const item: Record<string, unknown> = {
    sender: { id: psid },
    recipient: { id: SANDBOX_PAGE_ID },
    timestamp: now,
  };
  if (input.postback)
    item.postback = { mid, title: input.postback.title, payload: input.postback.payload };
  else if (input.quickReply) {
    item.message = {
      mid,
      text: input.quickReply.text,
      quick_reply: { payload: input.quickReply.payload },
    };
  } else item.message = { mid, text: input.text };
  return JSON.stringify({
    object: "page",
    entry: [{ id: SANDBOX_PAGE_ID, time: now, messaging: [item] }],
  });
}

/** The tester's choice of locale, as Messenger's profile would give it, before the message. */
async function setLocale(deps: Deps, psid: string, locale: string): Promise<void> {
  deps.setSandboxLocale?.(psid, locale);
  const contact = await deps.store.contacts.ensure(psid, deps.now());
  // A profile already read is not read again: the new locale goes on the contact itself.
  if (contact.profileFetched) await deps.store.contacts.setProfile(psid, { locale });
}

/**
 * The editor's Messenger sandbox: a message from a test contact goes through the real webhook,
 * signed with the runtime's app secret, and the replies are read back from the Graph emulator.
 */
export function sandboxRoutes(deps: Deps, app: Hono) {
  const router = new Router();
  on(router, spec.message, async (c) => {
    const input = await readBody(c, sandboxMessageBody);
    if (input.locale !== undefined) await setLocale(deps, input.psid ?? SANDBOX_PSID, input.locale);
    const body = sandboxWebhookBody(input, deps.now());
    const response = await app.request("/webhooks/messenger", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signBody(body, deps.appSecret),
      },
      body,
    });
    if (response.status !== 200) {
      throw new ApiError(502, "webhook_refused", `The webhook answered ${response.status}.`);
    }
    return c.json({ psid: input.psid ?? SANDBOX_PSID }, 202);
  });
  on(router, spec.sent, async (c) => {
    if (!deps.sentCalls) {
      throw new ApiError(
        409,
        "not_sandbox",
        "A Page token is set: sends go to Messenger, not the sandbox.",
      );
    }
    const query = readQuery(c, sentQuery);
    return c.json({ calls: deps.sentCalls(query.psid || undefined, query.after ?? 0) });
  });
  return router;
}
