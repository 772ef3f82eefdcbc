import { z } from "zod";
import { ApiSection } from "../openapi/route-spec";
import { ErrorBody } from "../schemas";

/**
 * The routes outside `/api`, for the document only: the operations routes (`src/ops/routes.ts`)
 * and the channel's webhook (`src/webhook/routes.ts`) sit below the API in the layers, so they
 * mount themselves; the test of the document checks that these say what is served.
 */
export const opsApi = new ApiSection("", "operations", "");
export const webhookApi = new ApiSection("/webhooks/messenger", "webhook", "");

const text = (description: string) => ({ description, schema: z.string(), type: "text/plain" });

opsApi.route({
  method: "get",
  path: "/healthz",
  summary: "Alive",
  public: true,
  responses: {
    200: { description: "The process answers.", schema: z.strictObject({ ok: z.literal(true) }) },
  },
});
opsApi.route({
  method: "get",
  path: "/readyz",
  summary: "Taking traffic (the database open, the workers started)",
  public: true,
  responses: {
    200: { description: "Ready.", schema: z.strictObject({ ready: z.literal(true) }) },
    503: {
      description: "Starting or stopping.",
      schema: z.strictObject({ ready: z.literal(false) }),
    },
  },
});
opsApi.route({
  method: "get",
  path: "/metrics",
  summary: "Prometheus metrics: Convo's counters and queue depths, and the process's",
  public: true,
  responses: { 200: text("The Prometheus text format, version 0.0.4.") },
});

webhookApi.route({
  method: "get",
  path: "/",
  summary: "Meta's verification of the callback URL",
  public: true,
  query: z.object({
    "hub.mode": z.string().meta({ description: "`subscribe`." }),
    "hub.verify_token": z.string().meta({ description: "MESSENGER_VERIFY_TOKEN." }),
    "hub.challenge": z.string().meta({ description: "Answered back when the token matches." }),
  }),
  responses: {
    200: text("`hub.challenge`."),
    403: { description: "The verify token does not match.", schema: ErrorBody },
  },
});
webhookApi.route({
  method: "post",
  path: "/",
  summary: "Meta's webhook events (Page and Instagram), stored durably before the 200",
  public: true,
  headers: z.object({
    "x-hub-signature-256": z
      .string()
      .meta({ description: "`sha256=` and the HMAC-SHA256 of the raw body with the app secret." }),
  }),
  body: z
    .looseObject({ object: z.string(), entry: z.array(z.looseObject({})) })
    .meta({ description: "Meta's webhook body, as Meta documents it (a 1 MB cap)." }),
  responses: {
    200: text("`EVENT_RECEIVED`, once the events are on disk."),
    400: { description: "Not JSON, or not a webhook body.", schema: ErrorBody },
    403: { description: "X-Hub-Signature-256 does not match.", schema: ErrorBody },
    413: { description: "The body is larger than 1 MB.", schema: ErrorBody },
  },
});

/** WhatsApp's webhook (mounted when WhatsApp is configured, or in sandbox mode). */
export const whatsappWebhookApi = new ApiSection("/webhooks/whatsapp", "webhook", "");

whatsappWebhookApi.route({
  method: "get",
  path: "/",
  summary: "Meta's verification of the WhatsApp callback URL",
  public: true,
  query: z.object({
    "hub.mode": z.string().meta({ description: "`subscribe`." }),
    "hub.verify_token": z
      .string()
      .meta({ description: "WHATSAPP_VERIFY_TOKEN (by default MESSENGER_VERIFY_TOKEN)." }),
    "hub.challenge": z.string().meta({ description: "Answered back when the token matches." }),
  }),
  responses: {
    200: text("`hub.challenge`."),
    403: { description: "The verify token does not match.", schema: ErrorBody },
  },
});
whatsappWebhookApi.route({
  method: "post",
  path: "/",
  summary:
    "WhatsApp Cloud API webhook events (messages and statuses), stored durably before the 200",
  public: true,
  headers: z.object({
    "x-hub-signature-256": z.string().meta({
      description: "`sha256=` and the HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET.",
    }),
  }),
  body: z
    .looseObject({ object: z.string(), entry: z.array(z.looseObject({})) })
    .meta({ description: "`whatsapp_business_account` body, as Meta documents it (a 1 MB cap)." }),
  responses: {
    200: text("`EVENT_RECEIVED`, once the events are on disk."),
    400: { description: "Not JSON, or not a webhook body.", schema: ErrorBody },
    403: { description: "X-Hub-Signature-256 does not match.", schema: ErrorBody },
    413: { description: "The body is larger than 1 MB.", schema: ErrorBody },
  },
});
