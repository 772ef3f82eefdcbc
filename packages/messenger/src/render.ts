/** `@convo/messenger/render`: engine messages to Send API bodies and back. Browser-safe. */
export type {
  RenderOptions,
  RenderResult,
  SentItem,
} from "./channel/types";
export { readSendBody } from "./send/read-sent";
export {
  type MessengerWindow,
  renderSend,
  renderTyping,
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
