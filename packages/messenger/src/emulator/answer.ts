import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONValue } from "hono/utils/types";
import type { z } from "zod";
import { type GraphFailure, graphError } from "./errors";
import { NO_BODY } from "./read-body";

/** What a route answered, kept so the call is recorded without reading the Response back. */
export interface Answer {
  status: number;
  body: unknown;
}

/** What the middleware hands to the routes (the JSON body, read once) and gets back. */
export type EmulatorEnv = {
  Variables: { body: unknown; answer: Answer; warnings: string[] | undefined };
};

/** The call's JSON body, or undefined when it had none. */
export function bodyOf(c: Context<EmulatorEnv>): unknown {
  const body = c.get("body");
  return body === NO_BODY ? undefined : body;
}

/** A failure as an HTTP response, outside a route (access checks, injected faults). */
export function respond(failure: GraphFailure): Response {
  if (typeof failure.body === "string") {
    return new Response(failure.body, {
      status: failure.status,
      headers: { "content-type": "text/plain" },
    });
  }
  return Response.json(failure.body, { status: failure.status });
}

/** Answers with `body` and keeps it for the recording middleware. */
export function reply(c: Context<EmulatorEnv>, body: unknown, status = 200): Response {
  c.set("answer", { status, body });
  return c.json(body as JSONValue, status as ContentfulStatusCode);
}

export function fail(c: Context<EmulatorEnv>, failure: GraphFailure): Response {
  return reply(c, failure.body, failure.status);
}

/**
 * Meta words parameter errors as `(#100) param <path> <problem>`, and a text past its limit as
 * `(#100) Length of param message[text] must be less than or equal to 2000`.
 */
export function badParameter(error: z.ZodError): GraphFailure {
  const issue = error.issues[0];
  if (issue?.code === "too_big" && issue.origin === "string" && issue.path.length > 0) {
    const [first, ...rest] = issue.path.map(String);
    const param = `${first}${rest.map((part) => `[${part}]`).join("")}`;
    return graphError(
      400,
      100,
      `(#100) Length of param ${param} must be less than or equal to ${String(issue.maximum)}`,
    );
  }
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
  return graphError(400, 100, `(#100) param ${path}: ${issue?.message ?? "is invalid"}`);
}
