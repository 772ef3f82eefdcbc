import type { ChannelSpec } from "../channel/types";
import { readSendBody } from "../send/read-sent";
import { renderSend, renderTyping } from "../send/render";
import type { SendBody } from "../send/schemas";
import { MESSENGER_LIMITS } from "./limits";
import { MESSENGER_WINDOW, type MessageTag } from "./window";

/** Messenger's browser-safe record: what it shows, its window, its Send API bodies and back. */
export const messengerSpec: ChannelSpec<"messenger", SendBody, MessageTag> = {
  id: "messenger",
  name: "Messenger",
  limits: MESSENGER_LIMITS,
  window: MESSENGER_WINDOW,
  render: renderSend,
  renderTyping,
  readSent: readSendBody,
  callsOf: (body) => [body],
};
