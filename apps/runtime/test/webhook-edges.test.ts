import { join } from "node:path";
import {
  EMULATOR_APP_ID,
  GRAPH_API_VERSION,
  type RunningGraphEmulator,
  startGraphEmulator,
} from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
} from "./messenger";

const OTHER_PAGE = "999000999000999";

/** A body with one entry per Page, each carrying one text. */
const batch = (entries: { page: string; items: Record<string, unknown>[] }[]) =>
  JSON.stringify({
    object: "page",
    entry: entries.map(({ page, items }) => ({ id: page, time: Date.now(), messaging: items })),
  });

/** The inbox rows the runtime kept without answering (Meta's events it is not to step). */
function recorded(rt: TestRuntime): { psid: string; kind: string; event: string }[] {
  const db = new Database(join(rt.dir, "convo.db"), { readonly: true });
  try {
    return db
      .prepare("SELECT psid, kind, event FROM inbox WHERE status = 'recorded' ORDER BY id")
      .all() as { psid: string; kind: string; event: string }[];
  } finally {
    db.close();
  }
}

let graph: RunningGraphEmulator;
const runtimes: TestRuntime[] = [];
beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
});
afterEach(async () => {
  await Promise.all(runtimes.splice(0).map((rt) => rt.stop()));
});
afterAll(async () => {
  await graph?.close();
});

async function runtime(env: Record<string, string> = {}): Promise<TestRuntime> {
  const rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    ...env,
  });
  runtimes.push(rt);
  return rt;
}

const answered = (psid: string) =>
  waitFor(
    () => (sentMessages(graph.calls, psid).length > 0 ? true : undefined),
    `a reply to ${psid}`,
  );

describe("webhook: a batch carrying another Page's event", () => {
  it("answers this Page's contact only, and keeps the other Page's entry as unknown", async () => {
    graph.clear();
    const rt = await runtime();
    // The runtime learnt which Page and app it is from the Graph API, with the Page token.
    const asked = graph.calls
      // The echo subscription's check (its own test) may run before or after this webhook.
      .filter((c) => !c.path.endsWith("/subscribed_apps"))
      .map((c) => `${c.method} ${c.path} ${c.query.fields ?? ""}`.trim());
    expect(asked).toEqual([
      `GET /${GRAPH_API_VERSION}/me id,name`,
      `GET /${GRAPH_API_VERSION}/app id,name`,
    ]);

    const body = batch([
      { page: OTHER_PAGE, items: [textItem("intruder", "hello")] },
      { page: PAGE_ID, items: [textItem("alice-edges", "hello")] },
    ]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    await answered("alice-edges");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentMessages(graph.calls, "intruder")).toEqual([]);
    const kept = recorded(rt).filter((r) => r.kind === "unknown");
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]?.event ?? "{}")).toMatchObject({
      source: "messenger",
      event: {
        kind: "unknown",
        pageId: OTHER_PAGE,
        psid: null,
        reason: `entry for Page ${OTHER_PAGE}, not ${PAGE_ID}`,
      },
    });
    // Meta redelivers for 36 hours: the same entry is kept once.
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    expect(recorded(rt).filter((r) => r.kind === "unknown")).toHaveLength(1);
  });

  it("takes the Page and app ids from MESSENGER_PAGE_ID and MESSENGER_APP_ID without asking", async () => {
    graph.clear();
    const configured = "424242424242";
    const rt = await runtime({ MESSENGER_PAGE_ID: configured, MESSENGER_APP_ID: EMULATOR_APP_ID });
    expect(graph.calls.filter((c) => c.method === "GET")).toEqual([]);
    const body = batch([
      { page: PAGE_ID, items: [textItem("bob-edges", "hello")] },
      { page: configured, items: [textItem("carla-edges", "hello")] },
    ]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    await answered("carla-edges");
    expect(sentMessages(graph.calls, "bob-edges")).toEqual([]);
  });

  it("refuses an id that is not a number at start, naming the variable", async () => {
    await expect(runtime({ MESSENGER_PAGE_ID: "my page" })).rejects.toThrow(
      'MESSENGER_PAGE_ID must be digits, not "my page"',
    );
  });

  it("in sandbox mode, uses the emulator's Page: the sandbox is answered, another Page is not", async () => {
    const rt = await startRuntime({ MESSENGER_APP_SECRET: APP_SECRET });
    runtimes.push(rt);
    const sandboxed = await rt.api("POST", "/api/sandbox/messages", { text: "hello" });
    expect(sandboxed.status).toBe(202);
    await waitFor(async () => {
      const sent = await rt.api("GET", "/api/sandbox/sent?psid=sandbox-contact");
      return sent.json.calls.length > 0 ? true : undefined;
    }, "the sandbox reply");
    const body = batch([{ page: OTHER_PAGE, items: [textItem("stranger", "hello")] }]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    expect(recorded(rt).map((r) => r.kind)).toContain("unknown");
    const sent = await rt.api("GET", "/api/sandbox/sent?psid=stranger");
    expect(sent.json.calls).toEqual([]);
  });

  it("still starts when the Graph API cannot say which Page it is, and takes every entry", async () => {
    graph.clear();
    graph.failNext(1, 190);
    const rt = await runtime();
    const body = batch([{ page: OTHER_PAGE, items: [textItem("dora-edges", "hello")] }]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    await answered("dora-edges");
  });
});

describe("webhook: one item nested thousands of levels deep", () => {
  it.each([5_000, 50_000])(
    "answers the valid events of the batch (%i levels) and keeps the odd item, cut",
    async (depth) => {
      const rt = await runtime();
      const psid = `erin-${depth}`;
      const deep = `${"[".repeat(depth)}1${"]".repeat(depth)}`;
      const valid = JSON.stringify(textItem(psid, "hello"));
      const odd = `{"sender":{"id":"${psid}-odd"},"recipient":{"id":"${PAGE_ID}"},"timestamp":1,"x":${deep}}`;
      const body = `{"object":"page","entry":[{"id":"${PAGE_ID}","time":1,"messaging":[${valid},${odd}]}]}`;
      const response = await postWebhook(rt.url, body);
      const text = await response.text();
      expect(response.status, text).toBe(200);
      expect(text).not.toMatch(/RangeError|stack/i);
      await answered(psid);
      const kept = recorded(rt).find((r) => r.psid === `${psid}-odd`);
      expect(kept?.kind).toBe("unknown");
      expect(kept?.event).toContain("nested deeper than");
    },
  );
});
