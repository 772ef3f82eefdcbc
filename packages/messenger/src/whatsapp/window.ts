import type { WindowPolicy } from "../channel/types";

const HOUR = 3_600_000;

/**
 * WhatsApp's customer service window: any message within 24 hours of the customer's last
 * message; after it only an approved template (Meta answers 131047 otherwise). No tags.
 * Browser-safe.
 */
export const WHATSAPP_WINDOW = {
  channel: "WhatsApp",
  responseMs: 24 * HOUR,
  tags: {},
  outsideNeeds: "an approved template",
} as const satisfies WindowPolicy<never>;
