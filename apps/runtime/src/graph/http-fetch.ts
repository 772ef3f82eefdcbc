import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { GraphFetch } from "@convo/messenger";

class TimeoutError extends Error {
  override readonly name = "TimeoutError";
}

/** Request options per URL: the Send API's URL is the same for every message. */
const MAX_CACHED_URLS = 64;

/**
 * The Graph API client's transport over node:http keep-alive agents. The Send API is the runtime's
 * hottest outbound path: undici's `fetch` costs about twice the CPU per call (web streams, the
 * Request/Response machinery, an AbortSignal and its timer), so this answers the plain
 * `{ ok, status, text }` the client reads and times out with the socket's own timer.
 */
export function createHttpFetch(maxSockets = 64): GraphFetch {
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });
  const parsed = new Map<string, { secure: boolean; options: RequestOptions }>();
  const target = (url: string) => {
    const known = parsed.get(url);
    if (known) return known;
    const u = new URL(url);
    const secure = u.protocol === "https:";
    const found = {
      secure,
      options: {
        protocol: u.protocol,
        hostname: u.hostname.replace(/^\[|\]$/g, ""),
        port: u.port,
        path: `${u.pathname}${u.search}`,
        agent: secure ? https : http,
      },
    };
    if (parsed.size < MAX_CACHED_URLS) parsed.set(url, found);
    return found;
  };
  return (url, init) =>
    new Promise((resolve, reject) => {
      const { secure, options } = target(url);
      const req = (secure ? httpsRequest : httpRequest)(
        { ...options, method: init.method, headers: init.headers, timeout: init.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const status = res.statusCode ?? 500;
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({ ok: status >= 200 && status < 300, status, text: async () => text });
          });
        },
      );
      req.on("error", reject);
      // No byte for `timeoutMs` (connecting, or waiting for the answer): give up.
      req.on("timeout", () => req.destroy(new TimeoutError(`no answer in ${init.timeoutMs} ms`)));
      req.end(init.body);
    });
}
