import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/log";
import { startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

type Line = Record<string, unknown>;

/** A runtime whose log lines (debug and up) the test reads. */
async function loggedRuntime(env: Record<string, string> = {}) {
  const lines: Line[] = [];
  const log = createLogger("debug", (line) => lines.push(JSON.parse(line) as Line));
  const rt = await startRuntime(env, undefined, 20, log);
  return { rt, lines };
}

let graph: RunningGraphEmulator;
const running: TestRuntime[] = [];
beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
});
afterEach(async () => {
  graph.setLatency(0);
  for (const rt of running.splice(0)) await rt.stop();
});
afterAll(() => graph?.close());

/** A runtime on the emulator (a real Page: profiles are fetched, sends leave by HTTP). */
async function pageRuntime(env: Record<string, string> = {}) {
  const started = await loggedRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    ...env,
  });
  running.push(started.rt);
  return started;
}

describe("/metrics", () => {
  it("adds the process's own metrics to Convo's: event-loop delay, heap, GC, CPU, memory", async () => {
    const { rt } = await pageRuntime();
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    for (const family of [
      "convo_events_received_total",
      "nodejs_eventloop_lag_seconds",
      "nodejs_eventloop_lag_p99_seconds",
      "nodejs_heap_size_used_bytes",
      "nodejs_heap_space_size_used_bytes",
      "nodejs_gc_duration_seconds",
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_active_handles_total",
    ]) {
      expect(text, family).toMatch(new RegExp(`^# TYPE ${family} `, "m"));
    }
    const p99 = /^nodejs_eventloop_lag_p99_seconds (\S+)$/m.exec(text)?.[1];
    expect(Number(p99)).toBeGreaterThanOrEqual(0);
    // One exposition: no family is declared twice.
    const types = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]);
    expect(new Set(types).size).toBe(types.length);
  });
});

describe("log lines", () => {
  it("of a request carry its request id, the one the response names", async () => {
    const { rt, lines } = await pageRuntime();
    await postWebhook(rt.url, webhookBody([textItem("erase-me", "hello")]));
    await waitFor(async () => {
      const contact = await rt.api("GET", "/api/contacts/erase-me");
      return contact.status === 200 ? true : undefined;
    }, "the contact");
    const erased = await fetch(`${rt.url}/api/contacts/erase-me`, {
      method: "DELETE",
      headers: { authorization: "Bearer test-admin-token" },
    });
    expect(erased.status).toBe(204);
    const requestId = erased.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.message === "contact erased")).toMatchObject({
      requestId,
      psid: "erase-me",
    });
  });

  it("take the caller's X-Request-Id when it is plain, and never a forged one", async () => {
    const { rt, lines } = await pageRuntime();
    const erase = async (psid: string, requestId: string) => {
      await postWebhook(rt.url, webhookBody([textItem(psid, "hello")]));
      await waitFor(async () => {
        const contact = await rt.api("GET", `/api/contacts/${psid}`);
        return contact.status === 200 ? true : undefined;
      }, psid);
      const answer = await fetch(`${rt.url}/api/contacts/${psid}`, {
        method: "DELETE",
        headers: { authorization: "Bearer test-admin-token", "x-request-id": requestId },
      });
      const line = lines.find((l) => l.message === "contact erased" && l.psid === psid);
      return { header: answer.headers.get("x-request-id"), logged: line?.requestId };
    };
    expect(await erase("passed-id", "lb-7f3a.1")).toEqual({
      header: "lb-7f3a.1",
      logged: "lb-7f3a.1",
    });
    const forged = await erase("forged-id", 'x"} {"level":"error');
    expect(forged.header).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.logged).toBe(forged.header);
  });

  it("of an event carry its event id and contact id", async () => {
    const { rt, lines } = await pageRuntime();
    // No profile for this contact: the emulator refuses, and the worker warns deep in the step.
    await postWebhook(rt.url, webhookBody([textItem("no-profile", "hello")]));
    const warning = await waitFor(
      () => lines.find((l) => l.message === "profile fetch failed"),
      "the profile warning",
    );
    expect(warning).toMatchObject({ psid: "no-profile", eventId: expect.any(Number) });
    // And the webhook's own request is not taken for the event.
    expect(warning.requestId).toBeUndefined();
  });
});

it("request handlers write through requestLog, so no line of theirs misses its request id", () => {
  const dirs = ["api", "webhook", "ops"].map((d) => join(import.meta.dirname, "..", "src", d));
  const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  files.push(join(import.meta.dirname, "..", "src", "static.ts"));
  for (const file of files.filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    expect(readFileSync(file, "utf8"), file).not.toMatch(/\bdeps\.log\.(debug|info|warn|error)\(/);
  }
});

describe("slow steps", () => {
  it("are logged when an event takes longer than CONVO_SLOW_STEP_MS", async () => {
    const { rt, lines } = await pageRuntime({ CONVO_SLOW_STEP_MS: "150" });
    // Meta takes 250 ms per call: fetching the new contact's profile makes the step slow.
    graph.setLatency(250);
    graph.profiles.set("slow-1", { first_name: "Sam", last_name: "Slow", locale: "en_US" });
    await postWebhook(rt.url, webhookBody([textItem("slow-1", "hello")]));
    const slow = await waitFor(() => lines.find((l) => l.message === "slow step"), "a slow step");
    expect(slow).toMatchObject({
      level: "warn",
      psid: "slow-1",
      eventId: expect.any(Number),
      thresholdMs: 150,
    });
    expect(slow.ms as number).toBeGreaterThanOrEqual(250);
  });

  it("are not logged under the threshold", async () => {
    const { rt, lines } = await pageRuntime({ CONVO_SLOW_STEP_MS: "60000" });
    graph.setLatency(250);
    graph.profiles.set("slow-2", { first_name: "Sam", last_name: "Slow", locale: "en_US" });
    await postWebhook(rt.url, webhookBody([textItem("slow-2", "hello")]));
    // The reply left: the step (profile fetch included) is over.
    await waitFor(
      () => sentMessages(graph.calls, "slow-2").length > 0 || undefined,
      "the reply to slow-2",
    );
    expect(lines.filter((l) => l.message === "slow step")).toEqual([]);
  });
});
