import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

let graph: RunningGraphEmulator;
let rt: TestRuntime;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

/** A newcomer's first flow: "colis" → one message. */
function parcels(id: string, triggers: Json[], text: string): Json {
  return {
    schemaVersion: 1,
    id,
    name: `Parcels ${id}`,
    variables: [],
    nodes: [
      { id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { triggers } },
      {
        id: "reply",
        type: "message",
        position: { x: 300, y: 0 },
        data: { content: [{ id: "t", kind: "text", text }] },
      },
    ],
    edges: [{ id: "e", source: "start", target: "reply" }],
  };
}
const colis = { kind: "keyword", match: "contains", keywords: ["colis"] };

/** Says `text` as `psid` and returns the text of the next message sent to them. */
async function say(psid: string, text: string): Promise<string> {
  const before = sentMessages(graph.calls, psid).length;
  expect((await postWebhook(rt.url, webhookBody([textItem(psid, text)]))).status).toBe(200);
  const sent = await waitFor(() => {
    const all = sentMessages(graph.calls, psid);
    return all.length > before ? all : undefined;
  }, `an answer to ${psid}`);
  return messageText(sent[before] as Json);
}

describe("flows live together without silent clashes", () => {
  it("seeds the examples that answer a newcomer's keywords paused, and says which flows are live", async () => {
    const { json } = await rt.api("GET", "/api/flows");
    const byId = new Map<string, Json>(json.flows.map((f: Json) => [f.id, f]));
    expect(byId.get("welcome")).toMatchObject({ live: true, pausedAt: null });
    expect(byId.get("order-updates")).toMatchObject({ live: true });
    for (const id of ["order-tracking", "support", "lead-capture"]) {
      expect(byId.get(id), id).toMatchObject({ live: false, publishedVersion: 1 });
      expect(byId.get(id)?.pausedAt, id).toEqual(expect.any(String));
    }
  });

  it("a newcomer's 'colis' flow publishes and answers; resuming the example then refuses, naming it", async () => {
    expect(
      (await rt.api("POST", "/api/flows", { flow: parcels("mine", [colis], "Mine!") })).status,
    ).toBe(201);
    expect((await rt.api("POST", "/api/flows/mine/publish", {})).status).toBe(201);
    expect(await say("newcomer", "Où est mon côlis ?")).toBe("Mine!");

    const resumed = await rt.api("POST", "/api/flows/order-tracking/resume");
    expect(resumed.status).toBe(409);
    expect(resumed.json.error.code).toBe("flow_clash");
    expect(resumed.json.error.message).toContain('"Parcels mine" (mine)');
    expect((await rt.api("GET", "/api/flows/order-tracking")).json.live).toBe(false);
  });

  it("refuses to publish a flow claiming a live flow's keyword or the default reply (409, naming it)", async () => {
    await rt.api("POST", "/api/flows", { flow: parcels("copycat", [colis], "Copy") });
    const refused = await rt.api("POST", "/api/flows/copycat/publish", {});
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "flow_clash", otherFlowId: "mine" });
    expect(refused.json.error.message).toContain('"Parcels mine" (mine)');
    expect(refused.json.error.problems[0]).toMatchObject({
      code: "clash-keyword",
      path: "nodes[0].data.triggers[0].keywords[0]",
      otherFlowId: "mine",
    });
    expect((await rt.api("GET", "/api/flows/copycat")).json.publishedVersion).toBeNull();

    await rt.api("POST", "/api/flows", {
      flow: parcels("fallback", [{ kind: "default" }], "Fallback"),
    });
    const noDefault = await rt.api("POST", "/api/flows/fallback/publish", {});
    expect(noDefault.status).toBe(409);
    expect(noDefault.json.error.problems[0]).toMatchObject({
      code: "clash-default",
      otherFlowId: "welcome",
    });
  });

  it("pausing a flow stops it answering, resuming starts it again; the transcript names the flow and step", async () => {
    const paused = await rt.api("POST", "/api/flows/mine/pause");
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ live: false, pausedAt: expect.any(String) });
    expect((await rt.api("GET", "/api/flows/mine")).json).toMatchObject({
      live: false,
      publishedVersion: 1,
    });
    // Welcome, the default reply, answers instead.
    expect(await say("pat", "colis")).not.toBe("Mine!");

    // While it is paused, its keyword is free: another flow may take it.
    expect((await rt.api("POST", "/api/flows/copycat/publish", {})).status).toBe(201);
    expect(await say("quinn", "colis")).toBe("Copy");
    // Then resuming the first one clashes with the second.
    expect((await rt.api("POST", "/api/flows/mine/resume")).status).toBe(409);
    await rt.api("POST", "/api/flows/copycat/pause");

    const resumed = await rt.api("POST", "/api/flows/mine/resume");
    expect(resumed.status).toBe(200);
    expect(resumed.json).toEqual({ live: true, pausedAt: null });
    expect(await say("pat", "colis")).toBe("Mine!");

    const transcript = await rt.api("GET", "/api/contacts/pat/transcript");
    const answers = transcript.json.messages.filter((m: Json) => m.author === "bot");
    expect(answers.at(-1)).toMatchObject({ text: "Mine!", flowId: "mine", nodeId: "reply" });
    expect(answers[0].flowId).toBe("welcome");
  });

  it("pausing a flow never published is refused; an unknown flow is 404", async () => {
    await rt.api("POST", "/api/flows", { name: "Never published", id: "draft-only" });
    const refused = await rt.api("POST", "/api/flows/draft-only/pause");
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("not_published");
    expect((await rt.api("POST", "/api/flows/nope/resume")).status).toBe(404);
  });
});
