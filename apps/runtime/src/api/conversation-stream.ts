import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { ConversationFeed, ConversationNews } from "../conversation-feed";

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * The inbox's news to one agent as server-sent events: `ready` once listening, then each piece
 * of news as an event named by its type, with heartbeats between. Ends when the client goes or
 * the runtime stops.
 */
export function conversationStream(c: Context, feed: ConversationFeed): Response {
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    let over = false;
    let finish = () => {};
    const gone = new Promise<void>((resolve) => {
      finish = () => {
        over = true;
        resolve();
      };
    });
    const send = (news: ConversationNews) => {
      if (over || stream.closed) return;
      void stream.writeSSE({ event: news.type, data: JSON.stringify(news) }).catch(finish);
    };
    const stop = feed.subscribe(send, finish);
    stream.onAbort(finish);
    try {
      await stream.writeSSE({ event: "ready", data: "{}" });
      while (!over && !stream.closed) {
        let timer: NodeJS.Timeout | undefined;
        const beat = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, HEARTBEAT_MS);
        });
        await Promise.race([beat, gone]);
        clearTimeout(timer);
        if (over || stream.closed) break;
        await stream.write(": heartbeat\n\n");
      }
    } finally {
      stop();
    }
  });
}
