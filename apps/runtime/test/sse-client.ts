/** One server-sent event as a client reads it. */
export interface ServerEvent {
  event: string;
  data: string;
  /** When the client read it (`performance.now()`). */
  at: number;
}

/**
 * A server-sent events client over `fetch` (a Bearer header, which EventSource cannot send):
 * every event read is kept in order; `next` waits for the first one after `from` that matches.
 */
export async function openEventStream(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) {
    throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  }
  const events: ServerEvent[] = [];
  const waiters = new Set<() => void>();
  let comments = 0;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments++;
          else if (line.startsWith("event: ")) event = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (data.length > 0) events.push({ event, data: data.join("\n"), at: performance.now() });
        for (const wake of waiters) wake();
      }
    }
  })().catch(() => {});
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    events,
    get comments() {
      return comments;
    },
    /** The first event from index `from` on that `match` accepts. */
    next(match: (e: ServerEvent) => boolean, from = 0, timeoutMs = 15_000): Promise<ServerEvent> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.slice(from).find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}

export type EventStream = Awaited<ReturnType<typeof openEventStream>>;

/** An event's data as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: read by shape in tests
export const dataOf = (e: ServerEvent): any => JSON.parse(e.data);
