export * from "./common";
export * from "./create";
export * from "./diff";
export * from "./document";
export type * from "./engine-types";
export * from "./events";
export * from "./json-schema";
export {
  type FieldLimit,
  type FieldLimits,
  type NodeKind,
  type NodeRole,
  nodeKind,
  type VariableUses,
} from "./kind";
export * from "./limits";
export { canPublish, type LintOptions, lintFlow } from "./lint";
export {
  type ClaimKind,
  type ClashProblem,
  clashesWith,
  lintClashes,
  type TriggerClaim,
  triggerClaims,
} from "./lint/clashes";
export type { NodeLintContext } from "./lint/context";
export { TAG_PROMOTION_RULE } from "./lint/events";
export { foldKeyword } from "./lint/fold";
export {
  knownContactFields,
  knownEventFields,
  knownTags,
  knownVariables,
} from "./lint/known-names";
export { callNumber, isHttpUrlOrTemplate, utf8Length } from "./lint/url";
export * from "./migrate";
export { kindOf, NODE_KINDS, NODE_TYPES, type NodeKinds } from "./nodes";
export { keptSamples, pickMapping, sampleNames } from "./nodes/action/samples";
export { httpStepSchema } from "./nodes/action/schema";
export { ANSWERED, UNSURE } from "./nodes/ai-answer";
export { cutText, knowledgePassages } from "./nodes/ai-answer/passages";
export {
  AI_ANSWER_LIMITS,
  DEFAULT_AI_TIMEOUT_MS,
  DEFAULT_MIN_SCORE,
  PASSAGE_MAX_CHARS,
  PASSAGES_SENT,
} from "./nodes/ai-answer/schema";
export { valueOperatorSchema } from "./nodes/condition/schema";
export { PAGE_INBOX_APP_ID } from "./nodes/handover/schema";
export { DEFAULT_MIN_CONFIDENCE, INTENT_LIMITS } from "./nodes/intent/schema";
export { SEND_AS, sendAsSchema, WHATSAPP_TEMPLATE_NAME } from "./nodes/message/schema";
export {
  EVENT_NAME_PATTERN,
  eventFieldTypeSchema,
  eventTriggerSchema,
} from "./nodes/trigger/schema";
export * from "./outputs";
export * from "./parse";
export * from "./payload";
export * from "./problems";
export * from "./redact";
export {
  compileSafePattern,
  MAX_PROGRAM,
  patternRefusal,
  type SafePattern,
} from "./safe-pattern";
export { MAX_COUNT, MAX_PATTERN_LENGTH } from "./safe-pattern/parse";
export * from "./schema";
export * from "./serialize";
export * from "./template";
export * from "./texts";
export * from "./translations";
// The CSV export and import of translations: `@convo/flow/translations/csv`, apart so that the
// editor's canvas, which imports this barrel, does not download it.
export type * from "./types";
