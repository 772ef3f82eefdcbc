import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, waitFor } from "./messenger";
import { apiAt, serveConvo } from "./serve";

/**
 * Without Meta's message echoes Convo cannot send exactly once across a crash or a time-out, nor
 * see a person answering in the Page Inbox. At start it asks the Graph API (`GET
 * /{page-id}/subscribed_apps`) and says so: a warning in the log, a gauge in /metrics, and a
 * status the editor shows as a banner. It keeps running: /readyz stays 200.
 */

const APP_ID = "1517776481860111";
let graph: RunningGraphEmulator;
let dir: string;

beforeAll(async () => {
  // A Page whose app gets messages but not their echoes.
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN, appId: APP_ID });
  dir = mkdtempSync(join(tmpdir(), "convo-echoes-"));
});
afterAll(async () => {
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

const metric = async (url: string, status: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(
    new RegExp(`^convo_page_message_echoes\\{status="${status}"\\} (\\d)$`, "m").exec(text)?.[1],
  );
};

describe("the Page's message_echoes subscription", () => {
  it("warns at start, shows in /metrics and /api/status, and stays ready, when echoes are missing", async () => {
    let child: ChildProcess | undefined;
    try {
      const running = await serveConvo(
        {
          PORT: "0",
          CONVO_DB: join(dir, "missing.db"),
          MESSENGER_APP_SECRET: APP_SECRET,
          MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
          GRAPH_API_URL: graph.url,
          CONVO_LOG_LEVEL: "warn",
        },
        { stderr: "pipe" },
      );
      child = running.process;
      let logs = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        logs += chunk.toString();
      });
      const api = apiAt(running.url);
      const status = await waitFor(async () => {
        const answer = (await api("GET", "/api/status")) as { json: Json };
        return answer.json.messageEchoes.checkedAt === null ? undefined : answer.json;
      }, "the check");
      expect(status).toMatchObject({
        sandbox: false,
        messageEchoes: { status: "missing", detail: `app ${APP_ID} lacks message_echoes` },
      });
      // Asked the way Meta documents it, with the Page token: the Page learned at start, or `me`.
      expect(
        graph.calls.some((c) => /\/(me|\d+)\/subscribed_apps$/.test(c.path) && c.status === 200),
      ).toBe(true);
      expect(await metric(running.url, "missing")).toBe(1);
      expect(await metric(running.url, "subscribed")).toBe(0);
      expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
      await waitFor(() => (logs.includes("message_echoes") ? true : undefined), "the warning");
      const warning = logs
        .split("\n")
        .find((line) => line.includes("not subscribed to message_echoes"));
      expect(JSON.parse(warning ?? "{}")).toMatchObject({ level: "warn" });
      expect(warning).toContain("sent again after CONVO_ECHO_WAIT_SECONDS");
    } finally {
      child?.kill("SIGKILL");
    }
  });

  it("says subscribed when the Page sends echoes to the app MESSENGER_APP_ID names", async () => {
    graph.setSubscribedFields(["messages", "messaging_postbacks", "message_echoes"]);
    const rt = await startRuntime(
      {
        MESSENGER_APP_SECRET: APP_SECRET,
        MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
        GRAPH_API_URL: graph.url,
        MESSENGER_APP_ID: APP_ID,
      },
      mkdtempSync(join(dir, "subscribed-")),
    );
    try {
      const status = await waitFor(async () => {
        const { json } = await rt.api("GET", "/api/status");
        return json.messageEchoes.checkedAt === null ? undefined : json.messageEchoes;
      }, "the check");
      expect(status.status).toBe("subscribed");
      expect(await metric(rt.url, "subscribed")).toBe(1);
      expect(await metric(rt.url, "missing")).toBe(0);
    } finally {
      await rt.stop();
      graph.setSubscribedFields(undefined);
    }
  });

  it("is not checked in sandbox mode", async () => {
    const rt = await startRuntime({}, mkdtempSync(join(dir, "sandbox-")));
    try {
      const { json } = await rt.api("GET", "/api/status");
      expect(json).toEqual({
        sandbox: true,
        messageEchoes: { status: "sandbox", checkedAt: null },
      });
      expect(await (await fetch(`${rt.url}/metrics`)).text()).not.toContain(
        "convo_page_message_echoes",
      );
    } finally {
      await rt.stop();
    }
  });
});
