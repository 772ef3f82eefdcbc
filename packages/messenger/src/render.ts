/** `@convo/messenger/render`: engine messages to Send API bodies and back. Browser-safe. */
export type {
  OutTemplate,
  RenderOptions,
  RenderResult,
  SentItem,
} from "./channel/types";
export { PRIVATE_REPLY_WINDOW_MS, renderPrivateReply } from "./send/private-reply";
export { readSendBody } from "./send/read-sent";
export {
  MESSENGER_SEND_PROFILE,
  type MessengerWindow,
  renderSend,
  renderSendFor,
  renderTyping,
  type SendProfile,
  USER_REF_RECIPIENT,
} from "./send/render";
export type {
  GenericElement,
  MessageTag,
  OutgoingMessage,
  SendBody,
  SendButton,
  SendQuickReply,
} from "./send/schemas";
export { readWhatsAppBody } from "./whatsapp/read-sent";
export { renderWhatsApp } from "./whatsapp/render";
export type { WhatsAppMessage, WhatsAppSend, WhatsAppTemplate } from "./whatsapp/schemas";
