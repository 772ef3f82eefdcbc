/** `@convo/messenger/channel`: the channel interface and every channel's browser-safe record. */

export { type ChannelLintOptions, lintForChannels } from "./lint";
export { type Preview, previewOn } from "./preview";
export { CHANNEL_SPECS } from "./specs";
export type * from "./types";
export { windowVerdict } from "./window";
