import { IncomingMessage } from "node:http";
import type { Context } from "hono";

/** How many bytes an `/api` body may have: flows can be large, everything else is a small form. */
export const BODY_LIMITS = {
  /** Import, create or save a whole flow (a 1,000-node flow is about 1 MB of JSON). */
  flow: 5 * 1024 * 1024,
  /** Page settings, and the simulator's HTTP request (a 20,000-character body at most). */
  medium: 1024 * 1024,
  /** Every other body: names, notes, a message, a pause. */
  small: 64 * 1024,
} as const;

/**
 * The body as text, or undefined when it is larger than `limit`: a declared `Content-Length` over
 * the limit is refused before a byte is read, and a body without one (chunked) stops being read
 * at the limit. Either way the process never holds more than `limit` bytes of it.
 */
export async function readCappedText(c: Context, limit: number): Promise<string | undefined> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
    return undefined;
  }
  // Served by @hono/node-server: Node's own stream; otherwise (app.request in-process) the web one.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const bytes =
    incoming instanceof IncomingMessage
      ? await readNode(incoming, limit)
      : await readWeb(c.req.raw.body, limit);
  return bytes?.toString("utf8");
}

function readNode(incoming: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.off("data", onData);
        chunks.length = 0;
        // The rest is read and dropped, so the 413 still reaches a client that is sending it.
        incoming.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    incoming.on("data", onData);
    incoming.once("end", () => {
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    incoming.once("error", reject);
  });
}

async function readWeb(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer | undefined> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
