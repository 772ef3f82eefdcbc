import { instagramChannel } from "../instagram/channel";
import { messengerChannel } from "../messenger/channel";
import { whatsappChannel } from "../whatsapp/channel";
import type { Channel, ChannelId } from "./types";

/** Every channel's whole record, by id (Node only). A channel missing here does not compile. */
export const CHANNELS = {
  messenger: messengerChannel,
  instagram: instagramChannel,
  whatsapp: whatsappChannel,
} as const satisfies { readonly [C in ChannelId]: Channel<C> };
