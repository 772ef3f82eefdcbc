export { compileSafePattern } from "@convo/flow";
export { bm25Index, terms } from "./ai/bm25";
export { type ContactChanges, foldActions } from "./contact-changes";
export { capText, ENGINE_LIMITS } from "./limits";
export { NODE_TYPES_OF_WAIT } from "./nodes";
export { answerRequestFor, passagesFor } from "./nodes/ai-answer";
export { compare, parseNumber } from "./nodes/condition";
export { httpRequestOf, sampleHttpRequest } from "./nodes/http-step";
export { formatJsonPath, readPath } from "./nodes/json-path";
export { validateAnswer } from "./nodes/validate";
export {
  Conversation,
  type ConversationOptions,
  type Tappable,
  tappables,
  tappableTitle,
} from "./runner/conversation";
export {
  type AiAnswer,
  type ConversationReport,
  describeActions,
  type RunConversationOptions,
  runConversation,
  runConversationWithModel,
  type TurnReport,
} from "./runner/run-conversation";
export {
  type Expectation,
  parseDuration,
  parseScript,
  type Script,
  type ScriptParse,
  type ScriptTurn,
} from "./runner/script";
export { initialSession } from "./session";
export { step } from "./step";
export { TEST_CONTACT } from "./test-contact";
export { foldCase, foldWords } from "./text";
export {
  defaultReply,
  GET_STARTED_PAYLOAD,
  keywordMatches,
  type MatchOptions,
  matchTrigger,
  type TriggerMatch,
} from "./triggers/match-trigger";
export type * from "./types";
