import type { ChannelSpec } from "../channel/types";
import { readSendBody } from "../send/read-sent";
import { renderSendFor, renderTyping, type SendProfile } from "../send/render";
import type { SendBody } from "../send/schemas";
import { INSTAGRAM_LIMITS } from "./limits";
import { lintInstagramMessage } from "./lint";
import { INSTAGRAM_WINDOW, type InstagramTag } from "./window";

/**
 * What Instagram lacks of the Send API's shapes: file attachments (sent as their link), call
 * buttons, images on quick replies; texts are counted in bytes.
 */
export const INSTAGRAM_SEND_PROFILE: SendProfile = {
  name: "Instagram",
  limits: INSTAGRAM_LIMITS,
  window: INSTAGRAM_WINDOW,
  textInBytes: true,
  media: new Set(["image", "video", "audio"]),
  callButtons: false,
  quickReplyImages: false,
};

/** Instagram's browser-safe record: Messenger's Send API shapes within Instagram's limits. */
export const instagramSpec: ChannelSpec<"instagram", SendBody, InstagramTag> = {
  id: "instagram",
  name: "Instagram",
  limits: INSTAGRAM_LIMITS,
  window: INSTAGRAM_WINDOW,
  render: (message, recipient, window, options) =>
    renderSendFor(INSTAGRAM_SEND_PROFILE, message, recipient, window, options),
  renderTyping,
  readSent: readSendBody,
  callsOf: (body) => [body],
  lintMessage: lintInstagramMessage,
};
