/**
 * The Graph transport's thread: performs the calls `createThreadFetch` hands it over node:http,
 * so the sockets, HTTP parsing and TLS of the Send API run beside the main thread, not on it.
 */
import { parentPort } from "node:worker_threads";
import { createHttpFetch } from "./http-fetch";

export interface CallMessage {
  id: number;
  url: string;
  init: { method: string; timeoutMs: number; headers?: Record<string, string>; body?: string };
}

export type AnswerMessage =
  | { id: number; ok: boolean; status: number; text: string }
  | { id: number; error: { name: string; message: string } };

/** Posted once the thread listens. */
export const READY = { ready: true } as const;

const port = parentPort;
if (port) {
  const fetch = createHttpFetch();
  port.on("message", (call: CallMessage) => {
    fetch(call.url, call.init).then(
      async (response) => {
        const answer: AnswerMessage = {
          id: call.id,
          ok: response.ok,
          status: response.status,
          text: await response.text(),
        };
        port.postMessage(answer);
      },
      (error: unknown) => {
        const answer: AnswerMessage = {
          id: call.id,
          error: {
            name: error instanceof Error ? error.name : "Error",
            message: error instanceof Error ? error.message : String(error),
          },
        };
        port.postMessage(answer);
      },
    );
  });
  port.postMessage(READY);
}
