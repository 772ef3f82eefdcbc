/**
 * What one channel can show, as lint checks it while drawing and the engine fits rendered texts
 * to. The numbers belong to each channel (`@convo/messenger/limits`); this package only says
 * their shape, so it never depends on a channel and each number is written once.
 */
export interface ChannelLimits {
  /** Characters in a text message. */
  text: number;
  /** Characters in the text of a text with buttons (Messenger's button template). */
  buttonTemplateText: number;
  /** Buttons on a text or on a card. */
  buttons: number;
  buttonTitle: number;
  quickReplies: number;
  quickReplyTitle: number;
  cards: number;
  cardTitle: number;
  cardSubtitle: number;
  /** Bytes in a postback or quick-reply payload. */
  payload: number;
}

/** The channel a flow is linted for: its name (problems say "Messenger allows 20") and limits. */
export interface LintChannel {
  name: string;
  limits: ChannelLimits;
}
