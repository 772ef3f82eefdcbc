import type { ChannelLimits } from "@convo/flow";

/**
 * Messenger's limits (Send API reference), the one place they are written: lint checks flows
 * against them, the engine fits rendered texts to them, the renderer and the Send API schemas
 * refuse what exceeds them, and the editor's forms show them. Browser-safe.
 */
export const MESSENGER_LIMITS = {
  /** Characters in a text message. */
  text: 2000,
  /** Characters in the text of a button template (a text with buttons). */
  buttonTemplateText: 640,
  /** Buttons on a text or on a card. */
  buttons: 3,
  buttonTitle: 20,
  quickReplies: 13,
  quickReplyTitle: 20,
  /** Cards in a generic template (a gallery). */
  cards: 10,
  cardTitle: 80,
  cardSubtitle: 80,
  /** Bytes in a postback or quick-reply payload. */
  payload: 1000,
} as const satisfies ChannelLimits;

/** Characters in a message's `metadata`, which Meta echoes back. */
export const MESSENGER_METADATA_LIMIT = 1000;
