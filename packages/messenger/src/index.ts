/**
 * `@convo/messenger`: every channel whole (Node only). The browser-safe parts are also on their
 * own subpaths: `/channel` (the interface, `CHANNEL_SPECS`), `/render`, `/limits`.
 */
export { decodePayload, encodePayload, type PayloadTarget } from "@convo/flow";
export * from "./channel";
export { CHANNELS } from "./channel/channels";
export * from "./emulator";
export { GRAPH_API_VERSION } from "./graph-version";
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
export { signBody, verifyChallenge, verifySignature } from "./webhook/verify";
