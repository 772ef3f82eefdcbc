import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { GraphFetch } from "@convo/messenger";

/**
 * The Graph API client's transport over node:http keep-alive agents. The Send API is the runtime's
 * hottest outbound path: undici's `fetch` costs about twice the CPU per call (web streams, the
 * Request/Response machinery), so this answers the plain `{ ok, status, text }` the client reads.
 */
export function createHttpFetch(maxSockets = 64): GraphFetch {
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });
  return (url, init) =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === "https:";
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method: init.method, headers: init.headers, agent: secure ? https : http },
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
      const { signal } = init;
      const abort = () =>
        req.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
      if (signal.aborted) abort();
      else {
        signal.addEventListener("abort", abort, { once: true });
        req.on("close", () => signal.removeEventListener("abort", abort));
      }
      req.end(init.body);
    });
}
