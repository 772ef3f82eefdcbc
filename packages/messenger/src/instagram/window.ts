import type { WindowPolicy } from "../channel/types";

const HOUR = 3_600_000;

/**
 * Instagram's messaging window: a reply within 24 hours of the contact's last message; after it
 * only `HUMAN_AGENT` (a person answering), for 7 days. Instagram takes none of Messenger's update
 * tags. Browser-safe.
 */
export const INSTAGRAM_WINDOW = {
  channel: "Instagram",
  responseMs: 24 * HOUR,
  tags: { HUMAN_AGENT: 7 * 24 * HOUR },
  outsideNeeds: "the HUMAN_AGENT tag (a person answering)",
} as const satisfies WindowPolicy;

export type InstagramTag = keyof typeof INSTAGRAM_WINDOW.tags;
