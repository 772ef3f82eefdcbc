import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { Worker } from "node:worker_threads";
import type { GraphFetch } from "@convo/messenger";
import type { AnswerMessage, CallMessage, READY } from "./http-worker";

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

/**
 * The same transport on its own thread (started at the first call, restarted if it dies): the
 * main thread only posts each call and reads its answer. Under load the Send API's HTTP work is
 * a sixth of the runtime's CPU; this moves it off the thread that steps conversations.
 */
export function createThreadFetch(): GraphFetch & {
  /** Starts the thread if needed; resolves once it takes calls. */
  ready(): Promise<void>;
  close(): Promise<void>;
} {
  type Pending = Map<
    number,
    { resolve: (answer: AnswerMessage) => void; reject: (error: Error) => void }
  >;
  /** The thread and the calls it has in hand (each thread its own: a dead one fails only its own). */
  let current: { worker: Worker; pending: Pending } | undefined;
  let started: Promise<void> = Promise.resolve();
  let nextId = 1;
  const start = () => {
    const w = new Worker(new URL("./http-worker-entry.mjs", import.meta.url));
    w.unref();
    const pending: Pending = new Map();
    const thread = { worker: w, pending };
    let isReady: () => void = () => {};
    started = new Promise<void>((resolve) => {
      isReady = resolve;
    });
    w.on("message", (answer: AnswerMessage | typeof READY) => {
      if ("ready" in answer) return isReady();
      const call = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) w.unref();
      call?.resolve(answer);
    });
    // The thread died: its calls fail as network errors (the outbox retries them).
    const fail = (error: Error) => {
      if (current === thread) current = undefined;
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    };
    w.on("error", fail);
    w.on("exit", (code) => {
      isReady();
      fail(new Error(`Graph transport thread exited with ${code}`));
    });
    return thread;
  };
  const fetch = ((url: string, init: CallMessage["init"]) =>
    new Promise<AnswerMessage>((resolve, reject) => {
      current ??= start();
      const { worker, pending } = current;
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // A call in flight keeps the process alive (a graceful stop waits for its answer); an
      // idle thread does not.
      if (pending.size === 1) worker.ref();
      worker.postMessage({ id, url, init } satisfies CallMessage);
    }).then((answer) => {
      if ("error" in answer) {
        const error = new Error(answer.error.message);
        error.name = answer.error.name;
        throw error;
      }
      const { ok, status, text } = answer;
      return { ok, status, text: async () => text };
    })) as ReturnType<typeof createThreadFetch>;
  fetch.ready = () => {
    current ??= start();
    return started;
  };
  fetch.close = async () => {
    const thread = current;
    current = undefined;
    if (thread) await thread.worker.terminate();
  };
  return fetch;
}
