import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_SECRET, postWebhook, textItem, webhookBody } from "./messenger";
import { serveConvo } from "./serve";

/**
 * Slow and many connections, bounded for a shared machine: a child `convo serve` capped at 50
 * connections, headers due within 1 s and whole requests within 2 s. About 90 connections in
 * all, a few seconds end to end.
 */

const CAP = 50;
let dir: string;
let child: ChildProcess;
let url: string;
let port: number;
let stderr = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "convo-slow-"));
  const running = await serveConvo(
    {
      PORT: "0",
      CONVO_DB: join(dir, "convo.db"),
      MESSENGER_APP_SECRET: APP_SECRET,
      CONVO_MAX_CONNECTIONS: String(CAP),
      CONVO_HEADERS_TIMEOUT_SECONDS: "1",
      CONVO_REQUEST_TIMEOUT_SECONDS: "2",
    },
    { stderr: "pipe" },
  );
  child = running.process;
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  url = running.url;
  port = Number(new URL(url).port);
});
afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Held {
  socket: Socket;
  /** What the server wrote back. */
  received: () => string;
  closed: Promise<number>;
}

/** A connection that sends `bytes` and then nothing; `closed` resolves when the server ends it. */
function hold(bytes: string): Promise<Held> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = "";
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(bytes);
      resolve({ socket, received: () => received, closed });
    });
    const closed = new Promise<number>((done) => {
      socket.once("close", () => done(Date.now() - started));
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString();
    });
    socket.once("error", (error) => {
      if (received === "") reject(error);
    });
  });
}

const slowBody = () =>
  hold(
    "POST /webhooks/messenger HTTP/1.1\r\nHost: convo\r\nContent-Type: application/json\r\n" +
      'Content-Length: 100000\r\n\r\n{"object":"page",',
  );
const slowHeaders = () => hold("POST /webhooks/messenger HTTP/1.1\r\nHost: convo\r\nX-Slow: ");

/** One request on a new connection: the status line and the body the server answered. */
async function once(path: string): Promise<{ status: number; body: string }> {
  const held = await hold(`GET ${path} HTTP/1.1\r\nHost: convo\r\nConnection: close\r\n\r\n`);
  await held.closed;
  const text = held.received();
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
    body: text.slice(text.indexOf("\r\n\r\n") + 4),
  };
}

const metric = async (name: string) => {
  const text = (await once("/metrics")).body;
  return Number(new RegExp(`^${name.replace(/[{}"]/g, "\\$&")} (\\d+)$`, "m").exec(text)?.[1]);
};

describe("slow and many connections", () => {
  it("refuses the 51st connection clearly, keeps /healthz answering, and cuts slow ones in time", {
    timeout: 30_000,
  }, async () => {
    const started = Date.now();
    // The cap, taken by connections that never finish: 40 slow bodies and 10 slow headers.
    const held = [
      ...(await Promise.all(Array.from({ length: 40 }, slowBody))),
      ...(await Promise.all(Array.from({ length: 10 }, slowHeaders))),
    ];
    // A moment for the server to accept them all.
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The 51st: a webhook is refused at once, with a reason a person or a proxy can read.
    const refused = await once("/webhooks/messenger");
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toEqual({
      error: {
        code: "too_many_connections",
        message: "The runtime has too many connections open; try again in a moment.",
      },
    });
    // Operations still answer, from the reserve past the cap.
    const health = await once("/healthz");
    expect(health).toEqual({ status: 200, body: '{"ok":true}' });
    expect((await once("/readyz")).status).toBe(200);

    // Every held connection is closed by the server: headers after 1 s, bodies after 2 s, each
    // with a JSON 408 (Node's own defaults would hold them 60 s and 300 s).
    const lasted = await Promise.all(held.map((h) => h.closed));
    expect(Math.max(...lasted)).toBeLessThan(5_000);
    for (const h of held) {
      expect(h.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(h.received()).toContain('"code":"request_timeout"');
    }
    // The webhook takes requests again.
    const body = webhookBody([textItem("after-the-flood", "hello")]);
    expect((await postWebhook(url, body)).status).toBe(200);
    expect(await metric('convo_http_closed_total{reason="timeout"}')).toBeGreaterThanOrEqual(50);
    expect(await metric("convo_http_refused_total")).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("counts bodies cut off by the client in /metrics instead of logging each as an error", async () => {
    const before = await metric('convo_http_closed_total{reason="aborted"}');
    const cut = await Promise.all(Array.from({ length: 20 }, slowBody));
    // Let the requests reach their handlers, then hang up mid-body.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const h of cut) h.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Logs at the error level (the test's level) say nothing about them…
    expect(stderr).toBe("");
    // …and /metrics counts them.
    expect(await metric('convo_http_closed_total{reason="aborted"}')).toBe(before + 20);
  });
});
