import type { Channel } from "../channel/types";
import type { GraphEmulator } from "../emulator/app";
import { messagingWebhook } from "../messenger/channel";
import { createSendApiClient, type SendApiClient, type SendApiClientOptions } from "../send/client";
import type { SendBody } from "../send/schemas";
import type { ParseOptions } from "../webhook/parse";
import type { InboundEvent } from "../webhook/types";
import { createInstagramEmulator, type InstagramEmulatorOptions } from "./emulator";
import { instagramSpec } from "./spec";
import type { InstagramTag } from "./window";

export type InstagramChannel = Channel<
  "instagram",
  SendBody,
  InstagramTag,
  InboundEvent,
  ParseOptions,
  SendApiClientOptions,
  SendApiClient,
  InstagramEmulatorOptions,
  GraphEmulator
>;

/**
 * Instagram whole (Node only). Meta posts its bodies (`object: "instagram"`) to the Messenger
 * webhook, signed with the same app secret, in Messenger's `messaging` shape; sends go to
 * `POST /me/messages` with the Page token of the Page the account is linked to (or the Instagram
 * token), so the client is Messenger's; the emulator is Messenger's playing the account
 * (`createInstagramEmulator`: Instagram's send rules, profile fields and echoes).
 */
export const instagramChannel: InstagramChannel = {
  ...instagramSpec,
  webhook: messagingWebhook(["instagram"]),
  createClient: createSendApiClient,
  createEmulator: createInstagramEmulator,
};
