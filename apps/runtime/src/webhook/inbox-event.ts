import { type InboundEvent, USER_REF_RECIPIENT } from "@convo/messenger";
import { channelOfPlatform, contactKey } from "../graph-api/contact-address";
import { outboxIdOfEcho } from "../graph-api/outbox-metadata";
import type { NewInboxEvent } from "../store/inbox";

/**
 * Kinds kept for the record only: nobody is answered for them. Thread-control events are
 * stepped: they change who owns the thread (see pipeline/thread-control).
 */
const RECORD_ONLY = new Set<InboundEvent["kind"]>([
  "delivery",
  "read",
  "status",
  "reaction",
  "app_roles",
  "policy_enforcement",
  "unknown",
]);

/**
 * A parsed webhook event as the inbox stores it, keyed by the contact's channel-namespaced id
 * (`ig:` Instagram, `wa:` WhatsApp, bare for Messenger).
 */
export function toInboxEvent(parsed: InboundEvent): NewInboxEvent {
  // A checkbox opt-in has no PSID yet: its contact waits as `user_ref:<ref>`, and what the flow
  // answers goes to `{ user_ref }`.
  const event =
    parsed.psid === null && parsed.kind === "optin" && parsed.userRef
      ? { ...parsed, psid: USER_REF_RECIPIENT + parsed.userRef }
      : parsed.psid === null || parsed.platform === "page"
        ? parsed
        : { ...parsed, psid: contactKey(channelOfPlatform(parsed.platform), parsed.psid) };
  const actionable =
    event.psid !== null &&
    !RECORD_ONLY.has(event.kind) &&
    // Convo's own sends echo back; only a human's reply in the Page Inbox matters.
    (event.kind !== "echo" || event.fromPageInbox);
  // The echo of a message Convo sent names its outbox row: proof that it arrived.
  const outboxId =
    event.kind === "echo" && !event.fromPageInbox ? outboxIdOfEcho(event.metadata) : undefined;
  return {
    ...(outboxId !== undefined && event.kind === "echo" && event.mid
      ? { confirms: { outboxId, messageId: event.mid } }
      : {}),
    ...statusEffect(event),
    dedupeKey: event.dedupeKey,
    psid: event.psid,
    kind: event.channel === "standby" ? `standby:${event.kind}` : event.kind,
    event: {
      source: "messenger",
      event: event as unknown as { kind: string; psid: string | null },
    },
    actionable,
  };
}

/**
 * A WhatsApp status names its outbox row by the `biz_opaque_callback_data` it was sent with:
 * `sent` (and after) proves it reached Meta, as an echo does; `failed` marks it failed with
 * Meta's code and words (131047 outside the window, 131026 undeliverable, …).
 */
function statusEffect(event: InboundEvent): Pick<NewInboxEvent, "confirms" | "fails"> {
  if (event.kind !== "status") return {};
  const outboxId = outboxIdOfEcho(event.metadata);
  if (outboxId === undefined) return {};
  if (event.status !== "failed") return { confirms: { outboxId, messageId: event.mid } };
  const error = event.errors?.[0];
  const words = [error?.title, error?.details].filter(Boolean).join(": ");
  return {
    fails: {
      outboxId,
      code: error === undefined ? "failed" : String(error.code),
      reason: `WhatsApp did not deliver it${words ? ` (${words})` : ""}`,
    },
  };
}
