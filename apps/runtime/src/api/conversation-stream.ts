import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { ConversationFeed, ConversationNews } from "../pipeline/conversation-feed";

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * The inbox's news to one agent as server-sent events: `ready` once listening, then each piece
 * of news as an event named by its type, with heartbeats between. Ends when the client goes.
 */
export function conversationStream(c: Context, feed: ConversationFeed): Response {
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    const send = (news: ConversationNews) => {
      if (stream.closed || stream.aborted) return;
      void stream.writeSSE({ event: news.type, data: JSON.stringify(news) }).catch(() => {});
    };
    const stop = feed.subscribe(send);
    const gone = new Promise<void>((resolve) => {
      stream.onAbort(() => {
        stop();
        resolve();
      });
    });
    try {
      await stream.writeSSE({ event: "ready", data: "{}" });
      while (!stream.aborted && !stream.closed) {
        let timer: NodeJS.Timeout | undefined;
        const beat = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, HEARTBEAT_MS);
        });
        await Promise.race([beat, gone]);
        clearTimeout(timer);
        if (stream.aborted || stream.closed) break;
        await stream.write(": heartbeat\n\n");
      }
    } finally {
      stop();
    }
  });
}
