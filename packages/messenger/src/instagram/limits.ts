import type { ChannelLimits } from "@convo/flow";
import { MESSENGER_LIMITS } from "../messenger/limits";

/**
 * Instagram's limits (Instagram Messaging: send a message, quick replies, button and generic
 * templates). A text is at most 1,000 bytes of UTF-8 (the renderer counts bytes; lint counts
 * characters, which is never fewer); quick replies are 13 of 20 characters, plain text only;
 * button and generic templates take Messenger's shapes and limits. Browser-safe.
 */
export const INSTAGRAM_LIMITS = {
  ...MESSENGER_LIMITS,
  text: 1000,
} as const satisfies ChannelLimits;
