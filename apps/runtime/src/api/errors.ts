import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { ErrorCode } from "../error-codes";
import { BODY_LIMITS, readCappedText } from "./read-capped";

/** An error meant for the caller: its status, a stable code, a sentence, and optional details. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function notFound(what: string): ApiError {
  return new ApiError(404, "not_found", `${what} does not exist.`);
}

function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(body)" : out;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/**
 * Reads the JSON body, at most `maxBytes` of it (413 `too_large` past that, before it is read
 * whole); anything that is not JSON is a 400, never a 500.
 */
export async function readJson(c: Context, maxBytes: number = BODY_LIMITS.small): Promise<unknown> {
  const text = await readCappedText(c, maxBytes);
  if (text === undefined) {
    throw new ApiError(413, "too_large", `The body is larger than ${sizeText(maxBytes)}.`, {
      limit: maxBytes,
    });
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
  }
}

/** A zod error as the API gives it: `[{ path, message }]`. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}

/** The body, checked against `schema`: 400 `invalid_body` with `issues: [{ path, message }]`. */
export async function readBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  maxBytes: number = BODY_LIMITS.small,
): Promise<z.infer<T>> {
  const body = (await readJson(c, maxBytes)) ?? {};
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(400, "invalid_body", "The body is not valid.", {
      issues: issuesOf(parsed.error),
    });
  }
  return parsed.data;
}
