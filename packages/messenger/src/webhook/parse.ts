import { parseChanges } from "./comments";
import { hashKey, keepable } from "./dedupe";
import { readPayload } from "./read-payload";
import { entrySchema, envelopeSchema, itemSchema } from "./schemas";
import type { EventBase, InboundEvent, InboundPayload } from "./types";

export interface ParseOptions {
  /** Convo's Facebook app id: echoes carrying it are Convo's own sends. */
  appId?: string;
  /**
   * The account each kind of body belongs to (`page`: this runtime's Page id). An entry for
   * another account is not this runtime's to answer (its token would answer for the wrong Page):
   * it becomes one `unknown` event, kept, never stepped. An `object` not named here is not checked.
   */
  accounts?: Partial<Record<EventBase["platform"], string>>;
}

export type ParseResult = { ok: true; events: InboundEvent[] } | { ok: false; error: string };

export { CONVO_METADATA_PREFIX } from "./metadata";

/**
 * Turns a webhook POST body into normalised events, in order: every entry, then every item of its
 * `messaging` and `standby` arrays. Never throws: a body that is not a Messenger webhook is an
 * error (answer 400); an item that is not understood becomes an `unknown` event with its raw JSON
 * (cut at `KEPT_DEPTH` levels), so one odd item never costs the batch its valid events.
 */
export function parseWebhook(body: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseEnvelope(body, options);
  } catch {
    // Unreachable for JSON input; a guard for exotic objects (getters that throw, proxies). The
    // error itself is not repeated: it says nothing to the sender and may name internals.
    return { ok: false, error: "unreadable webhook body" };
  }
}

function parseEnvelope(body: unknown, options: ParseOptions): ParseResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return {
      ok: false,
      error: 'not a Messenger webhook: expected { object: "page" | "instagram", entry: [...] }',
    };
  }
  const platform = envelope.data.object;
  const events: InboundEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push(unknownEvent(platform, "", 0, "messaging", rawEntry, "entry without a page id"));
      continue;
    }
    const { id: pageId, time = 0, messaging, standby, changes } = entry.data;
    const owner = options.accounts?.[platform];
    if (owner !== undefined && pageId !== owner) {
      const reason = `entry for ${platform === "page" ? "Page" : "account"} ${pageId}, not ${owner}`;
      events.push(unknownEvent(platform, pageId, time, "messaging", rawEntry, reason));
      continue;
    }
    if (changes) events.push(...parseChanges(platform, pageId, time, changes));
    if (!messaging && !standby) {
      if (changes) continue;
      // Fields Convo does not subscribe to: kept, not dropped.
      events.push(
        unknownEvent(platform, pageId, time, "messaging", rawEntry, "entry without messaging"),
      );
      continue;
    }
    for (const item of messaging ?? []) {
      events.push(parseItem({ platform, pageId, time, channel: "messaging" }, item, options));
    }
    for (const item of standby ?? []) {
      events.push(parseItem({ platform, pageId, time, channel: "standby" }, item, options));
    }
  }
  return { ok: true, events };
}

interface Place {
  platform: EventBase["platform"];
  pageId: string;
  time: number;
  channel: EventBase["channel"];
}

function parseItem(place: Place, raw: unknown, options: ParseOptions): InboundEvent {
  const item = itemSchema.safeParse(raw);
  if (!item.success || typeof raw !== "object" || raw === null) {
    return unknownEvent(
      place.platform,
      place.pageId,
      place.time,
      place.channel,
      raw,
      "not an event object",
    );
  }
  const fields = raw as Record<string, unknown>;
  const sender = item.data.sender?.id ?? null;
  const recipient = item.data.recipient?.id ?? null;
  // The Page (or Instagram account) is the sender of its own messages: never a customer.
  const fromPage = sender !== null && sender === place.pageId;
  const payload = readPayload(fields, options, fromPage);
  const isEcho = payload.kind === "echo";
  const base: EventBase = {
    platform: place.platform,
    pageId: place.pageId,
    // For echoes the Page is the sender and the contact the recipient.
    psid: isEcho ? recipient : sender,
    timestamp: item.data.timestamp ?? place.time,
    channel: place.channel,
    dedupeKey: "",
  };
  base.dedupeKey = dedupeKeyOf(payload) ?? hashKey(place.pageId, raw);
  const prior = fields.prior_message as { source?: unknown; identifier?: unknown } | undefined;
  if (
    prior?.source === "checkbox_plugin" &&
    typeof prior.identifier === "string" &&
    prior.identifier !== ""
  ) {
    base.priorUserRef = prior.identifier;
  }
  if (payload.kind === "unknown") return { ...base, ...payload, raw: keepable(payload.raw) };
  return { ...base, ...payload } as InboundEvent;
}

/** Message ids are unique per message; reactions and deliveries only point at other messages. */
function dedupeKeyOf(payload: InboundPayload): string | undefined {
  switch (payload.kind) {
    case "text":
    case "quick_reply":
    case "attachments":
    case "echo":
      return `mid:${payload.mid}`;
    case "postback":
      return payload.mid ? `mid:${payload.mid}` : undefined;
    default:
      return undefined;
  }
}

function unknownEvent(
  platform: EventBase["platform"],
  pageId: string,
  time: number,
  channel: EventBase["channel"],
  raw: unknown,
  reason: string,
): InboundEvent {
  return {
    platform,
    pageId,
    psid: null,
    timestamp: time,
    channel,
    dedupeKey: hashKey(pageId, raw),
    kind: "unknown",
    raw: keepable(raw),
    reason,
  };
}
