import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import type { PageSettings } from "../../graph-api/gateway";
import { ApiSection } from "../openapi/route-spec";
import {
  Accepted,
  AiOutcome,
  ErrorBody,
  FailedList,
  HttpOutcome,
  ParkedList,
  PolicyState,
  RuntimeStatus,
  SandboxAccepted,
  SandboxContact,
  SentCalls,
  UnknownList,
} from "../schemas";

export const pageApi = new ApiSection("/page", "page");
export const statusApi = new ApiSection("/status", "operations");
export const outboxApi = new ApiSection("/outbox", "operations");
export const inboxApi = new ApiSection("/inbox", "operations");
export const simulatorApi = new ApiSection("/simulator", "simulator");
export const sandboxApi = new ApiSection("/sandbox", "sandbox");

export const pageSettingsSchema = z.strictObject({
  getStarted: z.strictObject({ payload: z.string().min(1).max(1000) }).nullable(),
  greeting: z
    .array(z.strictObject({ locale: z.string().min(1).max(20), text: z.string().min(1).max(160) }))
    .max(100),
  persistentMenu: z
    .array(
      z.strictObject({
        locale: z.string().min(1).max(20),
        items: z
          .array(
            z
              .strictObject({
                title: z.string().min(1).max(30),
                payload: z.string().min(1).max(1000).optional(),
                url: z.url({ protocol: /^https?$/ }).optional(),
              })
              .refine((i) => (i.payload === undefined) !== (i.url === undefined), {
                message: "an item has either a payload or a url",
              }),
          )
          .max(20),
      }),
    )
    .max(100),
  iceBreakers: z
    .array(
      z.strictObject({ question: z.string().min(1).max(80), payload: z.string().min(1).max(1000) }),
    )
    .max(4),
  threadRequests: z.enum(["pass", "when_idle"]).optional().meta({
    description:
      "How another app's request for the conversation (request_thread_control) is answered: pass at once, or when_idle (the default), only while the bot waits for no answer, HTTP call or delay.",
  }),
}) satisfies z.ZodType<PageSettings>;

export const httpRequestSchema = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  url: z.string().min(1).max(8000),
  headers: z
    .array(z.strictObject({ name: z.string().min(1).max(200), value: z.string().max(8000) }))
    .max(50),
  body: z.string().max(1_000_000).optional(),
  timeoutMs: z.number().int().positive().max(60_000),
  /** Where the flow's author wrote `{{secrets.NAME}}` (the engine marks them). */
  secrets: z
    .array(
      z.strictObject({
        field: z.enum(["url", "body", "header"]),
        header: z.number().int().nonnegative().optional(),
        at: z.number().int().nonnegative(),
        length: z.number().int().positive(),
      }),
    )
    .max(200)
    .optional(),
});
/** An AI step's question, as the engine's `ai` action carries it. */
export const aiRequestSchema = z.discriminatedUnion("task", [
  z.strictObject({
    task: z.literal("answer"),
    question: z.string().max(5_000),
    passages: z.array(z.string().max(2_000)).max(10),
    tone: z.string().max(300).optional(),
    locale: z.string().max(20).optional(),
    maxChars: z.number().int().positive().max(20_000),
    timeoutMs: z.number().int().positive().max(60_000),
  }),
  z.strictObject({
    task: z.literal("intent"),
    question: z.string().max(5_000),
    intents: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(64),
          name: z.string().max(200),
          examples: z.array(z.string().max(2_000)).max(50),
        }),
      )
      .max(50),
    timeoutMs: z.number().int().positive().max(60_000),
  }),
]);
const sandboxChannel = z
  .enum(["messenger", "instagram", "whatsapp"])
  .optional()
  .meta({ description: "The channel the test contact writes on (Messenger by default)." });

export const sandboxMessageBody = z
  .strictObject({
    channel: sandboxChannel,
    psid: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    text: z.string().min(1).max(2000).optional(),
    postback: z
      .strictObject({ payload: z.string().min(1).max(1000), title: z.string().max(80) })
      .optional(),
    quickReply: z
      .strictObject({ payload: z.string().min(1).max(1000), text: z.string().max(80) })
      .optional(),
    locale: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/)
      .optional()
      .meta({
        description:
          "The test contact's Messenger locale from now on (fr_FR, en_GB): a flow in several languages answers in its language.",
      }),
  })
  .refine((b) => [b.text, b.postback, b.quickReply].filter((x) => x !== undefined).length === 1, {
    message: "give exactly one of text, postback or quickReply",
  });

export const sandboxContactQuery = z.object({
  channel: sandboxChannel,
  psid: z.string().meta({ description: "The test contact." }),
});

export const sentQuery = z.object({
  channel: sandboxChannel,
  psid: z.string().optional().meta({ description: "Only the calls to this contact." }),
  after: z
    .string()
    .optional()
    .transform((v) => {
      const n = Math.floor(Number(v ?? "0"));
      return Number.isFinite(n) && n > 0 ? n : 0;
    })
    .meta({ description: "Only the calls after this `seq` (0 by default)." }),
});

const numericId = z.object({ id: z.string().meta({ description: "The row's id (a number)." }) });
const notFound = (what: string) => ({ description: `No such ${what}.`, schema: ErrorBody });

export const pageSpecs = {
  get: pageApi.route({
    method: "get",
    path: "/",
    access: ACCESS.flowsRead,
    summary: "The Page's Messenger profile: Get Started, greeting, menu, ice breakers",
    responses: { 200: { description: "The settings.", schema: pageSettingsSchema } },
  }),
  put: pageApi.route({
    method: "put",
    path: "/",
    access: ACCESS.flowsWrite,
    summary: "Save the Page's Messenger profile and send it to Messenger",
    body: pageSettingsSchema,
    responses: {
      200: {
        description: "The settings saved, and whether Messenger took them.",
        schema: z.strictObject({
          ...pageSettingsSchema.shape,
          sync: z.strictObject({ ok: z.boolean(), error: z.string().optional() }),
        }),
      },
      413: { description: "The body is larger than 1 MB.", schema: ErrorBody },
    },
  }),
};

export const statusSpecs = {
  get: statusApi.route({
    method: "get",
    path: "/",
    access: ACCESS.signedIn,
    summary: "Sandbox mode, and whether the Page sends Convo its message echoes",
    responses: { 200: { description: "The status.", schema: RuntimeStatus } },
  }),
};

export const outboxSpecs = {
  parked: outboxApi.route({
    method: "get",
    path: "/parked",
    access: ACCESS.owner,
    summary: "Messages Messenger refused for good, with the reason",
    responses: { 200: { description: "The parked messages.", schema: ParkedList } },
  }),
  retry: outboxApi.route({
    method: "post",
    path: "/parked/:id/retry",
    access: ACCESS.owner,
    summary: "Send a parked message again",
    params: numericId,
    responses: {
      202: { description: "Queued again.", schema: Accepted },
      404: notFound("parked message"),
    },
  }),
};

export const inboxSpecs = {
  failed: inboxApi.route({
    method: "get",
    path: "/failed",
    access: ACCESS.owner,
    summary: "Events whose step failed, with the error",
    responses: { 200: { description: "The failed events.", schema: FailedList } },
  }),
  retry: inboxApi.route({
    method: "post",
    path: "/failed/:id/retry",
    access: ACCESS.owner,
    summary: "Step a failed event again",
    params: numericId,
    responses: {
      202: { description: "Queued again.", schema: Accepted },
      404: notFound("failed event"),
    },
  }),
  unknown: inboxApi.route({
    method: "get",
    path: "/unknown",
    access: ACCESS.owner,
    summary: "Webhook events Convo did not understand, newest first (500 at most), with their JSON",
    responses: { 200: { description: "The unknown events.", schema: UnknownList } },
  }),
  policy: inboxApi.route({
    method: "get",
    path: "/policy",
    access: ACCESS.owner,
    summary: "Meta's last policy action on the Page (policy_enforcement: a block or an unblock)",
    responses: { 200: { description: "The last action, or null.", schema: PolicyState } },
  }),
};

export const simulatorSpecs = {
  http: simulatorApi.route({
    method: "post",
    path: "/http",
    access: ACCESS.flowsWrite,
    summary: "Run an HTTP step for the editor's simulator, with the live worker's rules",
    body: httpRequestSchema,
    responses: {
      200: { description: "What the call answered, or why it failed.", schema: HttpOutcome },
      413: { description: "The body is larger than 1 MB.", schema: ErrorBody },
    },
  }),
  ai: simulatorApi.route({
    method: "post",
    path: "/ai",
    access: ACCESS.flowsWrite,
    summary: "Ask the brand's model (or the sandbox's AI emulator) for the editor's simulator",
    body: aiRequestSchema,
    responses: {
      200: { description: "What the model answered, or why it failed.", schema: AiOutcome },
      413: { description: "The body is larger than 1 MB.", schema: ErrorBody },
    },
  }),
};

export const sandboxSpecs = {
  message: sandboxApi.route({
    method: "post",
    path: "/messages",
    access: ACCESS.flowsWrite,
    summary: "A message from a sandbox contact, through the real (signed) webhook",
    body: sandboxMessageBody,
    responses: {
      202: { description: "Taken by the webhook.", schema: SandboxAccepted },
      502: { description: "The webhook refused it.", schema: ErrorBody },
    },
  }),
  sent: sandboxApi.route({
    method: "get",
    path: "/sent",
    access: ACCESS.flowsWrite,
    summary: "The Send API calls the emulator answered (sandbox mode only)",
    query: sentQuery,
    responses: {
      200: { description: "The calls, numbered.", schema: SentCalls },
      409: { description: "A Page token is set: no sandbox.", schema: ErrorBody },
    },
  }),
  contact: sandboxApi.route({
    method: "get",
    path: "/contact",
    access: ACCESS.flowsWrite,
    summary: "The test contact as the flows see it: fields, tags and variables (sandbox mode only)",
    query: sandboxContactQuery,
    responses: {
      200: { description: "The contact's state.", schema: SandboxContact },
      404: { description: "Not a contact until its first message.", schema: ErrorBody },
      409: { description: "A Page token is set: no sandbox.", schema: ErrorBody },
    },
  }),
};
