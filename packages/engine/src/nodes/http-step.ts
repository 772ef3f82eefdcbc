import { type HttpStep, renderTemplateKeeping, type TemplateReference } from "@convo/flow";
import { ENGINE_LIMITS } from "../limits";
import type { HttpRequest } from "../types";
import { DEFAULT_HTTP_TIMEOUT_MS, encodeUrlPart, secretPlaces } from "./http-request";

type Encode = (value: string, offset: number) => string;
type Rendered = { text: string; kept: readonly { at: number; length: number }[] };

/** How an HTTP step's templates are filled: by a running session, or by an author's samples. */
export interface StepRenderer {
  render(text: string): string;
  /** Fills values and leaves `{{secrets.*}}` as written, saying where they sit. */
  renderKeeping(text: string, encode?: Encode): Rendered;
}

/**
 * The request an HTTP step sends: its templates filled, values escaped where they sit (URL parts,
 * JSON strings), the body capped, and the places of the `{{secrets.*}}` the author wrote, which
 * the host fills and nowhere else. The live step and the editor's "Test request" both build it here.
 */
export function httpRequestOf(step: HttpStep, r: StepRenderer): HttpRequest {
  const { keep, places } = secretPlaces();
  const headers = (step.headers ?? []).map((h, header) => ({
    name: r.render(h.name),
    value: keep(r.renderKeeping(h.value), { field: "header", header }),
  }));
  const url = r.renderKeeping(step.url, encodeUrlPart);
  const request: HttpRequest = {
    method: step.method,
    url: keep(url, { field: "url" }),
    headers,
    timeoutMs: step.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  };
  if (step.body !== undefined && step.method !== "GET") {
    const json = isJsonBody(step.body, headers);
    request.body = keep(
      r.renderKeeping(step.body, json ? jsonEscape : undefined),
      { field: "body" },
      ENGINE_LIMITS.httpBody,
    );
  }
  if (places.length > 0) request.secrets = places;
  return request;
}

/**
 * The request an HTTP step would send with these sample values, keyed as the author writes them
 * (`order_number`, `contact.first_name`, `event.order_id`). `{{secrets.*}}` is left to the host.
 */
export function sampleHttpRequest(
  step: HttpStep,
  samples: Readonly<Record<string, string>>,
): HttpRequest {
  const lookup = (reference: TemplateReference): string | undefined | null =>
    reference.namespace === "secrets"
      ? null
      : Object.hasOwn(samples, reference.name)
        ? samples[reference.name]
        : undefined;
  return httpRequestOf(step, {
    render: (text) => renderTemplateKeeping(text, lookup).text,
    renderKeeping: (text, encode) =>
      renderTemplateKeeping(text, (reference, offset) => {
        const value = lookup(reference);
        return typeof value === "string" && encode ? encode(value, offset) : value;
      }),
  });
}

function isJsonBody(body: string, headers: readonly { name: string; value: string }[]): boolean {
  const type = headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
  if (type !== undefined) return /json/i.test(type);
  const start = body.trimStart()[0];
  return start === "{" || start === "[";
}

/** Inside a JSON string literal, a value must not close the quotes it sits in. */
function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
