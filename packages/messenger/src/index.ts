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
