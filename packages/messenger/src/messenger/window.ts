import type { WindowPolicy } from "../channel/types";

const HOUR = 3_600_000;

/**
 * Messenger's messaging window: a reply within 24 hours of the contact's last message; after it,
 * only a tagged message: `HUMAN_AGENT` (a person answering) for 7 days, the update tags (an event,
 * a purchase, an account) without end. Browser-safe.
 */
export const MESSENGER_WINDOW = {
  channel: "Messenger",
  responseMs: 24 * HOUR,
  tags: {
    HUMAN_AGENT: 7 * 24 * HOUR,
    CONFIRMED_EVENT_UPDATE: Number.POSITIVE_INFINITY,
    POST_PURCHASE_UPDATE: Number.POSITIVE_INFINITY,
    ACCOUNT_UPDATE: Number.POSITIVE_INFINITY,
  },
  outsideNeeds: "a message tag",
} as const satisfies WindowPolicy;

/** The Send API's message tags: the ones Messenger's window takes. */
export type MessageTag = keyof typeof MESSENGER_WINDOW.tags;

/** Messenger's standard messaging window after the contact's last message. */
export const RESPONSE_WINDOW_MS = MESSENGER_WINDOW.responseMs;
/** The HUMAN_AGENT tag lets a person answer for 7 days after the contact's last message. */
export const HUMAN_AGENT_WINDOW_MS = MESSENGER_WINDOW.tags.HUMAN_AGENT;
