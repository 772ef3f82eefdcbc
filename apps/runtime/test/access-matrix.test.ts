import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permits } from "../src/accounts/access";
import type { RouteSpec } from "../src/api/openapi/route-spec";
import { API_SECTIONS } from "../src/api/specs";
import { createApiKey, SCOPES } from "../src/keys/api-keys";
import { startRuntime, type TestRuntime, TOKEN } from "./helpers";
import { type Browser, invited, PASSWORD, setUpOwner } from "./people";

/**
 * Every route of the management API, from the route table, for each kind of caller: nobody,
 * each role, an API key with every scope and one with none, and the admin token. A route without
 * an access rule fails here (and is refused to everyone by the server).
 */
const ROUTES = API_SECTIONS.filter((s) => s.base === "/api").flatMap((section) =>
  section.routes.map((spec) => ({
    spec,
    path: `/api${section.prefix}${spec.path === "/" ? "" : spec.path}`.replace(
      /:(\w+)/g,
      "matrix-$1",
    ),
  })),
);
const ROLES = ["viewer", "agent", "editor", "owner"] as const;

type Caller =
  | { kind: "none" }
  | { kind: "person"; role: (typeof ROLES)[number] }
  | { kind: "key"; scopes: readonly string[] }
  | { kind: "token" };

let rt: TestRuntime;
const browsers = new Map<string, Browser>();
const emails = new Map<string, string>();
const keys = { all: "", none: "" };

beforeAll(async () => {
  rt = await startRuntime();
  const { owner } = await setUpOwner(rt.url, rt.setupLink);
  browsers.set("owner", owner);
  emails.set("owner", "olivia@example.com");
  for (const role of ["viewer", "agent", "editor"] as const) {
    const { browser, email } = await invited(owner, `${role}@example.com`, role, role);
    browsers.set(role, browser);
    emails.set(role, email);
  }
  const store = rt.runtime.deps.store.keys;
  keys.all = (await createApiKey(store, { name: "all", scopes: SCOPES, now: Date.now() })).key;
  keys.none = (await createApiKey(store, { name: "none", scopes: [], now: Date.now() })).key;
});
afterAll(async () => {
  await rt?.stop();
});

/** What the caller gets: the status, calling as a browser (cookie + CSRF) or with a bearer. */
async function call(caller: Caller, spec: RouteSpec, path: string): Promise<number> {
  const method = spec.method.toUpperCase();
  const body = method === "GET" || method === "DELETE" ? undefined : {};
  if (caller.kind === "person") {
    const browser = browsers.get(caller.role) as Browser;
    const { status } = await browser.call(method, path, body);
    // Signing out ends the session the next routes need: sign in again.
    if (path.startsWith("/api/auth/sign-out")) {
      await browser.signIn(emails.get(caller.role) as string, PASSWORD);
    }
    return status;
  }
  const bearer =
    caller.kind === "token"
      ? TOKEN
      : caller.kind === "key"
        ? caller.scopes.length
          ? keys.all
          : keys.none
        : undefined;
  const abort = new AbortController();
  const response = await fetch(rt.url + path, {
    method,
    headers: {
      "content-type": "application/json",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: abort.signal,
  });
  // A news stream (server-sent events) never ends: its status is the answer.
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    abort.abort();
  } else await response.arrayBuffer();
  return response.status;
}

const CALLERS: Caller[] = [
  { kind: "none" },
  ...ROLES.map((role) => ({ kind: "person" as const, role })),
  { kind: "key", scopes: SCOPES },
  { kind: "key", scopes: [] },
  { kind: "token" },
];
const label = (c: Caller) =>
  c.kind === "person"
    ? c.role
    : c.kind === "key"
      ? `key ${c.scopes.length ? "with scopes" : "without"}`
      : c.kind;

/** What the rule says the caller should get: 401, 403, or anything else (`ok`). */
function expected(caller: Caller, spec: RouteSpec): 401 | 403 | "ok" {
  if (spec.public) return "ok";
  if (caller.kind === "none") return 401;
  if (!spec.access) return 403;
  const as =
    caller.kind === "token"
      ? ({ kind: "owner" } as const)
      : caller.kind === "key"
        ? ({ kind: "key", id: "k", name: "k", scopes: caller.scopes } as const)
        : ({ kind: "person", person: { role: caller.role }, session: {} } as never);
  return permits(as, spec.access) ? "ok" : 403;
}

describe("route × role matrix", () => {
  it("covers the management API, and every route but signing in has an access rule", () => {
    expect(ROUTES.length).toBeGreaterThan(50);
    const missing = ROUTES.filter((r) => !r.spec.public && !r.spec.access).map(
      (r) => `${r.spec.method} ${r.path}`,
    );
    expect(missing).toEqual([]);
    const open = ROUTES.filter((r) => r.spec.public).map((r) => r.path);
    expect(open.sort()).toEqual([
      "/api/auth/accept-invite",
      "/api/auth/setup",
      "/api/auth/sign-in",
    ]);
  });

  it("answers each caller as its rule says", async () => {
    const wrong: string[] = [];
    for (const { spec, path } of ROUTES) {
      if (spec.public) continue;
      for (const caller of CALLERS) {
        const status = await call(caller, spec, path);
        const want = expected(caller, spec);
        const fine = want === "ok" ? status !== 401 && status !== 403 : status === want;
        if (!fine)
          wrong.push(`${spec.method} ${path} as ${label(caller)}: ${status}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives what each role may do its plain meaning", () => {
    const may = (role: (typeof ROLES)[number], method: string, path: string) => {
      const route = ROUTES.find((r) => r.spec.method === method && r.path === path);
      if (!route) throw new Error(`no route ${method} ${path}`);
      return expected({ kind: "person", role }, route.spec) === "ok";
    };
    expect(may("editor", "post", "/api/flows/matrix-id/publish")).toBe(true);
    expect(may("editor", "get", "/api/contacts")).toBe(false);
    expect(may("agent", "post", "/api/contacts/matrix-id/messages")).toBe(true);
    expect(may("agent", "put", "/api/flows/matrix-id")).toBe(false);
    expect(may("viewer", "get", "/api/flows/matrix-id/stats")).toBe(true);
    expect(may("viewer", "get", "/api/contacts/matrix-id")).toBe(false);
    expect(may("viewer", "put", "/api/page")).toBe(false);
    for (const role of ["viewer", "agent", "editor"] as const) {
      expect(may(role, "get", "/api/people")).toBe(false);
      expect(may(role, "get", "/api/audit")).toBe(false);
      expect(may(role, "delete", "/api/contacts/matrix-id")).toBe(false);
    }
  });

  it("answers an unknown /api route 401 to nobody and 404 to someone signed in", async () => {
    expect((await fetch(`${rt.url}/api/nope`)).status).toBe(401);
    expect((await (browsers.get("viewer") as Browser).call("GET", "/api/nope")).status).toBe(404);
  });
});
