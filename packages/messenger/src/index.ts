/**
 * `@convo/messenger`: every channel whole (Node only). The browser-safe parts are also on their
 * own subpaths: `/channel` (the interface, `CHANNEL_SPECS`), `/render`, `/limits`.
 */
export { decodePayload, encodePayload, type PayloadTarget } from "@convo/flow";
export * from "./channel";
export { CHANNELS } from "./channel/channels";
export * from "./emulator";
export { GRAPH_API_VERSION } from "./graph-version";
export { type InstagramChannel, instagramChannel } from "./instagram/channel";
export {
  createInstagramEmulator,
  EMULATOR_INSTAGRAM_ACCOUNT_ID,
  INSTAGRAM_PLATFORM,
  type InstagramEmulatorOptions,
} from "./instagram/emulator";
export { INSTAGRAM_PROFILE_FIELDS, readInstagramProfile } from "./instagram/profile";
export { INSTAGRAM_SEND_PROFILE, instagramSpec } from "./instagram/spec";
export * from "./limits";
export { type MessengerChannel, messengerChannel } from "./messenger/channel";
export { messengerSpec } from "./messenger/spec";
export * from "./render";
export {
  createSendApiClient,
  fetchGraph,
  type GraphFetch,
  type PaceState,
  type ProfileField,
  type RateLimitNotice,
  type RetryPolicy,
  type SendApiClient,
  type SendApiClientOptions,
  type SendResult,
  type SubscribedApp,
  type UserProfileAnswer,
} from "./send/client";
export {
  classifyGraphFailure,
  GraphError,
  type GraphErrorCategory,
} from "./send/graph-error";
export * from "./send/schemas";
export { canonicalJson, hashKey } from "./webhook/dedupe";
export {
  CONVO_METADATA_PREFIX,
  type ParseOptions,
  type ParseResult,
  parseWebhook,
} from "./webhook/parse";
export { toEngineEvent } from "./webhook/to-engine-event";
export type * from "./webhook/types";
export { unknownKind } from "./webhook/unknown-kind";
export { signBody, verifyChallenge, verifySignature } from "./webhook/verify";
export { type WhatsAppChannel, whatsappChannel } from "./whatsapp/channel";
export {
  createWhatsAppClient,
  type WhatsAppClient,
  type WhatsAppClientOptions,
  type WhatsAppSendResult,
} from "./whatsapp/client";
export {
  createWhatsAppEmulator,
  EMULATOR_PHONE_NUMBER_ID,
  type EmulatedTemplate,
  startWhatsAppEmulator,
  type WhatsAppCall,
  type WhatsAppEmulator,
  type WhatsAppEmulatorOptions,
  type WhatsAppFault,
} from "./whatsapp/emulator";
export { whatsappMessageSchema } from "./whatsapp/schemas";
export { whatsappSpec } from "./whatsapp/spec";
export { parseWhatsAppWebhook, type WhatsAppParseOptions } from "./whatsapp/webhook";
export {
  type WhatsAppInboundItem,
  type WhatsAppStatusItem,
  whatsappWebhookBody,
} from "./whatsapp/webhook-body";
