import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime, TOKEN } from "./helpers";

/**
 * Bad input never gets a 500: every route of the app's own route table, with malformed path
 * parameters, query values and bodies, answers below 500 (and a JSON error when it refuses).
 * A route added later is swept too, because the list comes from `app.routes`.
 */

let rt: TestRuntime;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "convo-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Convo</title>");
  writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
  // Sandbox mode (no Page token): the Graph emulator is mounted too, so its routes are swept.
  rt = await startRuntime({ CONVO_EDITOR_DIST: dist });
  // Something to find behind valid ids: a contact with a transcript, a published flow.
  const sent = await rt.api("POST", "/api/sandbox/messages", { psid: "sweep", text: "hello" });
  expect(sent.status).toBe(202);
});
afterAll(async () => {
  agent.destroy();
  await rt?.stop();
});

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** A raw request: the path goes out byte for byte (fetch would normalise `%2e%2e` and `..`). */
function send(
  method: string,
  path: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${rt.url}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined
            ? {}
            : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }),
          ...headers,
        },
      },
      (res) => {
        // A news stream (server-sent events) never ends: its status and first bytes are the answer.
        if (
          res.statusCode === 200 &&
          /^text\/event-stream/.test(res.headers["content-type"] ?? "")
        ) {
          res.once("data", (chunk: Buffer) => {
            resolve({ status: 200, type: "text/event-stream", body: chunk.toString() });
            res.destroy();
          });
          return;
        }
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Path parameter values no route expects. */
const BAD_PARAMS = [
  "%ff",
  "%",
  "%E0%A4%A",
  "%c0%ae%c0%ae",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..",
  "%00",
  "99999999999999999999",
  "-1",
  "1e400",
  "NaN",
  "0x10",
  "__proto__",
  "constructor",
  "x".repeat(3000),
  "%F0%9F%98%80",
];

/** Query values no route expects, given to every query name the routes read. */
const BAD_QUERY_VALUES = [
  "99999999999999999999",
  "-99999999999999999999",
  "1e400",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "%ff",
  "%",
  "2024-13-45",
  "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00.000Z",
  "1969-12-31T23:59:59.999Z",
  // Long, but with every name the whole query stays under Node's 16 KB of headers.
  "x".repeat(600),
  "",
];

/** Every query name a route reads, taken from the source, so a new one is swept too. */
function queryNames(): string[] {
  const names = new Set<string>(["hub.mode", "hub.verify_token", "hub.challenge", "fields"]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
        for (const m of readFileSync(path, "utf8").matchAll(/\.query\("([^"]+)"\)/g)) {
          names.add(m[1] as string);
        }
      }
    }
  };
  walk(join(import.meta.dirname, "..", "src"));
  return [...names];
}

const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
/** Bodies no route expects. */
const BAD_BODIES: (string | Buffer)[] = [
  "{",
  "null",
  "[]",
  '"text"',
  "12345678901234567890123456789",
  "1e400",
  '{"__proto__":{"polluted":true}}',
  '{"flow":{"__proto__":{"schemaVersion":1}},"revision":-1}',
  '{"flow":null,"revision":1e400}',
  '{"name":"","id":"%ff"}',
  '{"minutes":1e400}',
  '{"text":"x"}'.replace("x", "x".repeat(5000)),
  deep(5000),
  `{"a":${deep(20_000)}}`,
  Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
];

/** A value that passes the route's own lookups, so the handler gets as far as the bad part. */
function goodParam(routePath: string, name: string): string {
  if (name === "version") return "1";
  if (routePath.startsWith("/api/flows")) return "welcome";
  if (routePath.startsWith("/api/contacts")) return "sweep";
  return "1";
}

interface Route {
  method: string;
  path: string;
}

function routeTable(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of rt.runtime.app.routes) {
    const methods = r.method === "ALL" ? ["GET", "POST"] : [r.method];
    for (const method of methods) seen.set(`${method} ${r.path}`, { method, path: r.path });
  }
  // Destructive routes last, so the others still find the flow and the contact.
  return [...seen.values()].sort(
    (a, b) => Number(a.method === "DELETE") - Number(b.method === "DELETE"),
  );
}

/** `path` with each `:name` replaced by `value(name)` and `*` by `star`. */
function fill(path: string, value: (name: string) => string, star = "x"): string {
  return path
    .replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, (_m, name: string) => value(name))
    .replace(/\*/g, star);
}

function isErrorJson(answer: Answer): boolean {
  try {
    const parsed = JSON.parse(answer.body) as { error?: { message?: unknown } };
    return typeof parsed.error?.message === "string";
  } catch {
    return false;
  }
}

describe("malformed input over every route", () => {
  it("answers the known 500s with a 4xx JSON error", async () => {
    for (const path of ["/%ff", "/%", "/%E0%A4%A", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd"]) {
      const answer = await send("GET", path, undefined, { authorization: "" });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(isErrorJson(answer), `${path}: ${answer.body}`).toBe(true);
    }
    // Headers past Node's 16 KB are refused by its parser: with a JSON error too.
    const huge = await send("GET", `/healthz?x=${"x".repeat(20_000)}`);
    expect(huge.status).toBe(431);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { code: "headers_too_large" } });
    const stats = await send("GET", "/api/flows/welcome/stats?from=99999999999999999999");
    expect(stats.status).toBe(400);
    expect(JSON.parse(stats.body)).toMatchObject({ error: { code: "invalid_query" } });
  });

  it("never answers 5xx, whatever the path, query or body", async () => {
    const routes = routeTable();
    // The sweep covers the API, the webhook, operations, the sandbox emulator and the editor.
    for (const prefix of [
      "/api/flows",
      "/api/contacts",
      "/webhooks/messenger",
      "/healthz",
      "/__graph",
    ]) {
      expect(
        routes.some((r) => r.path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    const names = queryNames();
    const failures: string[] = [];
    let sent = 0;
    const check = async (method: string, path: string, body?: string | Buffer) => {
      sent++;
      const answer = await send(method, path, body);
      if (answer.status >= 500)
        failures.push(
          `${method} ${path.slice(0, 120)} → ${answer.status} ${answer.body.slice(0, 200)}`,
        );
      else if (answer.status >= 400 && !isErrorJson(answer) && answer.status !== 405) {
        failures.push(
          `${method} ${path.slice(0, 120)} → ${answer.status} without a JSON error: ${answer.body.slice(0, 120)}`,
        );
      }
    };
    for (const route of routes) {
      const good = fill(route.path, (name) => goodParam(route.path, name));
      const hasBody = route.method !== "GET" && route.method !== "HEAD";
      // Malformed path parameters (each parameter in turn, and the wildcard).
      for (const bad of BAD_PARAMS) {
        await check(
          route.method,
          fill(route.path, () => bad, bad),
          hasBody ? "{}" : undefined,
        );
      }
      // Malformed query values, with the path as the route expects it.
      for (const value of BAD_QUERY_VALUES) {
        const query = names.map((n) => `${encodeURIComponent(n)}=${encodeURIComponent(value)}`);
        await check(route.method, `${good}?${query.join("&")}`, hasBody ? "{}" : undefined);
      }
      await check(route.method, `${good}?%ff=%ff&%=%&limit=%E0%A4%A&from=1&from=2`);
      // Malformed bodies, on every route (those that read none must still not fail).
      for (const body of BAD_BODIES)
        await check(route.method === "GET" ? "POST" : route.method, good, body);
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 40);
  });
});
