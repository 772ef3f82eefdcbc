import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSendApiClient, GRAPH_API_VERSION, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpFetch, createThreadFetch } from "./http-fetch";

let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  // Takes the request and never answers.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe("the runtime's Graph transport", () => {
  it("carries the Send API client's calls to the emulator and back", async () => {
    const graph = await startGraphEmulator({ pageToken: "t", appSecret: "s" });
    try {
      const client = createSendApiClient({
        baseUrl: graph.url,
        pageToken: "t",
        appSecret: "s",
        fetch: createHttpFetch(),
      });
      const body = { recipient: { id: "42" }, message: { text: "hello" } };
      const first = await client.sendMessage(body);
      const second = await client.sendMessage(body);
      expect(first.messageId).toMatch(/^m_/);
      expect(second.messageId).not.toBe(first.messageId);
      expect(graph.calls.map((c) => [c.path, c.status])).toEqual([
        [`/${GRAPH_API_VERSION}/me/messages`, 200],
        [`/${GRAPH_API_VERSION}/me/messages`, 200],
      ]);
    } finally {
      await graph.close();
    }
  });

  it("gives up on a Graph API that does not answer, as a timeout the client retries", async () => {
    const fetch = createHttpFetch();
    await expect(
      fetch(`${silentUrl}/${GRAPH_API_VERSION}/me/messages`, { method: "GET", timeoutMs: 100 }),
    ).rejects.toMatchObject({
      name: "TimeoutError",
    });
    const client = createSendApiClient({
      baseUrl: silentUrl,
      pageToken: "t",
      appSecret: "s",
      fetch,
      timeoutMs: 100,
      retry: { maxAttempts: 1 },
    });
    await expect(
      client.sendMessage({ recipient: { id: "42" }, message: { text: "hello" } }),
    ).rejects.toMatchObject({ category: "transient", message: "Graph API call timed out" });
  });
});

describe("the same transport on its own thread", () => {
  it("answers like the direct one, times out the same way, and closes", async () => {
    const graph = await startGraphEmulator({ pageToken: "t", appSecret: "s" });
    const fetch = createThreadFetch();
    try {
      const client = createSendApiClient({
        baseUrl: graph.url,
        pageToken: "t",
        appSecret: "s",
        fetch,
      });
      const sent = await Promise.all(
        ["a", "b", "c"].map((text) =>
          client.sendMessage({ recipient: { id: "42" }, message: { text } }),
        ),
      );
      expect(new Set(sent.map((s) => s.messageId)).size).toBe(3);
      const refused = await client
        .sendMessage({ recipient: { id: "42" }, message: { text: "x".repeat(2001) } })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ category: "bad_request" });
      await expect(
        fetch(`${silentUrl}/${GRAPH_API_VERSION}/me/messages`, { method: "GET", timeoutMs: 100 }),
      ).rejects.toMatchObject({ name: "TimeoutError" });
    } finally {
      await fetch.close();
      await graph.close();
    }
  });
});
