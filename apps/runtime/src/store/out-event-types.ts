/**
 * The events the brand's endpoints may subscribe to (`*` for all). The editor's events-out
 * settings offer each with its words (a test holds them to this list), so a new type goes here.
 */
export const OUT_EVENT_TYPES = [
  "contact.created",
  "contact.tagged",
  "contact.field_set",
  "handover.requested",
  "handover.ended",
  "conversation.completed",
  "message.failed",
  "event.delivered",
] as const;
export type OutEventType = (typeof OUT_EVENT_TYPES)[number];
