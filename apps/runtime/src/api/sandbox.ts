import { createHash, randomUUID } from "node:crypto";
import { TEST_CONTACT } from "@convo/engine";
import { EMULATOR_INSTAGRAM_ACCOUNT_ID, signBody, whatsappWebhookBody } from "@convo/messenger";
import type { Hono } from "hono";
import { Hono as Router } from "hono";
import type { z } from "zod";
import type { Deps } from "../deps";
import { type ContactChannel, contactKey } from "../graph-api/contact-address";
import { engineFields } from "../pipeline/engine-fields";
import { redactJsonText } from "./contacts";
import { ApiError, notFound, readBody } from "./errors";
import { on, readQuery } from "./openapi/route-spec";
import {
  sandboxContactQuery,
  sandboxMessageBody,
  sentQuery,
  sandboxSpecs as spec,
} from "./specs/operations";

export const SANDBOX_PAGE_ID = "100000000000001";
export const SANDBOX_PSID = "sandbox-contact";

type SandboxMessage = z.infer<typeof sandboxMessageBody>;

/**
 * A sandbox contact's id on a channel: the tester's id itself on Messenger and Instagram; on
 * WhatsApp, whose ids are phone numbers, digits drawn from it (the same tester, the same number).
 */
export function sandboxChannelId(channel: ContactChannel, psid: string): string {
  if (channel !== "whatsapp") return psid;
  const digits = BigInt(`0x${createHash("sha256").update(psid).digest("hex").slice(0, 12)}`);
  return `1555${(digits % 10_000_000n).toString().padStart(7, "0")}`;
}

/** A Messenger or Instagram webhook body for one event from a sandbox contact, as Meta sends it. */
export function sandboxWebhookBody(
  input: SandboxMessage,
  now: number,
  account: { object: "page" | "instagram"; id: string } = { object: "page", id: SANDBOX_PAGE_ID },
): string {
  const psid = input.psid ?? SANDBOX_PSID;
  const mid = `m_sandbox_${randomUUID()}`;
  const item: Record<string, unknown> = {
    sender: { id: psid },
    recipient: { id: account.id },
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
    object: account.object,
    entry: [{ id: account.id, time: now, messaging: [item] }],
  });
}

/** The same event as WhatsApp posts it: a text, or a tap on a reply button (`button_reply`). */
function whatsappSandboxBody(
  input: SandboxMessage,
  phoneNumberId: string,
  waId: string,
  now: number,
) {
  const tap = input.postback
    ? { id: input.postback.payload, title: input.postback.title }
    : input.quickReply
      ? { id: input.quickReply.payload, title: input.quickReply.text }
      : undefined;
  const base = {
    from: waId,
    id: `wamid.sandbox_${randomUUID()}`,
    timestamp: String(Math.floor(now / 1000)),
  };
  const message = tap
    ? { ...base, type: "interactive", interactive: { type: "button_reply", button_reply: tap } }
    : { ...base, type: "text", text: { body: input.text ?? "" } };
  return JSON.stringify(
    whatsappWebhookBody(phoneNumberId, "15550001234", {
      contacts: [
        { profile: { name: `${TEST_CONTACT.first_name} ${TEST_CONTACT.last_name}` }, wa_id: waId },
      ],
      messages: [message],
    }),
  );
}

/** The tester's choice of locale, as Messenger's profile would give it, before the message. */
async function setLocale(deps: Deps, channel: ContactChannel, psid: string, locale: string) {
  const key = contactKey(channel, sandboxChannelId(channel, psid));
  if (channel === "messenger") deps.setSandboxLocale?.(psid, locale);
  const contact = await deps.store.contacts.ensure(key, deps.now());
  // A profile already read is not read again, and only Messenger's gives a locale: the new
  // locale goes on the contact itself, without counting as the profile (Instagram's name and
  // handle, WhatsApp's name from the webhook, are still read with the message).
  if (contact.profileFetched || channel !== "messenger") {
    await deps.store.contacts.setLocale(key, locale);
  }
}

/**
 * The editor's sandbox, on any channel: a message from a test contact goes through that channel's
 * real webhook, signed with its app secret, and the replies are read back from its emulator.
 */
export function sandboxRoutes(deps: Deps, app: Hono) {
  const router = new Router();
  on(router, spec.message, async (c) => {
    const input = await readBody(c, sandboxMessageBody);
    const channel = input.channel ?? "messenger";
    const psid = input.psid ?? SANDBOX_PSID;
    deps.nameSandboxTester?.(psid);
    if (input.locale !== undefined) await setLocale(deps, channel, psid, input.locale);
    const id = sandboxChannelId(channel, psid);
    const now = deps.now();
    const whatsapp = deps.whatsapp;
    if (channel === "whatsapp" && !whatsapp) {
      throw new ApiError(409, "not_sandbox", "WhatsApp is not running in this runtime.");
    }
    const [path, body, secret] =
      channel === "whatsapp" && whatsapp
        ? [
            "/webhooks/whatsapp",
            whatsappSandboxBody(input, whatsapp.phoneNumberId, id, now),
            whatsapp.appSecret,
          ]
        : [
            "/webhooks/messenger",
            sandboxWebhookBody(
              input,
              now,
              channel === "instagram"
                ? {
                    object: "instagram",
                    id: deps.config.instagramAccountId ?? EMULATOR_INSTAGRAM_ACCOUNT_ID,
                  }
                : undefined,
            ),
            deps.appSecret,
          ];
    const response = await app.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signBody(body, secret),
      },
      body,
    });
    if (response.status !== 200) {
      throw new ApiError(502, "webhook_refused", `The webhook answered ${response.status}.`);
    }
    return c.json({ psid, contactId: contactKey(channel, id) }, 202);
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
    const channel = query.channel ?? "messenger";
    const id = query.psid ? sandboxChannelId(channel, query.psid) : undefined;
    return c.json({
      calls: deps.sentCalls(channel, id, query.after ?? 0),
      ...(query.psid ? { contactId: contactKey(channel, id as string) } : {}),
    });
  });
  // What the simulator shows beside its phone, for the sandbox's: the contact as the flows see it.
  on(router, spec.contact, async (c) => {
    if (!deps.sentCalls) {
      throw new ApiError(409, "not_sandbox", "A Page token is set: there is no sandbox contact.");
    }
    const query = readQuery(c, sandboxContactQuery);
    const key = contactKey(
      query.channel ?? "messenger",
      sandboxChannelId(query.channel ?? "messenger", query.psid),
    );
    const contact = await deps.store.contacts.get(key);
    if (!contact) throw notFound(`The contact "${key}"`);
    const session = await deps.store.contacts.session(key);
    const variables = JSON.parse(
      redactJsonText(JSON.stringify(session?.variables ?? {})),
    ) as Record<string, Record<string, string>>;
    return c.json({ contactId: key, fields: engineFields(contact), tags: contact.tags, variables });
  });
  return router;
}
