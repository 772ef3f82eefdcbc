import type { z } from "zod";
import { migrateFlow } from "./migrate";
import { formatPath } from "./problems";
import { CURRENT_SCHEMA_VERSION, type Flow, flowSchema } from "./schema";

/**
 * What is wrong, as a code an interface words in its reader's language (`import.issue.<code>`),
 * with the values the words need. `field` is the last name in the path.
 */
export type FlowErrorCode =
  | "not_a_flow"
  | "newer_version"
  | "schema_version"
  | "not_json"
  | "missing"
  | "wrong_type"
  | "too_many"
  | "too_long"
  | "empty"
  | "too_few"
  | "too_small"
  | "one_of"
  | "unknown_fields"
  | "invalid";

/** Why a document is not a valid flow: where (JSON path) and what, in plain words and as a code. */
export interface FlowError {
  path: string;
  message: string;
  code: FlowErrorCode;
  params?: Record<string, string | number>;
}

export type ParseResult =
  | { ok: true; flow: Flow; migratedFrom?: number }
  | { ok: false; errors: FlowError[] };

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

function describeInput(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "string") return "text";
  if (typeof input === "number") return "a number";
  if (typeof input === "boolean") return "true or false";
  return "an object";
}

function lastKey(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === "string") return part;
  }
  return "document";
}

/** Zod's messages are written for programmers; these are for the marketer reading an import error. */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const field = `"${lastKey(issue.path ?? [])}"`;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return `${field} is missing.`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${field} should be ${expected}, not ${describeInput(issue.input)}.`;
    }
    case "too_big":
      return issue.origin === "array"
        ? `${field} has too many items (at most ${issue.maximum}).`
        : `${field} is too large (at most ${issue.maximum}).`;
    case "too_small":
      if (issue.origin === "string") return `${field} cannot be empty.`;
      if (issue.origin === "array") return `${field} needs at least ${issue.minimum} item(s).`;
      return `${field} must be at least ${issue.minimum}.`;
    case "invalid_value":
      return `${field} must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}.`;
    case "unrecognized_keys":
      return `${issue.keys.map((k) => `"${k}"`).join(", ")} ${issue.keys.length > 1 ? "are not known fields" : "is not a known field"} here.`;
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) {
        return `${field} must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}.`;
      }
      return `${field} is not in any accepted shape.`;
    }
    default:
      return undefined;
  }
}

const TYPE_CODES: Record<string, string> = { int: "number" };

function inputType(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input === "object" ? "object" : typeof input;
}

/** The code and values of a zod issue, for an interface to word. */
function issueCode(issue: z.core.$ZodIssue): Pick<FlowError, "code" | "params"> {
  const field = lastKey(issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { code: "missing", params: { field } };
      return {
        code: "wrong_type",
        params: {
          field,
          expected: TYPE_CODES[issue.expected] ?? issue.expected,
          got: inputType(issue.input),
        },
      };
    case "too_big":
      return issue.origin === "array"
        ? { code: "too_many", params: { field, max: Number(issue.maximum) } }
        : { code: "too_long", params: { field, max: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string") return { code: "empty", params: { field } };
      if (issue.origin === "array") {
        return { code: "too_few", params: { field, min: Number(issue.minimum) } };
      }
      return { code: "too_small", params: { field, min: Number(issue.minimum) } };
    case "invalid_value":
      return {
        code: "one_of",
        params: { field, values: issue.values.map((v) => JSON.stringify(v)).join(", ") },
      };
    case "unrecognized_keys":
      return { code: "unknown_fields", params: { fields: issue.keys.join(", ") } };
    default:
      return { code: "invalid", params: { field } };
  }
}

/** The code of a document the migration chain refused. */
function migrationCode(input: unknown): Pick<FlowError, "code" | "params"> {
  const version =
    typeof input === "object" && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>).schemaVersion
      : undefined;
  if (version === undefined) return { code: "not_a_flow" };
  if (
    typeof version === "number" &&
    Number.isInteger(version) &&
    version > CURRENT_SCHEMA_VERSION
  ) {
    return { code: "newer_version", params: { version, reads: CURRENT_SCHEMA_VERSION } };
  }
  return { code: "schema_version" };
}

/**
 * Reads an untrusted document (an import, an API body, a file) as a flow of the current version,
 * migrating older versions first. Never throws.
 *
 * @example
 * const result = parseFlow(JSON.parse(text));
 * if (!result.ok) for (const e of result.errors) console.log(`${e.path}: ${e.message}`);
 */
export function parseFlow(input: unknown): ParseResult {
  const migrated = migrateFlow(input);
  if (!migrated.ok) {
    const path = migrationCode(input).code === "not_a_flow" ? "(document)" : "schemaVersion";
    return { ok: false, errors: [{ path, message: migrated.error, ...migrationCode(input) }] };
  }
  const parsed = flowSchema.safeParse(migrated.document, {
    error: plainMessage,
    // The input a field had, so the code can say "text, not a number".
    reportInput: true,
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const path = formatPath(issue.path);
        const message = /^[A-Z"]/.test(issue.message)
          ? issue.message
          : `"${lastKey(issue.path)}" ${issue.message}.`;
        return { path: path === "" ? "(document)" : path, message, ...issueCode(issue) };
      }),
    };
  }
  return migrated.from === undefined
    ? { ok: true, flow: parsed.data }
    : { ok: true, flow: parsed.data, migratedFrom: migrated.from };
}

/** Parses JSON text as a flow; text that is not JSON is reported as such. */
export function parseFlowJson(text: string): ParseResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: "(document)", message: `This is not JSON: ${detail}`, code: "not_json" }],
    };
  }
  return parseFlow(document);
}
