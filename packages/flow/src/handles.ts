/** What kind of output a handle is; the canvas draws and labels each kind its own way. */
export type OutputKind =
  | "next"
  | "button"
  | "quick_reply"
  | "choice"
  | "branch"
  | "else"
  | "variant"
  | "invalid"
  | "timeout"
  | "error"
  /** An AI step's answer was given, or its model did not know. */
  | "answered"
  | "unsure";

export interface NodeOutput {
  /** The handle id an edge names as `sourceHandle`. */
  id: string;
  kind: OutputKind;
  /** What the marketer sees beside the handle (a button's title, a branch's label). */
  label: string;
  /** JSON path of the thing this output comes from, for problems and the inspector. */
  path: string;
}

export const NEXT = "next";
export const ELSE = "else";
export const INVALID = "invalid";
export const TIMEOUT = "timeout";
export const ERROR = "error";

/** The default output of a step that goes on (a fresh object: callers may keep or change it). */
export function nextOutput(): NodeOutput {
  return { id: NEXT, kind: "next", label: "Next", path: "" };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
