import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_API_VERSION } from "../graph-version";
import { createSendApiClient } from "../send/client";
import { GraphError } from "../send/graph-error";
import { EMULATOR_APP_ID, EMULATOR_PAGE_ID } from "./app";
import { type RunningGraphEmulator, startGraphEmulator } from "./server";

const TOKEN = "EAAGpage";
const SECRET = "s3cret";

describe("Graph API emulator: the Page and the app of a token", () => {
  let graph: RunningGraphEmulator;
  let other: RunningGraphEmulator;
  beforeAll(async () => {
    graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET });
    other = await startGraphEmulator({
      pageToken: TOKEN,
      appSecret: SECRET,
      pageId: "100200300400500",
      pageName: "Boulangerie Martin",
      appId: "222333444555666",
    });
  });
  afterAll(async () => {
    await graph.close();
    await other.close();
  });
  const client = (url: string, pageToken = TOKEN) =>
    createSendApiClient({ baseUrl: url, pageToken, appSecret: SECRET, retry: { maxAttempts: 1 } });

  it("answers GET /me?fields=id,name and GET /app as Meta does, over HTTP", async () => {
    expect(await client(graph.url).getPage()).toEqual({
      id: EMULATOR_PAGE_ID,
      name: "Convo Sandbox Page",
    });
    expect(await client(graph.url).getApp()).toEqual({ id: EMULATOR_APP_ID, name: "Convo" });
    expect(await client(other.url).getPage()).toEqual({
      id: "100200300400500",
      name: "Boulangerie Martin",
    });
    expect(await client(other.url).getApp()).toMatchObject({ id: "222333444555666" });
    const [me] = graph.calls;
    expect(me).toMatchObject({
      method: "GET",
      path: `/${GRAPH_API_VERSION}/me`,
      query: { fields: "id,name" },
    });
    expect(me?.query.appsecret_proof).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers every field without `fields`, and Meta's error 100 for a field a Page lacks", async () => {
    const proof = graph.calls[0]?.query.appsecret_proof;
    const auth = `access_token=${TOKEN}&appsecret_proof=${proof}`;
    const all = await fetch(`${graph.url}/v23.0/app?${auth}`);
    expect(await all.json()).toEqual({
      id: EMULATOR_APP_ID,
      name: "Convo",
      link: `https://www.facebook.com/games/?app_id=${EMULATOR_APP_ID}`,
    });
    const wrong = await fetch(`${graph.url}/v23.0/me?fields=id,email&${auth}`);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: {
        code: 100,
        message: "(#100) Tried accessing nonexisting field (email) on node type (Page)",
      },
    });
  });

  it("refuses a bad token with 190, so the runtime knows it cannot learn its Page", async () => {
    const failure = await client(graph.url, "EAAGwrong")
      .getPage()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ category: "bad_token", code: 190 });
  });
});
