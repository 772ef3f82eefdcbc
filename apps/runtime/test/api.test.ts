import { join } from "node:path";
import { exampleText } from "@convo/flow/testing/examples";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";

const orderTracking = JSON.parse(exampleText("order-tracking"));

let rt: TestRuntime;
beforeAll(async () => {
  rt = await startRuntime();
});
afterAll(async () => {
  await rt.stop();
});

describe("management API: auth and errors", () => {
  it("refuses calls without the token with 401 JSON", async () => {
    for (const path of ["/api/flows", "/api/contacts", "/api/page", "/api/nope"]) {
      const response = await fetch(rt.url + path);
      expect(response.status).toBe(401);
      expect(((await response.json()) as Json).error.code).toBe("unauthorized");
    }
    const wrong = await fetch(`${rt.url}/api/flows`, { headers: { authorization: "Bearer nope" } });
    expect(wrong.status).toBe(401);
  });

  it("answers unknown routes with 404 JSON", async () => {
    const { status, json } = await rt.api("GET", "/api/unknown");
    expect(status).toBe(404);
    expect(json.error.code).toBe("not_found");
    const outside = await fetch(`${rt.url}/nothing-here.txt`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as Json).error.code).toBe("not_found");
  });

  it("answers bad bodies with 400 and the issues, never 500", async () => {
    const notJson = await rt.api("POST", "/api/flows", "{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe("invalid_json");
    const wrongShape = await rt.api("POST", "/api/flows", { name: 42 });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.json.error.code).toBe("invalid_body");
    expect(wrongShape.json.error.issues.length).toBeGreaterThan(0);
    const badPage = await rt.api("PUT", "/api/page", { getStarted: "yes" });
    expect(badPage.status).toBe(400);
    const badPause = await rt.api("POST", "/api/contacts/x/pause", { minutes: -1 });
    expect(badPause.status).toBe(400);
    const badHttp = await rt.api("POST", "/api/simulator/http", { method: "TRACE" });
    expect(badHttp.status).toBe(400);
  });

  it("serves health, readiness and metrics without a token", async () => {
    expect(await (await fetch(`${rt.url}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${rt.url}/readyz`)).json()).toEqual({ ready: true });
    const metrics = await (await fetch(`${rt.url}/metrics`)).text();
    expect(metrics).toContain("convo_events_received_total");
    expect(metrics).toContain('convo_queue_depth{queue="inbox"}');
    expect(metrics).toContain("convo_receipt_to_send_seconds_bucket");
  });
});

describe("management API: flows", () => {
  it("starts with the examples published", async () => {
    const { json } = await rt.api("GET", "/api/flows");
    const welcome = json.flows.find((f: { id: string }) => f.id === "welcome");
    expect(welcome).toMatchObject({ publishedVersion: 1, hasUnpublishedChanges: false });
    expect(json.flows.map((f: { id: string }) => f.id).sort()).toEqual([
      "faq-assistant",
      "lead-capture",
      "order-tracking",
      "order-updates",
      "support",
      "trip-updates",
      "welcome",
    ]);
  });

  it("creates, saves with optimistic concurrency, renames, duplicates and deletes", async () => {
    const created = await rt.api("POST", "/api/flows", { name: "Summer sale" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: "summer-sale", revision: 1, publishedVersion: null });
    const again = await rt.api("POST", "/api/flows", { name: "Summer sale", id: "summer-sale" });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("flow_exists");
    // A French marketer's new flow is in French; a language that is no code is refused.
    expect(created.json.flow.languages).toEqual(["en"]);
    const soldes = await rt.api("POST", "/api/flows", { name: "Soldes", language: "fr" });
    expect(soldes.json.flow.languages).toEqual(["fr"]);
    const bad = await rt.api("POST", "/api/flows", { name: "Bad", language: "French!" });
    expect(bad.status).toBe(400);

    const flow = {
      ...created.json.flow,
      nodes: [
        {
          id: "start",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["sale"] }] },
        },
        {
          id: "hello",
          type: "message",
          position: { x: 300, y: 0 },
          data: { content: [{ id: "t", kind: "text", text: "20% off today!" }] },
        },
      ],
      edges: [{ id: "e1", source: "start", target: "hello" }],
    };
    const saved = await rt.api("PUT", "/api/flows/summer-sale", { flow, revision: 1 });
    expect(saved.status).toBe(200);
    expect(saved.json.revision).toBe(2);

    // A second editor that started from revision 1 is told what is current.
    const stale = await rt.api("PUT", "/api/flows/summer-sale", { flow, revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("revision_conflict");
    expect(stale.json.error.current.revision).toBe(2);

    const invalid = await rt.api("PUT", "/api/flows/summer-sale", {
      flow: { ...flow, nodes: [{ id: "x", type: "nope" }] },
      revision: 2,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe("invalid_flow");

    const renamed = await rt.api("PATCH", "/api/flows/summer-sale", { name: "Summer sale 2026" });
    expect(renamed.json).toMatchObject({ name: "Summer sale 2026", revision: 3 });

    const copy = await rt.api("POST", "/api/flows/summer-sale/duplicate", {});
    expect(copy.status).toBe(201);
    expect(copy.json.id).toBe("summer-sale-2026-copy");
    expect(copy.json.flow.nodes).toHaveLength(2);

    expect((await rt.api("DELETE", "/api/flows/summer-sale-2026-copy")).status).toBe(204);
    expect((await rt.api("GET", "/api/flows/summer-sale-2026-copy")).status).toBe(404);
  });

  it("publishes, lists versions and restores one", async () => {
    const published = await rt.api("POST", "/api/flows/summer-sale/publish", { note: "first" });
    expect(published.status).toBe(201);
    expect(published.json.version).toBe(1);

    const detail = await rt.api("GET", "/api/flows/summer-sale");
    const changed = structuredClone(detail.json.flow);
    changed.nodes[1].data.content[0].text = "30% off today!";
    await rt.api("PUT", "/api/flows/summer-sale", {
      flow: changed,
      revision: detail.json.revision,
    });
    expect((await rt.api("GET", "/api/flows/summer-sale")).json.hasUnpublishedChanges).toBe(true);
    await rt.api("POST", "/api/flows/summer-sale/publish", { note: "deeper discount" });

    const versions = await rt.api("GET", "/api/flows/summer-sale/versions");
    expect(versions.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.json.versions[0]).toMatchObject({
      note: "deeper discount",
      publishedBy: "admin",
    });

    const v1 = await rt.api("GET", "/api/flows/summer-sale/versions/1");
    expect(v1.json.flow.nodes[1].data.content[0].text).toBe("20% off today!");

    const restored = await rt.api("POST", "/api/flows/summer-sale/versions/1/restore");
    expect(restored.json.flow.nodes[1].data.content[0].text).toBe("20% off today!");
    expect(restored.json.hasUnpublishedChanges).toBe(true);
    expect((await rt.api("GET", "/api/flows/summer-sale/versions/9")).status).toBe(404);
  });

  it("refuses to publish a flow with lint errors (422 with the problems)", async () => {
    const created = await rt.api("POST", "/api/flows", { name: "Empty" });
    const refused = await rt.api("POST", `/api/flows/${created.json.id}/publish`, {});
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe("lint_errors");
    expect(refused.json.error.problems[0]).toMatchObject({
      severity: "error",
      code: "trigger-empty",
    });
    expect((await rt.api("GET", `/api/flows/${created.json.id}/versions`)).json.versions).toEqual(
      [],
    );
  });

  it("exports stable JSON without secrets", async () => {
    const withSecret = structuredClone(orderTracking);
    withSecret.id = "order-secret";
    const step = withSecret.nodes.find((n: { id: string }) => n.id === "lookup").data.steps[0];
    step.headers.push({ name: "X-Api-Key", value: "sk_live_very_secret" });
    expect((await rt.api("POST", "/api/flows/import", withSecret)).status).toBe(201);
    const response = await fetch(`${rt.url}/api/flows/order-secret/export`, {
      headers: { authorization: "Bearer test-admin-token" },
    });
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = await response.text();
    expect(text).not.toContain("sk_live_very_secret");
    expect(text).toContain("{{secrets.SHOP_API_KEY}}");
    expect(text.startsWith('{\n  "schemaVersion": 2,\n  "id": "order-secret"')).toBe(true);
  });

  it("imports with JSON-path errors, 409 on an existing id, overwrite on request", async () => {
    const broken = structuredClone(orderTracking);
    broken.id = "broken";
    broken.nodes[1].data.question = 12;
    const refused = await rt.api("POST", "/api/flows/import", broken);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe("invalid_flow");
    expect(refused.json.error.issues).toContainEqual({
      path: "nodes[1].data.question",
      message: expect.any(String),
      code: "wrong_type",
      params: { field: "question", expected: "string", got: "number" },
    });
    const exists = await rt.api("POST", "/api/flows/import", orderTracking);
    expect(exists.status).toBe(409);
    const copy = await rt.api(
      "POST",
      "/api/flows/import?copy=1&name=Suivi%20(copie)",
      orderTracking,
    );
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ id: `${orderTracking.id}-2`, name: "Suivi (copie)" });
    expect((await rt.api("GET", `/api/flows/${orderTracking.id}`)).json.name).toBe(
      orderTracking.name,
    );
    const overwritten = await rt.api("POST", "/api/flows/import?overwrite=1", orderTracking);
    expect(overwritten.status).toBe(201);
    expect(overwritten.json.revision).toBe(2);
  });

  it("answers stats for a flow", async () => {
    const stats = await rt.api("GET", "/api/flows/welcome/stats?from=2020-01-01");
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ flowId: "welcome", nodes: {}, handles: {} });
    expect((await rt.api("GET", "/api/flows/welcome/stats?from=yesterday")).status).toBe(400);
  });
});

describe("management API: page and HTTP rules", () => {
  it("keeps Page settings", async () => {
    const settings = {
      getStarted: { payload: "GET_STARTED" },
      greeting: [{ locale: "default", text: "Hi {{user_first_name}}!" }],
      persistentMenu: [
        { locale: "default", items: [{ title: "Track my order", payload: "TRACK_ORDER" }] },
      ],
      iceBreakers: [{ question: "Where is my order?", payload: "TRACK_ORDER" }],
    };
    const saved = await rt.api("PUT", "/api/page", settings);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject(settings);
    expect(saved.json.sync).toHaveProperty("ok");
    expect((await rt.api("GET", "/api/page")).json).toEqual(settings);
  });

  it("refuses private addresses and non-http URLs in HTTP actions", async () => {
    const base = { method: "GET", headers: [], timeoutMs: 2000 };
    const loopback = await rt.api("POST", "/api/simulator/http", {
      ...base,
      url: `${rt.url}/healthz`,
    });
    expect(loopback.json).toMatchObject({ ok: false, error: expect.stringContaining("private") });
    const viaDns = await rt.api("POST", "/api/simulator/http", {
      ...base,
      url: "http://localhost:9/x",
    });
    expect(viaDns.json).toMatchObject({ ok: false, error: expect.stringContaining("private") });
    const file = await rt.api("POST", "/api/simulator/http", {
      ...base,
      url: "file:///etc/passwd",
    });
    expect(file.json).toMatchObject({ ok: false, error: expect.stringContaining("http") });
  });
});

describe("management API: events whose step failed", () => {
  it("lists a failed event with its error, steps it again on request, and 404s unknown ids", async () => {
    // An event no step can read: what a bug would leave behind.
    const store = rt.runtime.deps.store;
    await store.inbox.insert(
      [
        {
          dedupeKey: "broken-1",
          psid: "zed",
          kind: "text",
          event: null as never,
          actionable: true,
        },
      ],
      Date.now(),
    );
    rt.runtime.deps.wake.inbox("zed");
    const failed = async () => {
      for (let i = 0; i < 200; i++) {
        const { json } = await rt.api("GET", "/api/inbox/failed");
        const found = (json.failed as Json[]).find((f) => f.contactId === "zed");
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error("the event never failed");
    };
    const first = await failed();
    expect(first).toMatchObject({ kind: "text", attempts: 1 });
    expect(first.error).toEqual(expect.any(String));

    const retried = await rt.api("POST", `/api/inbox/failed/${first.id}/retry`);
    expect(retried).toMatchObject({ status: 202, json: { id: first.id } });
    for (let i = 0; i < 200 && (await failed()).attempts < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await failed()).attempts).toBe(2);

    expect((await rt.api("POST", "/api/inbox/failed/999999/retry")).status).toBe(404);
    expect((await rt.api("POST", "/api/inbox/failed/abc/retry")).status).toBe(404);
    expect((await fetch(`${rt.url}/api/inbox/failed`)).status).toBe(401);
  });
});

describe("sandbox mode (no Page token)", () => {
  it("answers a signed sandbox message through the in-process Graph emulator", async () => {
    const posted = await rt.api("POST", "/api/sandbox/messages", { text: "hello" });
    expect(posted.status).toBe(202);
    let calls: Json[] = [];
    for (let i = 0; i < 200 && !calls.some((c) => c.body?.message?.text); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      calls = (await rt.api("GET", "/api/sandbox/sent?psid=sandbox-contact")).json.calls;
    }
    const reply = calls.find((c) => c.body?.message?.text);
    expect(reply.body.message.text).toContain("Hi Sam!");
    const later = await rt.api(
      "GET",
      `/api/sandbox/sent?psid=sandbox-contact&after=${calls.at(-1).seq}`,
    );
    expect(later.json.calls).toEqual([]);
    const bad = await rt.api("POST", "/api/sandbox/messages", {
      text: "a",
      postback: { payload: "x", title: "y" },
    });
    expect(bad.status).toBe(400);
  });

  it("lets the tester choose the sandbox contact's locale: a bilingual flow answers in it", async () => {
    const flow = {
      schemaVersion: 2,
      id: "bilingue",
      name: "Bilingue",
      languages: ["fr", "en"],
      variables: [],
      nodes: [
        {
          id: "start",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["bilingue"] }] },
        },
        {
          id: "hi",
          type: "message",
          position: { x: 300, y: 0 },
          data: {
            content: [
              {
                id: "t",
                kind: "text",
                text: "Bonjour !",
                translations: { en: { text: "Hello!" } },
              },
            ],
          },
        },
      ],
      edges: [{ id: "e1", source: "start", target: "hi" }],
    };
    expect((await rt.api("POST", "/api/flows/import?overwrite=1", flow)).status).toBe(201);
    expect((await rt.api("POST", "/api/flows/bilingue/publish", {})).status).toBe(201);
    const textsTo = async (psid: string) =>
      ((await rt.api("GET", `/api/sandbox/sent?psid=${psid}`)).json.calls as Json[])
        .map((c) => c.body?.message?.text)
        .filter(Boolean);
    const ask = async (psid: string, locale: string) => {
      const posted = await rt.api("POST", "/api/sandbox/messages", {
        psid,
        locale,
        text: "bilingue",
      });
      expect(posted.status).toBe(202);
      for (let i = 0; i < 200 && (await textsTo(psid)).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return textsTo(psid);
    };
    expect(await ask("tester-fr", "fr_BE")).toEqual(["Bonjour !"]);
    expect(await ask("tester-en", "en_GB")).toEqual(["Hello!"]);
    const bad = await rt.api("POST", "/api/sandbox/messages", { text: "a", locale: "French" });
    expect(bad.status).toBe(400);
  });

  it("syncs Page settings to the emulated Messenger Profile API", async () => {
    const saved = await rt.api("PUT", "/api/page", {
      getStarted: { payload: "GET_STARTED" },
      greeting: [{ locale: "default", text: "Welcome!" }],
      persistentMenu: [],
      iceBreakers: [],
    });
    expect(saved.json.sync).toEqual({ ok: true });
  });
});

describe("serving the editor", () => {
  it("serves the build at / with a fallback to index.html, never over the API", async () => {
    const { mkdirSync, mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dist = mkdtempSync(join(tmpdir(), "convo-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Convo</title>");
    writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
    const withEditor = await startRuntime({ CONVO_EDITOR_DIST: dist });
    try {
      const home = await fetch(`${withEditor.url}/`);
      expect(home.headers.get("content-type")).toContain("text/html");
      expect(await home.text()).toContain("<title>Convo</title>");
      expect(await (await fetch(`${withEditor.url}/flows/welcome`)).text()).toContain("Convo");
      const script = await fetch(`${withEditor.url}/assets/app.js`);
      expect(script.headers.get("content-type")).toContain("javascript");
      expect((await fetch(`${withEditor.url}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${withEditor.url}/api/flows`)).status).toBe(401);
      expect((await fetch(`${withEditor.url}/../../etc/passwd`)).status).not.toBe(500);
    } finally {
      await withEditor.stop();
    }
  });
});
