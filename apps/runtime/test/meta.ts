import type { AddressInfo } from "node:net";
import {
  createGraphEmulatorApp,
  createInstagramEmulator,
  createWhatsAppEmulator,
  type EmulatedTemplate,
  type GraphEmulator,
  signBody,
  type WhatsAppEmulator,
  type WhatsAppInboundItem,
  whatsappWebhookBody,
} from "@convo/messenger";
import { serve } from "@hono/node-server";
import { APP_SECRET, PAGE_TOKEN } from "./messenger";

export const WA_PHONE_ID = "106540352242922";
export const WA_TOKEN = "test-whatsapp-token";
export const WA_SECRET = "test-whatsapp-secret";
export const IG_ACCOUNT = "17841400000000001";
/** `INSTAGRAM_TOKEN`: calls made with it are the Instagram account's (its own emulator). */
export const IG_TOKEN = "test-instagram-token";

/**
 * Meta on one address, as graph.facebook.com is: the Graph API emulator (Messenger's Page, and
 * Instagram's sends made with the Page token), the Instagram account's (calls made with
 * `IG_TOKEN`, as a runtime with `INSTAGRAM_TOKEN` makes them) and the WhatsApp emulator
 * (`/{phone-number-id}/messages`) side by side.
 */
export async function startMeta(templates: EmulatedTemplate[] = []) {
  const graph: GraphEmulator = createGraphEmulatorApp({
    appSecret: APP_SECRET,
    pageToken: PAGE_TOKEN,
  });
  const instagram: GraphEmulator = createInstagramEmulator({
    appSecret: APP_SECRET,
    pageToken: IG_TOKEN,
    accountId: IG_ACCOUNT,
  });
  const whatsapp: WhatsAppEmulator = createWhatsAppEmulator({
    phoneNumberId: WA_PHONE_ID,
    token: WA_TOKEN,
    templates,
  });
  const waPath = new RegExp(`^/v\\d+\\.\\d+/${WA_PHONE_ID}/messages$`);
  const server = await new Promise<{ close(cb: () => void): void; port: number }>((resolve) => {
    const s = serve(
      {
        fetch: (request) => {
          const url = new URL(request.url);
          if (waPath.test(url.pathname)) return whatsapp.app.fetch(request);
          const byInstagram = url.searchParams.get("access_token") === IG_TOKEN;
          return (byInstagram ? instagram : graph).app.fetch(request);
        },
        port: 0,
        hostname: "127.0.0.1",
      },
      (info: AddressInfo) => resolve({ close: (cb) => s.close(cb), port: info.port }),
    );
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    graph,
    instagram,
    whatsapp,
    close: async () => {
      await graph.close();
      await instagram.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let counter = 0;
export const nextWamid = () => `wamid.test${process.pid}x${++counter}`;

/** A customer's WhatsApp message item (text, or an interactive reply to one of Convo's). */
export function waText(from: string, body: string, id = nextWamid()): WhatsAppInboundItem {
  return {
    from,
    id,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body },
  };
}
export function waButtonReply(from: string, payload: string, title: string): WhatsAppInboundItem {
  return {
    from,
    id: nextWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "interactive",
    interactive: { type: "button_reply", button_reply: { id: payload, title } },
  };
}

/** A customer's pick from a list message: Meta's `list_reply`, the row's id and title. */
export function waListReply(from: string, id: string, title: string): WhatsAppInboundItem {
  return {
    from,
    id: nextWamid(),
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "interactive",
    interactive: { type: "list_reply", list_reply: { id, title } },
  };
}

/** POSTs a WhatsApp body, signed with the WhatsApp app secret unless told otherwise. */
export function postWhatsApp(
  url: string,
  items: WhatsAppInboundItem[],
  options: { name?: string; secret?: string; phoneNumberId?: string; raw?: string } = {},
) {
  const from = items[0]?.from ?? "0";
  const body =
    options.raw ??
    JSON.stringify(
      whatsappWebhookBody(options.phoneNumberId ?? WA_PHONE_ID, "15550001234", {
        contacts: [{ profile: { name: options.name ?? "Kerry Fisher" }, wa_id: from }],
        messages: items,
      }),
    );
  return fetch(`${url}/webhooks/whatsapp`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": signBody(body, options.secret ?? WA_SECRET),
    },
    body,
  });
}

/** The Cloud API bodies the WhatsApp emulator accepted for a customer, in order. */
export function waSent(whatsapp: WhatsAppEmulator, waId: string) {
  return whatsapp.calls
    .filter((c) => c.status === 200 && (c.body as { to?: string } | undefined)?.to === waId)
    .map((c) => c.body as Record<string, unknown> & { type: string });
}
