import type { Flow } from "@convo/flow";
import type { components, operations } from "./openapi";

/**
 * The management API's answers, typed from the runtime's OpenAPI document (`./openapi.ts` is
 * generated from it: `pnpm --filter @convo/runtime openapi`). A flow document is `@convo/flow`'s
 * `Flow`, which the document's schema of it was generated from.
 */
type Schemas = components["schemas"];

/** The JSON answer of an operation (by its `operationId`) with that status. */
export type Answer<
  Op extends keyof operations,
  Status extends number = 200,
> = operations[Op] extends {
  responses: { [S in Status]: { content: { "application/json": infer T } } };
}
  ? T
  : never;

type WithFlow<T> = Omit<T, "flow"> & { flow: Flow };

/** Every `error.code` the runtime answers with (its `ERROR_CODES`). */
export type ErrorCode = Schemas["Error"]["error"]["code"];
export type FlowSummary = Schemas["FlowSummary"];
export type FlowDetail = WithFlow<Schemas["FlowDetail"]>;
export type VersionSummary = Schemas["VersionSummary"];
export type VersionDetail = WithFlow<Schemas["VersionDetail"]>;
export type RuntimeStatus = Schemas["RuntimeStatus"];
export type PagePolicy = Answer<"getInboxPolicy">;
export type Contact = Schemas["Contact"];
export type TranscriptEntry = Schemas["TranscriptMessage"];
export type ContactEvent = Schemas["ContactEvent"];
export type FlowStats = Schemas["FlowStats"];
export type HttpOutcome = Schemas["HttpOutcome"];
export type AiOutcome = Schemas["AiOutcome"];
export type SentCall = Answer<"getSandboxSent">["calls"][number];
