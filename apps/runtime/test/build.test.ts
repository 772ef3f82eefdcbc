/**
 * The production build (test/global-setup.ts makes it): `node dist/cli.mjs serve` is what
 * `npm start` and the container run. It must run with no TypeScript loader, on its main thread
 * and on the Send API's transport thread.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GRAPH_API_VERSION, type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import {
  APP_SECRET,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";
import { apiAt, FROM_BUILD, serveConvo } from "./serve";

const runtimeDir = join(import.meta.dirname, "..");
const dist = join(runtimeDir, "dist");

let graph: RunningGraphEmulator;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "convo-build-"));
});
afterAll(async () => {
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("is plain JavaScript: the command line and the transport thread, with no tsx anywhere", () => {
  const files = readdirSync(dist).filter((f) => f.endsWith(".mjs"));
  expect(files.sort()).toEqual(["cli.mjs", "http-worker-entry.mjs"]);
  for (const file of files) {
    const code = readFileSync(join(dist, file), "utf8");
    expect(code, file).not.toMatch(/["']tsx(\/[^"']*)?["']/);
    expect(code, file).not.toMatch(/from ["'][^"']+\.ts["']|import\(["'][^"']+\.ts["']\)/);
  }
});

it("serves, answers a contact through the transport thread, and serves the editor", async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  const editor = join(dir, "editor");
  mkdirSync(editor);
  writeFileSync(join(editor, "index.html"), "<!doctype html><title>Convo</title>");
  const running = await serveConvo(
    {
      PORT: "0",
      CONVO_DB: join(dir, "convo.db"),
      MESSENGER_APP_SECRET: APP_SECRET,
      // A Page token: sends leave through the worker thread, not the in-process sandbox.
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_EDITOR_DIST: editor,
    },
    { entry: FROM_BUILD },
  );
  try {
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${running.url}/flows/welcome`)).text()).toContain("<title>Convo");
    await useEchoFlow(apiAt(running.url));
    expect((await postWebhook(running.url, webhookBody([textItem("built-1", "hi")]))).status).toBe(
      200,
    );
    await postWebhook(running.url, webhookBody([textItem("built-1", "from the build")]));
    await waitFor(
      () =>
        sentMessages(graph.calls, "built-1").some((m) => m.text === "Got from the build") ||
        undefined,
      "the reply sent by the built runtime",
    );
    expect(graph.calls.some((c) => c.path.startsWith(`/${GRAPH_API_VERSION}/`))).toBe(true);
  } finally {
    const exited = new Promise((resolve) => running.process.once("exit", resolve));
    running.process.kill("SIGTERM");
    await exited;
  }
});
