import type { ChannelLimits } from "@convo/flow";

/**
 * WhatsApp Cloud API limits (Messages API reference: text, interactive reply buttons, interactive
 * list, media), the one place they are written. Browser-safe.
 *
 * `buttons` and `quickReplies` are the choices a step may offer: up to 3 are sent as reply
 * buttons (title ≤ 20), 4 to 10 as a list message (row title ≤ 24), so lint refuses 11 and notes
 * the list. Payloads are the ids Meta hands back: ≤ 256 characters for a button, 200 for a row.
 */
export const WHATSAPP_LIMITS = {
  /** Characters in a text message's `text.body`. */
  text: 4096,
  /** Characters in an interactive message's `body.text`. */
  buttonTemplateText: 1024,
  buttons: 10,
  buttonTitle: 20,
  quickReplies: 10,
  quickReplyTitle: 20,
  cards: 10,
  cardTitle: 80,
  cardSubtitle: 80,
  payload: 200,
} as const satisfies ChannelLimits;

/** The shapes' own limits, beyond what lint checks. */
export const WHATSAPP_SHAPES = {
  replyButtons: 3,
  replyButtonTitle: 20,
  replyButtonId: 256,
  listRows: 10,
  listSections: 10,
  listRowTitle: 24,
  listRowDescription: 72,
  listRowId: 200,
  listButton: 20,
  sectionTitle: 24,
  headerText: 60,
  footerText: 60,
  interactiveBody: 1024,
  caption: 1024,
  text: 4096,
  /** A cta_url button's `display_text`. */
  ctaDisplayText: 20,
} as const;

/** The list's button when a step offers more choices than reply buttons hold. */
export const WHATSAPP_LIST_BUTTON = "Choose";
