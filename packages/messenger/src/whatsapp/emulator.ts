import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { deliverWebhook } from "../emulator/deliver-webhook";
import { type WhatsAppMessage, whatsappMessageSchema, whatsappReadSchema } from "./schemas";
import { type WhatsAppStatusItem, whatsappWebhookBody } from "./webhook-body";

const DAY = 24 * 3_600_000;

/** An approved template: its name, language and how many `{{n}}` its body takes. */
export interface EmulatedTemplate {
  name: string;
  language: string;
  bodyParameters: number;
}

export interface WhatsAppEmulatorOptions {
  /** The business phone number's id that `/{id}/messages` answers for. */
  phoneNumberId?: string;
  displayPhoneNumber?: string;
  /** When set, every call must carry `Authorization: Bearer <token>`. */
  token?: string;
  templates?: EmulatedTemplate[];
  /** POST signed `statuses` (sent, delivered, or failed) to the app's WhatsApp webhook. */
  statuses?: { webhookUrl: string; appSecret: string };
  /**
   * False: no 131047, whenever the customer last wrote (the runtime's sandbox, whose customer
   * writes to the runtime, not through here). True by default.
   */
  enforceWindow?: boolean;
  now?: () => number;
}

export interface WhatsAppCall {
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  at: number;
}

export type WhatsAppFault = 130429 | 131000 | 190;

export interface WhatsAppEmulator {
  app: Hono;
  readonly calls: WhatsAppCall[];
  /** The customer wrote at `at` (ms): opens their 24-hour window. */
  customerWrote(waId: string, at?: number): void;
  /** Messages to this wa_id fail with 131026 (undeliverable), as for a number not on WhatsApp. */
  setUnreachable(waId: string, unreachable?: boolean): void;
  /**
   * Fail `count` calls with `code`, after `after` calls answered as usual (0: the next ones), then
   * behave again: `failNext(1, 131000, 1)` fails the second card of a gallery.
   */
  failNext(count: number, code: WhatsAppFault, after?: number): void;
  /** Resolves once every status POST queued so far is answered. */
  flushStatuses(): Promise<void>;
  /** Where statuses go from now on (`null`: nowhere), for an app that listens after the emulator. */
  setStatusWebhook(target: { webhookUrl: string; appSecret: string } | null): void;
}

export const EMULATOR_PHONE_NUMBER_ID = "106540352242922";

let trace = 0;
function cloudError(status: number, code: number, message: string, details: string) {
  trace += 1;
  return {
    status,
    body: {
      error: {
        message: `(#${code}) ${message}`,
        type: "OAuthException",
        code,
        error_data: { messaging_product: "whatsapp", details },
        fbtrace_id: `AWaEmu${trace.toString(36)}`,
      },
    },
  };
}

const FAULTS: Record<WhatsAppFault, () => { status: number; body: unknown }> = {
  130429: () =>
    cloudError(400, 130429, "Rate limit hit", "Cloud API message throughput has been reached."),
  131000: () => cloudError(500, 131000, "Something went wrong", "Something went wrong."),
  190: () => cloudError(401, 190, "Invalid OAuth access token", "Invalid OAuth access token."),
};

/**
 * A stand-in for the WhatsApp Cloud API's Messages endpoint: validates every body against the
 * documented shapes and limits, answers `{ messaging_product, contacts: [{ input, wa_id }],
 * messages: [{ id: "wamid…" }] }`, and, like Meta, reports later in signed `statuses` webhooks:
 * `sent` then `delivered`, or `failed` with 131047 (more than 24 hours since the customer wrote,
 * for anything but a template) or 131026 (undeliverable). An unknown template is refused at once
 * with 132001, a wrong parameter count with 132000, a bad body with 100.
 */
export function createWhatsAppEmulator(options: WhatsAppEmulatorOptions = {}): WhatsAppEmulator {
  const phoneNumberId = options.phoneNumberId ?? EMULATOR_PHONE_NUMBER_ID;
  const display = options.displayPhoneNumber ?? "15550001234";
  const now = options.now ?? Date.now;
  const calls: WhatsAppCall[] = [];
  const lastWrote = new Map<string, number>();
  const unreachable = new Set<string>();
  /** What the next calls answer, in order: a fault, or `null` for the usual answer. */
  const faults: (WhatsAppFault | null)[] = [];
  const prefix = randomBytes(6).toString("base64url");
  let sent = 0;
  let delivering: Promise<void> = Promise.resolve();

  let statusTarget = options.statuses;
  const queueStatuses = (items: WhatsAppStatusItem[]) => {
    const target = statusTarget;
    if (!target) return;
    const body = whatsappWebhookBody(phoneNumberId, display, { statuses: items });
    delivering = delivering.then(async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          const answer = await deliverWebhook({
            url: target.webhookUrl,
            body,
            appSecret: target.appSecret,
          });
          if (answer.ok) return;
        } catch {
          // The webhook is down: try again shortly, as Meta does (for longer).
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    });
  };

  const app = new Hono();
  const answer = (c: Context, status: number, body: unknown) => {
    calls.push({
      path: c.req.path,
      body: c.get("body" as never),
      status,
      response: body,
      at: now(),
    });
    return c.json(body as object, status as ContentfulStatusCode);
  };

  app.post("/:version/:phoneId/messages", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    c.set("body" as never, body as never);
    const auth = c.req.header("authorization");
    if (
      !auth?.startsWith("Bearer ") ||
      (options.token !== undefined && auth !== `Bearer ${options.token}`)
    ) {
      const e = FAULTS[190]();
      return answer(c, e.status, e.body);
    }
    const fault = faults.shift();
    if (fault !== undefined && fault !== null) {
      const e = FAULTS[fault]();
      return answer(c, e.status, e.body);
    }
    if (c.req.param("phoneId") !== phoneNumberId) {
      const e = cloudError(
        400,
        100,
        "Invalid parameter",
        `Unsupported post request. Object with ID '${c.req.param("phoneId")}' does not exist.`,
      );
      return answer(c, e.status, e.body);
    }
    if (whatsappReadSchema.safeParse(body).success) return answer(c, 200, { success: true });
    const parsed = whatsappMessageSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join(".") || "body";
      const e = cloudError(
        400,
        100,
        "Invalid parameter",
        `Parameter ${where}: ${issue?.message ?? "is invalid"}`,
      );
      return answer(c, e.status, e.body);
    }
    const message = parsed.data;
    const refusal = checkTemplate(message, options.templates ?? []);
    if (refusal) return answer(c, refusal.status, refusal.body);
    const waId = message.to.replace(/^\+/, "");
    const id = `wamid.${prefix}${(++sent).toString(36)}`;
    const at = Math.floor(now() / 1000).toString();
    const base = {
      id,
      recipient_id: waId,
      timestamp: at,
      ...(message.biz_opaque_callback_data
        ? { biz_opaque_callback_data: message.biz_opaque_callback_data }
        : {}),
    };
    const wrote = lastWrote.get(waId);
    if (unreachable.has(waId)) {
      queueStatuses([failed(base, 131026, "Message undeliverable", "Message Undeliverable.")]);
    } else if (
      options.enforceWindow !== false &&
      message.type !== "template" &&
      (wrote === undefined || now() - wrote > DAY)
    ) {
      queueStatuses([
        failed(
          base,
          131047,
          "Re-engagement message",
          "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        ),
      ]);
    } else {
      queueStatuses([
        { ...base, status: "sent" },
        { ...base, status: "delivered" },
      ]);
    }
    return answer(c, 200, {
      messaging_product: "whatsapp",
      contacts: [{ input: message.to, wa_id: waId }],
      messages: [{ id, ...(message.type === "template" ? { message_status: "accepted" } : {}) }],
    });
  });

  app.notFound((c) => {
    const e = cloudError(400, 100, "Invalid parameter", `Unknown path components: ${c.req.path}`);
    return answer(c, e.status, e.body);
  });

  return {
    app,
    calls,
    customerWrote: (waId, at = now()) => {
      lastWrote.set(waId, at);
    },
    setUnreachable: (waId, on = true) => {
      if (on) unreachable.add(waId);
      else unreachable.delete(waId);
    },
    failNext: (count, code, after = 0) => {
      for (let i = 0; i < after; i++) faults.push(null);
      for (let i = 0; i < count; i++) faults.push(code);
    },
    flushStatuses: () => delivering,
    setStatusWebhook: (target) => {
      statusTarget = target ?? undefined;
    },
  };
}

function failed(
  base: Omit<WhatsAppStatusItem, "status">,
  code: number,
  title: string,
  details: string,
): WhatsAppStatusItem {
  return {
    ...base,
    status: "failed",
    errors: [{ code, title, message: title, error_data: { details } }],
  };
}

function checkTemplate(message: WhatsAppMessage, templates: EmulatedTemplate[]) {
  if (message.type !== "template") return undefined;
  const { name, language, components } = message.template;
  const found = templates.find((t) => t.name === name && t.language === language.code);
  if (!found) {
    return cloudError(
      404,
      132001,
      "Template name does not exist in the translation",
      `template name (${name}) does not exist in ${language.code}`,
    );
  }
  const given = components?.find((c) => c.type === "body")?.parameters.length ?? 0;
  if (given !== found.bodyParameters) {
    return cloudError(
      400,
      132000,
      "Number of parameters does not match the expected number of params",
      `body: number of localizable_params (${given}) does not match the expected number of params (${found.bodyParameters})`,
    );
  }
  return undefined;
}

/** Serves the WhatsApp emulator on loopback (port 0: a free one). */
export async function startWhatsAppEmulator(
  options: WhatsAppEmulatorOptions & { port?: number } = {},
): Promise<Omit<WhatsAppEmulator, "app"> & { url: string; close(): Promise<void> }> {
  const { port = 0, ...rest } = options;
  const emulator = createWhatsAppEmulator(rest);
  const { server, address } = await new Promise<{
    server: ReturnType<typeof serve>;
    address: AddressInfo;
  }>((resolve, reject) => {
    const server = serve({ fetch: emulator.app.fetch, port, hostname: "127.0.0.1" }, (info) =>
      resolve({ server, address: info }),
    );
    server.once("error", reject);
  });
  const { app: _app, ...controls } = emulator;
  return {
    ...controls,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
