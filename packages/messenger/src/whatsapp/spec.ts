import type { ChannelSpec } from "../channel/types";
import { WHATSAPP_LIMITS } from "./limits";
import { lintWhatsAppMessage } from "./lint";
import { readWhatsAppBody } from "./read-sent";
import { renderWhatsApp, renderWhatsAppTyping } from "./render";
import type { WhatsAppSend } from "./schemas";
import { WHATSAPP_WINDOW } from "./window";

/** WhatsApp's browser-safe record: the Cloud API's message bodies within its limits and window. */
export const whatsappSpec: ChannelSpec<"whatsapp", WhatsAppSend, never> = {
  id: "whatsapp",
  name: "WhatsApp",
  limits: WHATSAPP_LIMITS,
  window: WHATSAPP_WINDOW,
  render: renderWhatsApp,
  renderTyping: renderWhatsAppTyping,
  readSent: readWhatsAppBody,
  callsOf: (body) => body.messages,
  lintMessage: lintWhatsAppMessage,
};
