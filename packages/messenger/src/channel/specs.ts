import { messengerSpec } from "../messenger/spec";
import type { ChannelId, ChannelSpec } from "./types";

/** Every channel's browser-safe record, by id. A channel missing here does not compile. */
export const CHANNEL_SPECS = {
  messenger: messengerSpec,
} as const satisfies { readonly [C in ChannelId]: ChannelSpec<C> };
