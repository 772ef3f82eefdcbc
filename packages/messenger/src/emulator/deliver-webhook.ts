import { signBody } from "../webhook/verify";

export interface DeliverWebhookOptions {
  /** The webhook endpoint, e.g. `http://127.0.0.1:8080/webhooks/messenger`. */
  url: string;
  /** A body object (serialised as Meta does, without escaping non-ASCII) or the exact bytes. */
  body: unknown;
  appSecret: string;
  /** Override the signature header, to test refusals. */
  signature?: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * Plays Meta delivering a webhook: POSTs the body with `X-Hub-Signature-256` computed over the
 * exact bytes sent. For the runtime's end-to-end tests and the sandbox's "customer writes" box.
 */
export function deliverWebhook(options: DeliverWebhookOptions): Promise<Response> {
  const bytes =
    options.body instanceof Uint8Array
      ? options.body
      : Buffer.from(JSON.stringify(options.body), "utf8");
  const doFetch = options.fetch ?? globalThis.fetch;
  return doFetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": options.signature ?? signBody(bytes, options.appSecret),
    },
    // A copy over a plain ArrayBuffer: what both Node's and the DOM's fetch types accept.
    body: new Uint8Array(bytes),
  });
}
