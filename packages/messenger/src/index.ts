export { decodePayload, encodePayload, type PayloadTarget } from "@convo/flow";
export * from "./emulator";
export { GRAPH_API_VERSION } from "./graph-version";
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
  type UserProfileAnswer,
} from "./send/client";
export {
  classifyGraphFailure,
  GraphError,
  type GraphErrorCategory,
} from "./send/graph-error";
export {
  HUMAN_AGENT_WINDOW_MS,
  RESPONSE_WINDOW_MS,
  type RenderOptions,
  type RenderResult,
  renderSend,
  renderTyping,
  type SendWindow,
} from "./send/render";
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
export {
  type ChallengeQuery,
  type ChallengeResult,
  signBody,
  verifyChallenge,
  verifySignature,
} from "./webhook/verify";
