import type { Channel } from "../channel/types";
import { toEngineEvent } from "../webhook/to-engine-event";
import type { InboundEvent } from "../webhook/types";
import { verifyChallenge, verifySignature } from "../webhook/verify";
import { createWhatsAppClient, type WhatsAppClient, type WhatsAppClientOptions } from "./client";
import {
  createWhatsAppEmulator,
  type WhatsAppEmulator,
  type WhatsAppEmulatorOptions,
} from "./emulator";
import type { WhatsAppSend } from "./schemas";
import { whatsappSpec } from "./spec";
import { parseWhatsAppWebhook, type WhatsAppParseOptions } from "./webhook";

export type WhatsAppChannel = Channel<
  "whatsapp",
  WhatsAppSend,
  never,
  InboundEvent,
  WhatsAppParseOptions,
  WhatsAppClientOptions,
  WhatsAppClient,
  WhatsAppEmulatorOptions,
  WhatsAppEmulator
>;

/**
 * WhatsApp whole (Node only): Meta posts `whatsapp_business_account` bodies to
 * `/webhooks/whatsapp`, signed with the WhatsApp app's secret (`X-Hub-Signature-256`, as for
 * Messenger), with its own GET handshake; sends go to the Cloud API's `/{phone-number-id}/messages`.
 */
export const whatsappChannel: WhatsAppChannel = {
  ...whatsappSpec,
  webhook: {
    path: "/webhooks/whatsapp",
    objects: ["whatsapp_business_account"],
    verifyChallenge,
    verifySignature,
    parse: parseWhatsAppWebhook,
    toEngineEvent,
  },
  createClient: createWhatsAppClient,
  createEmulator: createWhatsAppEmulator,
};
