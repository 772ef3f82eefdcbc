import { sampleHttpRequest } from "@convo/engine";
import { Hono } from "hono";
import type { Deps } from "../deps";
import { exchangeHttp } from "../pipeline/http-action";
import { readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { BODY_LIMITS } from "./read-capped";
import { httpTestBody, httpTestSpecs as spec } from "./specs/http-test";

/**
 * The editor's "Test request": the step's request built by the engine from its samples, sent by
 * the live worker's guarded fetch, with the secrets it used filled here and masked in the answer
 * (an API that echoes its headers must not hand a key to the browser).
 */
export function httpTestRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.run, async (c) => {
    const { step } = await readBody(c, httpTestBody, BODY_LIMITS.medium);
    const request = sampleHttpRequest(step, step.samples ?? {});
    const secrets = await deps.secrets.values();
    const outcome = await exchangeHttp(request, {
      allowPrivate: deps.config.allowPrivateHttp,
      secrets,
    });
    const mask = secretMask(usedSecrets(request, secrets));
    return c.json({
      ok: outcome.ok,
      request: { method: request.method, url: request.url },
      status: outcome.status ?? null,
      headers: mask(outcome.headers ?? {}) as Record<string, string>,
      body: mask(outcome.body ?? null),
      ...(outcome.error ? { error: mask(outcome.error) as string } : {}),
    });
  });
  return app;
}

/** The secrets the request was given: those its author wrote, at the places the engine marked. */
function usedSecrets(
  request: ReturnType<typeof sampleHttpRequest>,
  secrets: Record<string, string>,
): [string, string][] {
  const texts = [request.url, request.body ?? "", ...request.headers.map((h) => h.value)];
  return Object.entries(secrets).filter(
    ([name, value]) => value !== "" && texts.some((t) => t.includes(`secrets.${name}`)),
  );
}

/** Replaces each secret's value, as sent and as commonly re-encoded, wherever it appears. */
function secretMask(used: [string, string][]): (value: unknown) => unknown {
  const forms = used.flatMap(([name, value]) =>
    [value, encodeURIComponent(value), Buffer.from(value).toString("base64")].map(
      (form) => [form, `[secret ${name}]`] as const,
    ),
  );
  // Longest first, so a secret that contains another is masked whole.
  forms.sort((a, b) => b[0].length - a[0].length);
  const text = (s: string) => forms.reduce((out, [form, by]) => out.split(form).join(by), s);
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return text(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v)]));
    }
    return value;
  };
  return forms.length === 0 ? (value) => value : walk;
}
