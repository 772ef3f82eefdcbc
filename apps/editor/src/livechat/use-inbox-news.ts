import { useEffect, useRef, useState } from "react";
import { authHeaders, type Credentials } from "../api/client";
import { readEvents } from "./sse";

/** What the runtime tells the inbox as it happens (`GET /api/conversations/stream`). */
export interface InboxNews {
  type: "opened" | "message" | "assigned" | "note" | "resolved";
  conversationId: string;
  psid: string;
  at: number;
}

export type StreamState = "connecting" | "live" | "offline";

/** After a lost stream, the next try waits this long (doubling up to the last). */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * The inbox's news while mounted, over `fetch` (EventSource cannot send the Bearer header): each
 * piece goes to `onNews`; a lost stream is opened again, and `onNews` gets a `null` once it is
 * back, since news may have been missed meanwhile (reload what is shown).
 */
export function useInboxNews(
  token: Credentials,
  onNews: (news: InboxNews | null) => void,
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const listener = useRef(onNews);
  listener.current = onNews;

  useEffect(() => {
    const controller = new AbortController();
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function connect() {
      try {
        const response = await fetch("/api/conversations/stream", {
          // A signed-in person's cookie goes by itself; the admin token in the header.
          headers: { ...authHeaders(token, "GET"), accept: "text/event-stream" },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const { events, rest } = readEvents(buffer + value);
          buffer = rest;
          for (const e of events) {
            if (e.event === "ready") {
              if (failures > 0) listener.current(null);
              failures = 0;
              setState("live");
              continue;
            }
            try {
              listener.current(JSON.parse(e.data) as InboxNews);
            } catch {
              // Not news this client knows: skipped.
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      if (controller.signal.aborted) return;
      setState("offline");
      const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
      failures++;
      timer = setTimeout(() => void connect(), wait);
    }
    void connect();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token]);

  return state;
}
