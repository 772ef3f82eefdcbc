import { flowSchema } from "@convo/flow";
import { z } from "zod";
import { ERROR_CODES } from "../error-codes";

/**
 * The answers of the management API, as zod schemas: the OpenAPI document (`/api/openapi.json`)
 * is generated from them and from the routes' body and query schemas, and the editor's client
 * is typed from that document (`apps/editor/src/api/openapi.ts`, generated). The schemas given an
 * `id` (zod's global registry) are the document's `components.schemas`.
 */
function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  return schema.meta(description === undefined ? { id } : { id, description });
}

const time = z.iso.datetime();

export const ErrorBody = named(
  "Error",
  z.object({
    error: z
      .object({
        code: z.enum(ERROR_CODES).meta({ description: "Stable machine code, e.g. `not_found`." }),
        message: z.string().meta({ description: "A sentence for a person." }),
      })
      .catchall(z.unknown())
      .meta({ description: "Details vary by code: `issues`, `problems`, `current`, `limit`." }),
  }),
  "Every answer other than 2xx.",
);

export const Flow = named(
  "Flow",
  flowSchema,
  "A flow document (schema version 1; flow.schema.json).",
);

export const FlowSummary = named(
  "FlowSummary",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    revision: z.number().int(),
    updatedAt: time,
    publishedVersion: z.number().int().nullable(),
    publishedAt: time.nullable(),
    hasUnpublishedChanges: z.boolean(),
    nodeCount: z.number().int(),
    pausedAt: time
      .nullable()
      .meta({ description: "When the flow was paused; null when it is not." }),
    live: z.boolean().meta({ description: "Published and not paused: it answers customers." }),
  }),
);

export const FlowDetail = named(
  "FlowDetail",
  z.strictObject({
    ...FlowSummary.shape,
    flow: Flow,
    migratedFrom: z
      .number()
      .int()
      .optional()
      .meta({ description: "The schema version an import was migrated from." }),
  }),
);

export const FlowList = z.strictObject({ flows: z.array(FlowSummary) });

export const Saved = named(
  "Saved",
  z.strictObject({ revision: z.number().int(), updatedAt: time }),
);

export const PauseState = named(
  "PauseState",
  z.strictObject({ live: z.boolean(), pausedAt: time.nullable() }),
);

export const Published = named(
  "Published",
  z.strictObject({
    version: z.number().int(),
    publishedAt: time,
    /** What will not work as drawn, though the flow is valid (AI steps without a provider). */
    warnings: z.array(z.strictObject({ code: z.string(), message: z.string() })).optional(),
  }),
);

export const VersionSummary = named(
  "VersionSummary",
  z.strictObject({
    version: z.number().int(),
    note: z.string().nullable(),
    publishedAt: time,
    publishedBy: z.string().nullable(),
  }),
);

export const VersionDetail = named(
  "VersionDetail",
  z.strictObject({
    version: z.number().int(),
    note: z.string().nullable(),
    publishedAt: time,
    flow: Flow,
  }),
);

export const FlowStats = named(
  "FlowStats",
  z.strictObject({
    flowId: z.string(),
    from: time,
    to: time,
    nodes: z.record(z.string(), z.strictObject({ entered: z.number().int() })),
    handles: z.record(z.string(), z.record(z.string(), z.number().int())),
    /** The model tokens each AI step (or intent trigger) spent, by node. */
    tokens: z.record(z.string(), z.number().int()),
    /** The flow's model tokens per UTC day of the range, oldest first; days with none left out. */
    tokensByDay: z.array(
      z.strictObject({
        day: z.string().meta({ description: "The UTC day, YYYY-MM-DD", example: "2025-03-14" }),
        tokens: z.number().int(),
      }),
    ),
  }),
);

export const Contact = named(
  "Contact",
  z.strictObject({
    id: z.string(),
    psid: z.string(),
    /** The channel the contact writes on: its id is a PSID, an IGSID (`ig:`) or a wa_id (`wa:`). */
    channel: z.enum(["messenger", "instagram", "whatsapp"]),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    locale: z.string().nullable(),
    profilePic: z.string().nullable(),
    fields: z.record(z.string(), z.string()),
    tags: z.array(z.string()),
    paused: z.boolean(),
    pausedUntil: time.nullable(),
    lastUserMessageAt: time.nullable(),
    createdAt: time.nullable(),
    currentFlow: z.string().nullable(),
  }),
);

export const ContactList = z.strictObject({
  contacts: z.array(Contact),
  next: z
    .string()
    .optional()
    .meta({ description: "The `before` of the next page, when this one is full." }),
});

export const TranscriptMessage = named(
  "TranscriptMessage",
  z.strictObject({
    id: z.number().int(),
    at: time,
    direction: z.enum(["in", "out"]),
    author: z.enum(["contact", "bot", "agent", "system"]),
    kind: z.enum(["text", "postback", "quick_reply", "attachment", "template", "event"]),
    text: z.string().nullable(),
    payload: z.unknown().optional(),
    status: z.enum(["queued", "sent", "failed", "parked"]).optional(),
    flowId: z.string().optional().meta({ description: "The flow that sent a bot's message." }),
    nodeId: z.string().optional().meta({ description: "The step of that flow that sent it." }),
    buttons: z
      .array(z.string())
      .optional()
      .meta({ description: "The titles of a bot message's buttons and quick replies." }),
  }),
);

export const Transcript = z.strictObject({ messages: z.array(TranscriptMessage) });

const Actor = named(
  "Actor",
  z.strictObject({ id: z.string(), name: z.string() }),
  "Who did something in the inbox.",
);

export const ConversationSummary = named(
  "ConversationSummary",
  z.strictObject({
    id: z.string(),
    state: z.enum(["waiting", "assigned", "resolved"]),
    channel: z.string(),
    reason: z.string().nullable().meta({ description: "Why the contact asked for a person." }),
    flowId: z.string().nullable().meta({ description: "The flow the contact came from." }),
    nodeId: z.string().nullable().meta({ description: "The hand-over step they came from." }),
    openedAt: time,
    assignee: Actor.nullable(),
    assignedAt: time.nullable(),
    resolvedAt: time.nullable(),
    contact: z.strictObject({
      id: z.string(),
      name: z.string().meta({ description: "First and last name, else the id." }),
      profilePic: z.string().nullable(),
      tags: z.array(z.string()),
    }),
    unread: z
      .number()
      .int()
      .meta({ description: "The contact's messages since it opened the caller has not read." }),
  }),
  "A conversation handed to people.",
);

export const ConversationList = z.strictObject({ conversations: z.array(ConversationSummary) });

export const ConversationNote = named(
  "ConversationNote",
  z.strictObject({ id: z.number().int(), author: Actor, text: z.string(), at: time }),
  "An internal note, seen by agents only.",
);

export const ConversationDetail = named(
  "ConversationDetail",
  z.strictObject({
    conversation: ConversationSummary,
    contact: Contact,
    messages: z.array(
      z.strictObject({
        ...TranscriptMessage.shape,
        agent: Actor.optional().meta({ description: "The agent who wrote it." }),
      }),
    ),
    notes: z.array(ConversationNote),
  }),
);

export const ContactEvent = named(
  "ContactEvent",
  z.strictObject({
    id: z.string().meta({ description: "The event's id (`evt_…`)." }),
    event: z.string().meta({ description: "Its name, e.g. `order.shipped`." }),
    status: z.enum(["queued", "sent", "skipped", "failed"]),
    reason: z
      .enum(["outside_window", "bot_paused", "no_flow", "no_message", "contact_erased"])
      .or(z.string())
      .optional()
      .meta({
        description:
          "Why it was skipped: `outside_window` (no message tag allows sending), `bot_paused` (a person has the conversation), `no_flow` (none published), `no_message` (the flow sent nothing), `contact_erased` (erased while it waited).",
      }),
    reasonText: z.string().optional().meta({ description: "The reason in English." }),
    error: z
      .strictObject({ code: z.string(), message: z.string() })
      .optional()
      .meta({ description: "Meta's error when it failed." }),
    messageIds: z.array(z.string()).meta({ description: "The messages sent for it, in order." }),
    createdAt: time,
  }),
  "A brand event a contact received, with what was sent for it.",
);

export const ContactEvents = z.strictObject({ events: z.array(ContactEvent) });

/** An answer of 202: what was queued. */
export const Accepted = z.strictObject({ id: z.number().int() });

export const RuntimeStatus = named(
  "RuntimeStatus",
  z.strictObject({
    sandbox: z.boolean(),
    messageEchoes: z.strictObject({
      status: z.enum(["subscribed", "missing", "unknown", "sandbox"]),
      checkedAt: time.nullable(),
      detail: z.string().optional(),
    }),
  }),
);

export const ParkedList = z.strictObject({
  parked: z.array(
    z.strictObject({
      id: z.number().int(),
      contactId: z.string(),
      reason: z.string().nullable(),
      code: z.string().nullable(),
      at: time,
      message: z.unknown().meta({ description: "The message, or the HTTP call, as queued." }),
    }),
  ),
});

export const FailedList = z.strictObject({
  failed: z.array(
    z.strictObject({
      id: z.number().int(),
      contactId: z.string(),
      kind: z.string(),
      error: z.string().nullable(),
      attempts: z.number().int(),
      at: time,
    }),
  ),
});

export const UnknownList = z.strictObject({
  unknown: z.array(
    z.strictObject({
      id: z.number().int(),
      /** What the event is (`message_edit`, `other_account`, …): the label of the metric. */
      kind: z.string(),
      reason: z.string(),
      /** Empty when the event names no contact. */
      contactId: z.string(),
      standby: z.boolean(),
      at: time,
      raw: z.unknown().meta({ description: "The event as Meta sent it (cut deep down)." }),
    }),
  ),
});

export const PolicyState = z.strictObject({
  latest: z
    .strictObject({
      /** `block` or `unblock`, as Meta words it. */
      action: z.string(),
      reason: z.string().nullable(),
      at: time,
    })
    .nullable()
    .meta({ description: "Meta's last policy action on the Page, if any: a block stops sends." }),
});

export const HttpOutcome = named(
  "HttpOutcome",
  z.strictObject({
    ok: z.boolean(),
    status: z.number().int().nullable(),
    body: z.string().nullable(),
    error: z.string().optional(),
  }),
);

export const HttpTestOutcome = named(
  "HttpTestOutcome",
  z.strictObject({
    ok: z.boolean(),
    /** The request as sent, `{{secrets.NAME}}` left as written. */
    request: z.strictObject({ method: z.string(), url: z.string() }),
    status: z.number().int().nullable(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown().meta({ description: "The answer, parsed when it is JSON." }),
    error: z.string().optional(),
  }),
  "What a test of an HTTP step answered, every secret's value masked as [secret NAME].",
);

export const AiOutcome = named(
  "AiOutcome",
  z.strictObject({
    ok: z.boolean(),
    answer: z.string().optional(),
    unsure: z.boolean().optional(),
    intent: z.string().optional(),
    confidence: z.number().optional(),
    error: z.string().optional(),
  }),
);

export const SentCalls = z.strictObject({
  calls: z.array(
    z.strictObject({
      seq: z.number().int(),
      method: z.string(),
      path: z.string(),
      query: z.record(z.string(), z.string()),
      body: z.unknown(),
      at: z.number().int(),
      status: z.number().int(),
      response: z.unknown(),
    }),
  ),
  /** The test contact's id in the API (`ig:…`, `wa:…`), when the calls are one contact's. */
  contactId: z.string().optional(),
});

export const SandboxContact = z.strictObject({
  contactId: z.string(),
  /** The fields as a flow reads them: `first_name`, `last_name`, `name`, `locale` and custom ones. */
  fields: z.record(z.string(), z.string()),
  tags: z.array(z.string()),
  /** The flows' variables (credentials typed into a flow emptied), by flow id. */
  variables: z.record(z.string(), z.record(z.string(), z.string())),
});

export const SandboxAccepted = z.strictObject({
  psid: z.string(),
  /** The test contact's id in the API: `ig:<id>` on Instagram, `wa:<number>` on WhatsApp. */
  contactId: z.string(),
});
