import { instagramSpec } from "../instagram/spec";
import { messengerSpec } from "../messenger/spec";
import { whatsappSpec } from "../whatsapp/spec";
import type { ChannelId, ChannelSpec } from "./types";

/** Every channel's browser-safe record, by id. A channel missing here does not compile. */
export const CHANNEL_SPECS = {
  messenger: messengerSpec,
  instagram: instagramSpec,
  whatsapp: whatsappSpec,
} as const satisfies { readonly [C in ChannelId]: ChannelSpec<C> };
