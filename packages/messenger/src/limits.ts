/** `@convo/messenger/limits`: each channel's limits and window. Browser-safe. */

export { INSTAGRAM_LIMITS } from "./instagram/limits";
export { INSTAGRAM_WINDOW, type InstagramTag } from "./instagram/window";
export { MESSENGER_LIMITS, MESSENGER_METADATA_LIMIT } from "./messenger/limits";
export {
  HUMAN_AGENT_WINDOW_MS,
  MESSENGER_WINDOW,
  type MessageTag,
  RESPONSE_WINDOW_MS,
} from "./messenger/window";
export { WHATSAPP_LIMITS, WHATSAPP_LIST_BUTTON, WHATSAPP_SHAPES } from "./whatsapp/limits";
export { WHATSAPP_WINDOW } from "./whatsapp/window";
