/** Messenger Platform limits that lint enforces while drawing (Send API reference). */
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
  cards: 10,
  cardTitle: 80,
  cardSubtitle: 80,
  /** Bytes in a postback or quick-reply payload. */
  payload: 1000,
} as const;
