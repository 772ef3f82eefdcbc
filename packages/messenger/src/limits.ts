/** `@convo/messenger/limits`: each channel's limits and window. Browser-safe. */
export { MESSENGER_LIMITS, MESSENGER_METADATA_LIMIT } from "./messenger/limits";
export {
  HUMAN_AGENT_WINDOW_MS,
  MESSENGER_WINDOW,
  type MessageTag,
  RESPONSE_WINDOW_MS,
} from "./messenger/window";
