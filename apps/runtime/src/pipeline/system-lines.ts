import type { EngineErrorCode } from "@convo/flow";
import type { NewTranscript } from "../store/contacts";

/**
 * What the runtime notes in a transcript by itself (`author: "system"`): each line keeps an
 * English `text` for API readers, and a `line` code in its payload (with `appId`, or the engine's
 * `error` code) that the editor words in its reader's language. A new line goes here first; the
 * editor's test holds its words to this list.
 */
export const SYSTEM_LINES = [
  "taken",
  "requested_passed",
  "requested_kept",
  "returned",
  "handed_to_app",
  "handed_to_person",
  "flow_error",
  "bot_resumed",
] as const;

export type SystemLineCode = (typeof SYSTEM_LINES)[number];

export interface SystemLinePayload {
  line: SystemLineCode;
  /** The other app of a thread line or a hand-over; null when Meta does not say which. */
  appId?: string | null;
  /** A `flow_error` line's engine code and step. */
  error?: EngineErrorCode;
  nodeId?: string | null;
  [more: string]: unknown;
}

export function systemLine(text: string, at: number, payload: SystemLinePayload): NewTranscript {
  return { at, direction: "out", author: "system", kind: "event", text, payload };
}
