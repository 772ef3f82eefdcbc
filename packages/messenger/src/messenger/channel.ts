import type { Channel } from "../channel/types";
import {
  createGraphEmulatorApp,
  type GraphEmulator,
  type GraphEmulatorOptions,
} from "../emulator/app";
import { createSendApiClient, type SendApiClient, type SendApiClientOptions } from "../send/client";
import type { SendBody } from "../send/schemas";
import { type ParseOptions, parseWebhook } from "../webhook/parse";
import { toEngineEvent } from "../webhook/to-engine-event";
import type { InboundEvent } from "../webhook/types";
import { verifyChallenge, verifySignature } from "../webhook/verify";
import { messengerSpec } from "./spec";
import type { MessageTag } from "./window";

export type MessengerChannel = Channel<
  "messenger",
  SendBody,
  MessageTag,
  InboundEvent,
  ParseOptions,
  SendApiClientOptions,
  SendApiClient,
  GraphEmulatorOptions,
  GraphEmulator
>;

/**
 * Messenger whole (Node only): its spec, the webhook Meta posts to `/webhooks/messenger`, the
 * Send API client and the Graph API emulator. Instagram's bodies (`object: "instagram"`) arrive on
 * the same route and are read by the same parser; until Instagram is its own channel (its limits,
 * `HUMAN_AGENT` only), Messenger takes them, as the runtime always did.
 */
export const messengerChannel: MessengerChannel = {
  ...messengerSpec,
  webhook: messagingWebhook(["page"]),
  createClient: createSendApiClient,
  createEmulator: createGraphEmulatorApp,
};

/**
 * The Messenger Platform's webhook (`/webhooks/messenger`, `messaging` items, one parser) for the
 * body `objects` a channel takes there: `page` for Messenger, `instagram` for Instagram.
 */
export function messagingWebhook(objects: readonly string[]): MessengerChannel["webhook"] {
  return {
    path: "/webhooks/messenger",
    objects,
    verifyChallenge,
    verifySignature,
    parse: parseWebhook,
    toEngineEvent,
  };
}
