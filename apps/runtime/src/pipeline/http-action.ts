import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import type { HttpRequest, SecretPlace } from "@convo/engine";
import { renderTemplate, templateReferences } from "@convo/flow";
import { isPrivateAddress } from "./private-address";

/** What an HTTP action answers, as the engine's `http_result` event carries it. */
export interface HttpOutcome {
  ok: boolean;
  status?: number;
  body?: unknown;
  error?: string;
}

export interface HttpRules {
  /** Loopback, private, link-local and other non-public addresses are refused unless set. */
  allowPrivate: boolean;
  /** Values for `{{secrets.NAME}}`. */
  secrets: Record<string, string>;
  /**
   * Sent as `Idempotency-Key` (unless the flow sets one): the same for every attempt of one step,
   * so an API that honours the header does the work once even when a crash makes Convo ask again.
   */
  idempotencyKey?: string;
  maxBytes?: number;
  maxTimeoutMs?: number;
}

export const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_TIMEOUT_MS = 30_000;

class RefusedAddress extends Error {}

/** DNS lookup that refuses private answers, so the check holds for the address connected to. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (bad || list.length === 0) {
        return callback(
          new RefusedAddress(`${hostname} resolves to a private address (${bad?.address})`),
          "",
          4,
        );
      }
      if (options.all) return callback(null, list as never, 4);
      const first = list[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Fills the `{{secrets.NAME}}` the flow's author wrote, at the places the engine marked, and
 * nowhere else: the rest of `text` is values (a contact's answer, an API's answer) that are never
 * templated again, so typing `{{secrets.KEY}}` sends those characters, not the key.
 */
function fillSecrets(
  text: string,
  places: readonly SecretPlace[],
  secrets: Record<string, string>,
): string {
  let out = text;
  let before = Number.POSITIVE_INFINITY;
  // From the end, so the offsets of the places still to fill stay right.
  for (const place of [...places].sort((a, b) => b.at - a.at)) {
    const end = place.at + place.length;
    if (place.at < 0 || end > before) continue;
    const span = text.slice(place.at, end);
    const refs = templateReferences(span);
    // The place must hold exactly one secret reference, as written.
    if (!/^\{\{[^{}]*\}\}$/.test(span) || refs.length !== 1 || refs[0]?.namespace !== "secrets") {
      continue;
    }
    const filled = renderTemplate(span, (ref) => secrets[ref.key] ?? "");
    out = out.slice(0, place.at) + filled + out.slice(end);
    before = place.at;
  }
  return out;
}

function decodeBody(bytes: Buffer, contentType: string | undefined): unknown {
  const text = bytes.toString("utf8");
  if (contentType?.includes("json") || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function headersOf(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * Carries out an engine `http` action: http(s) only, a time-out, a 1 MB cap on the answer, and no
 * private or loopback addresses (checked after DNS resolution) unless the rules allow them.
 * Never throws: every failure is an outcome with `error`.
 */
export async function performHttp(request: HttpRequest, rules: HttpRules): Promise<HttpOutcome> {
  const { headers: _headers, ...outcome } = await exchangeHttp(request, rules);
  return outcome;
}

/** `performHttp`, with the answer's headers (for the editor's "Test request"). */
export function exchangeHttp(
  request: HttpRequest,
  rules: HttpRules,
): Promise<HttpOutcome & { headers?: Record<string, string> }> {
  const maxBytes = rules.maxBytes ?? MAX_RESPONSE_BYTES;
  const timeoutMs = Math.max(
    1,
    Math.min(request.timeoutMs || 10_000, rules.maxTimeoutMs ?? MAX_TIMEOUT_MS),
  );
  const places = request.secrets ?? [];
  const at = (field: SecretPlace["field"], header?: number) =>
    places.filter((p) => p.field === field && (field !== "header" || p.header === header));
  let url: URL;
  try {
    url = new URL(fillSecrets(request.url, at("url"), rules.secrets));
  } catch {
    return Promise.resolve({ ok: false, error: "The URL is not valid." });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve({ ok: false, error: "Only http and https URLs are allowed." });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !rules.allowPrivate && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, error: `${host} is a private address.` });
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((h, i) => {
    headers[h.name] = fillSecrets(h.value, at("header", i), rules.secrets);
  });
  const named = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (rules.idempotencyKey !== undefined && !named("idempotency-key")) {
    headers["Idempotency-Key"] = rules.idempotencyKey;
  }
  const body =
    request.body === undefined ? undefined : fillSecrets(request.body, at("body"), rules.secrets);
  if (body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(body));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: HttpOutcome & { headers?: Record<string, string> }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: request.method, headers, lookup: guardedLookup(rules.allowPrivate) },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            finish({ ok: false, status: res.statusCode, error: "The answer is larger than 1 MB." });
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          finish({
            ok: status >= 200 && status < 300,
            status,
            body: decodeBody(Buffer.concat(chunks), res.headers["content-type"]),
            headers: headersOf(res),
          });
        });
        res.on("error", (error) => finish({ ok: false, error: error.message }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, error: `No answer within ${timeoutMs} ms.` });
    }, timeoutMs);
    req.on("error", (error) => {
      finish({
        ok: false,
        error: error instanceof RefusedAddress ? error.message : `Request failed: ${error.message}`,
      });
    });
    if (body !== undefined) req.write(body);
    req.end();
  });
}
