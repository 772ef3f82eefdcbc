import type { IncomingMessage } from "node:http";

/** What a call without a body (a GET, an empty POST) reads as; recorded as `undefined`. */
export const NO_BODY = Symbol("no body");

/**
 * The JSON body of a call, read once; text that is not JSON is kept as text. Served by
 * @hono/node-server, `env.incoming` is the Node request: reading it straight skips building a web
 * Request body. In-process (`app.request()`, the runtime's sandbox) the Request is all there is.
 */
export async function readBody(
  req: { method: string; text(): Promise<string> },
  env: unknown,
): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD") return NO_BODY;
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const text =
    incoming && !incoming.readableDidRead ? await readIncoming(incoming) : await req.text();
  if (text === "") return NO_BODY;
  return parseJson(text);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function readIncoming(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    incoming.once("error", reject);
    // A client that hangs up mid-body ends with "close" alone: settle rather than wait forever.
    incoming.once("close", () => {
      if (!incoming.readableEnded) reject(new Error("request closed before its body ended"));
    });
  });
}
