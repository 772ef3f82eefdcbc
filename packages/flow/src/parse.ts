import type { z } from "zod";
import { migrateFlow } from "./migrate";
import { formatPath } from "./problems";
import { type Flow, flowSchema } from "./schema";

/** Why a document is not a valid flow: where (JSON path) and what, in plain words. */
export interface FlowError {
  path: string;
  message: string;
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
  if (!migrated.ok)
    return { ok: false, errors: [{ path: "schemaVersion", message: migrated.error }] };
  const parsed = flowSchema.safeParse(migrated.document, { error: plainMessage });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const path = formatPath(issue.path);
        const message = /^[A-Z"]/.test(issue.message)
          ? issue.message
          : `"${lastKey(issue.path)}" ${issue.message}.`;
        return { path: path === "" ? "(document)" : path, message };
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
    return { ok: false, errors: [{ path: "(document)", message: `This is not JSON: ${detail}` }] };
  }
  return parseFlow(document);
}
