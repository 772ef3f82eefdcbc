import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

/**
 * A minimal `fetch` for the Graph API client over node:http keep-alive agents. The Send API is the
 * runtime's hottest outbound path, and undici's `fetch` costs about twice the CPU per call (web
 * streams, Request/Response machinery) measured against the emulator. It supports what the
 * client uses: method, plain-object headers, a string body, an abort signal.
 */
export function createHttpFetch(maxSockets = 64): typeof globalThis.fetch {
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url =
        input instanceof URL ? input : new URL(typeof input === "string" ? input : input.url);
      const secure = url.protocol === "https:";
      const headers =
        init?.headers === undefined ||
        init.headers instanceof Headers ||
        Array.isArray(init.headers)
          ? Object.fromEntries(new Headers(init?.headers).entries())
          : (init.headers as Record<string, string>);
      const body = typeof init?.body === "string" ? init.body : undefined;
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method: init?.method ?? "GET", headers, agent: secure ? https : http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const status = res.statusCode ?? 500;
            const text = Buffer.concat(chunks).toString("utf8");
            resolve(new Response(status === 204 || status === 304 ? null : text, { status }));
          });
        },
      );
      req.on("error", reject);
      const signal = init?.signal;
      if (signal) {
        const abort = () =>
          req.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
        if (signal.aborted) abort();
        else {
          signal.addEventListener("abort", abort, { once: true });
          req.on("close", () => signal.removeEventListener("abort", abort));
        }
      }
      req.end(body);
    });
}
