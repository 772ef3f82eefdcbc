import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteStore } from "../src/store/sqlite/sqlite-store";
import { type Json, startRuntime, type TestRuntime, TOKEN } from "./helpers";
import { Browser, invited, PASSWORD, setUpOwner, tokenOf } from "./people";

const HOUR = 60 * 60 * 1000;
/** The runtime's clock, moved on by the tests ("72 hours later"). */
let offset = 0;
let rt: TestRuntime;
let owner: Browser;
let ownerId: string;

beforeAll(async () => {
  rt = await startRuntime({}, undefined, 20, undefined, () => Date.now() + offset);
});
afterAll(async () => {
  await rt?.stop();
});

/** A POST with another Host header than the loopback one (node's fetch keeps its own). */
function postWithHost(path: string, host: string, body: unknown) {
  const url = new URL(rt.url);
  return new Promise<{ status: number; setCookie: string[] }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "POST",
        headers: { host, "content-type": "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe("first run", () => {
  it("prints a setup link (not the admin token) that makes the owner once", async () => {
    expect(rt.setupLink).toMatch(/^http:\/\/localhost:\d+\/setup#token=[A-Za-z0-9_-]{43}$/);
    expect(rt.setupLink).not.toContain(TOKEN);
    const anyone = new Browser(rt.url);
    const short = await anyone.call("POST", "/api/auth/setup", {
      token: tokenOf(rt.setupLink as string),
      email: "olivia@example.com",
      password: "short",
      name: "Olivia",
    });
    expect(short.status).toBe(400);
    const made = await setUpOwner(rt.url, rt.setupLink);
    owner = made.owner;
    ownerId = made.person.id;
    expect(made.person).toMatchObject({
      role: "owner",
      name: "Olivia",
      email: "olivia@example.com",
    });
    const again = await new Browser(rt.url).call("POST", "/api/auth/setup", {
      token: tokenOf(rt.setupLink as string),
      email: "mallory@example.com",
      password: PASSWORD,
      name: "Mallory",
    });
    expect(again).toMatchObject({ status: 400, json: { error: { code: "invalid_link" } } });
    const me = await owner.call("GET", "/api/auth/me");
    expect(me.json).toMatchObject({ role: "owner", person: { id: ownerId } });
    expect(me.json.csrfToken).toBe(owner.csrf);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/, Secure but on loopback", async () => {
    const cookie = owner.setCookie as string;
    expect(cookie).toMatch(/^convo_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).toContain("Max-Age=43200");
    expect(cookie).not.toContain("Secure");
    const remote = await postWithHost("/api/auth/sign-in", "convo.example.com", {
      email: "olivia@example.com",
      password: PASSWORD,
    });
    expect(remote.status).toBe(200);
    const line = remote.setCookie.find((c) => c.startsWith("convo_session=")) as string;
    expect(line).toContain("Secure");
    expect(line).toContain("HttpOnly");
  });
});

describe("sessions", () => {
  it("get a new id at each sign-in; the one before stops working", async () => {
    const browser = new Browser(rt.url);
    await browser.signIn("Olivia@Example.com", PASSWORD);
    const first = browser.cookie as string;
    expect((await browser.call("GET", "/api/auth/me")).status).toBe(200);
    await browser.signIn("olivia@example.com", PASSWORD);
    expect(browser.cookie).not.toBe(first);
    const stale = new Browser(rt.url);
    stale.cookie = first;
    expect((await stale.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await browser.call("GET", "/api/auth/me")).status).toBe(200);
  });

  it("refuse a state-changing call without the CSRF token, or with a wrong one", async () => {
    const none = await owner.call("POST", "/api/flows", { name: "CSRF" }, { "x-csrf-token": "" });
    expect(none).toMatchObject({ status: 403, json: { error: { code: "csrf_failed" } } });
    const wrong = await owner.call("POST", "/api/flows", { name: "CSRF" }, { "x-csrf-token": "x" });
    expect(wrong.status).toBe(403);
    expect((await rt.api("GET", "/api/flows")).json.flows.map((f: Json) => f.name)).not.toContain(
      "CSRF",
    );
    expect((await owner.call("POST", "/api/flows", { name: "CSRF" })).status).toBe(201);
    // A bearer token is not a cookie another site's page could send: no CSRF token needed.
    expect((await rt.api("POST", "/api/flows", { name: "By token" })).status).toBe(201);
  });

  it("end when idle 12 hours", async () => {
    const browser = new Browser(rt.url);
    await browser.signIn("olivia@example.com", PASSWORD);
    offset += 11 * HOUR;
    expect((await browser.call("GET", "/api/auth/me")).status).toBe(200);
    offset += 12 * HOUR + 60_000;
    expect((await browser.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await owner.call("GET", "/api/auth/me")).status).toBe(401);
    await owner.signIn("olivia@example.com", PASSWORD);
  });

  it("end everywhere on sign-out-all, and the others on a password change", async () => {
    const { browser: a, email } = await invited(owner, "sam@example.com", "viewer", "Sam");
    const b = new Browser(rt.url);
    await b.signIn(email, PASSWORD);
    const c = new Browser(rt.url);
    await c.signIn(email, PASSWORD);
    const wrong = await a.call("POST", "/api/auth/password", {
      current: "not it at all",
      password: "another long password",
    });
    expect(wrong.json.error.code).toBe("wrong_password");
    const changed = await a.call("POST", "/api/auth/password", {
      current: PASSWORD,
      password: "another long password",
    });
    expect(changed.status).toBe(204);
    expect((await a.call("GET", "/api/auth/me")).status).toBe(200);
    expect((await b.call("GET", "/api/auth/me")).status).toBe(401);
    await b.signIn(email, "another long password");
    expect((await a.call("POST", "/api/auth/sign-out-all")).status).toBe(204);
    expect((await a.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await b.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await c.call("GET", "/api/auth/me")).status).toBe(401);
  });
});

describe("people", () => {
  it("a removed account's sessions stop at once", async () => {
    const agent = await invited(owner, "ada@example.com", "agent", "Ada");
    expect((await agent.browser.call("GET", "/api/contacts")).status).toBe(200);
    expect((await owner.call("DELETE", `/api/people/${agent.person.id}`)).status).toBe(204);
    expect((await agent.browser.call("GET", "/api/contacts")).status).toBe(401);
    expect((await agent.browser.signIn(agent.email, PASSWORD)).status).toBe(401);
    const people = await owner.call("GET", "/api/people");
    expect(
      people.json.people.find((p: Json) => p.id === agent.person.id).disabledAt,
    ).not.toBeNull();
  });

  it("invites work once, and not after 72 hours", async () => {
    const invite = await owner.call("POST", "/api/people", {
      email: "Eve@Example.com",
      role: "editor",
    });
    expect(invite.status).toBe(201);
    expect(invite.json.link).toMatch(/\/invite#token=/);
    const pending = await owner.call("GET", "/api/people");
    expect(pending.json.invites).toContainEqual(
      expect.objectContaining({ email: "eve@example.com", role: "editor" }),
    );
    const token = tokenOf(invite.json.link);
    const eve = new Browser(rt.url);
    const accepted = await eve.call("POST", "/api/auth/accept-invite", {
      token,
      password: PASSWORD,
      name: "Eve",
    });
    expect(accepted.json.person).toMatchObject({ email: "eve@example.com", role: "editor" });
    const twice = await new Browser(rt.url).call("POST", "/api/auth/accept-invite", {
      token,
      password: PASSWORD,
    });
    expect(twice).toMatchObject({ status: 400, json: { error: { code: "invalid_link" } } });

    const late = await owner.call("POST", "/api/people", {
      email: "late@example.com",
      role: "viewer",
    });
    offset += 72 * HOUR + 1;
    await owner.signIn("olivia@example.com", PASSWORD);
    const expired = await new Browser(rt.url).call("POST", "/api/auth/accept-invite", {
      token: tokenOf(late.json.link),
      password: PASSWORD,
    });
    expect(expired).toMatchObject({ status: 400, json: { error: { code: "invalid_link" } } });
  });

  it("changes roles, resets passwords, and keeps one owner", async () => {
    const { browser, person } = await invited(owner, "vic@example.com", "viewer", "Vic");
    expect((await browser.call("POST", "/api/flows", { name: "Nope" })).status).toBe(403);
    const promoted = await owner.call("PATCH", `/api/people/${person.id}`, { role: "editor" });
    expect(promoted.json.role).toBe("editor");
    expect((await browser.call("POST", "/api/flows", { name: "Vic's flow" })).status).toBe(201);
    const reset = await owner.call("POST", `/api/people/${person.id}/reset`);
    expect(reset.json.link).toMatch(/\/reset#token=/);
    const fresh = new Browser(rt.url);
    const done = await fresh.call("POST", "/api/auth/accept-invite", {
      token: tokenOf(reset.json.link),
      password: "a brand new password",
    });
    expect(done.status).toBe(200);
    expect((await browser.call("GET", "/api/auth/me")).status).toBe(401);
    expect((await fresh.signIn("vic@example.com", "a brand new password")).status).toBe(200);
    const demote = await owner.call("PATCH", `/api/people/${ownerId}`, { role: "viewer" });
    expect(demote).toMatchObject({ status: 409, json: { error: { code: "last_owner" } } });
    expect((await owner.call("DELETE", `/api/people/${ownerId}`)).status).toBe(409);
  });

  it("versions name the person who published", async () => {
    const editor = await invited(owner, "edith@example.com", "editor", "Edith");
    expect((await editor.browser.call("POST", "/api/flows/welcome/publish", {})).status).toBe(201);
    const versions = await editor.browser.call("GET", "/api/flows/welcome/versions");
    expect(versions.json.versions[0].publishedBy).toBe("Edith");
  });
});

describe("sign-in limits", () => {
  it("lock an account after 20 wrong passwords, say until when, then let it in", async () => {
    const { email } = await invited(owner, "lock@example.com", "viewer", "Lou");
    const browser = new Browser(rt.url);
    for (let i = 1; i < 20; i++) {
      const wrong = await browser.signIn(email, `wrong password ${i}`);
      expect(wrong.status, `attempt ${i}`).toBe(401);
      expect(wrong.json.error.code).toBe("invalid_credentials");
    }
    const twentieth = await browser.signIn(email, "wrong password 20");
    expect(twentieth.status).toBe(429);
    expect(twentieth.json.error.code).toBe("too_many_attempts");
    expect(twentieth.json.error.message).toMatch(
      /locked.*Try again in 15 minutes \(after \d\d:\d\d UTC\)/,
    );
    expect(Number(twentieth.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const right = await browser.signIn(email, PASSWORD);
    expect(right.status).toBe(429);
    // Someone else is not locked out by it.
    expect((await new Browser(rt.url).signIn("olivia@example.com", PASSWORD)).status).toBe(200);
    offset += 15 * 60_000 + 1;
    await owner.signIn("olivia@example.com", PASSWORD);
    expect((await browser.signIn(email, PASSWORD)).status).toBe(200);
  });
});

describe("the audit log", () => {
  it("lists who did what, filters, and exports CSV", async () => {
    const all = await owner.call("GET", "/api/audit?limit=1000");
    const actions = new Set(all.json.entries.map((e: Json) => e.action));
    for (const action of [
      "person.setup",
      "auth.sign_in",
      "auth.sign_in_failed",
      "person.invite",
      "person.join",
      "person.role",
      "person.reset",
      "person.remove",
      "flow.create",
      "flow.publish",
    ]) {
      expect(actions, action).toContain(action);
    }
    const published = await owner.call("GET", "/api/audit?action=flow.publish");
    expect(published.json.entries[0]).toMatchObject({
      actor: { name: "Edith", kind: "person" },
      target: "welcome",
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    const mine = await owner.call("GET", `/api/audit?actor=${ownerId}&action=person.`);
    expect(mine.json.entries.length).toBeGreaterThan(0);
    expect(mine.json.entries.every((e: Json) => e.actor.id === ownerId)).toBe(true);
    const future = await owner.call("GET", `/api/audit?from=${Date.now() + offset + HOUR}`);
    expect(future.json.entries).toEqual([]);
    const csv = await owner.call("GET", "/api/audit?format=csv&action=flow.publish");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe("id,at,actor_id,actor_name,actor_kind,action,target,detail,ip");
    expect(lines[1]).toContain('"Edith","person","flow.publish","welcome"');
  });

  it("cannot be changed: no route, and the database refuses", async () => {
    const db = (rt.runtime.deps.store as SqliteStore).database;
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    for (const method of ["DELETE", "PUT", "PATCH", "POST"]) {
      expect((await owner.call(method, "/api/audit")).status).toBe(404);
    }
  });
});

describe("password hashes", () => {
  it("are in no API answer, export or log", async () => {
    const kept = await rt.runtime.deps.store.people.credentials("olivia@example.com");
    expect(kept?.passwordHash).toMatch(/^scrypt\$/);
    const answers = [
      ...owner.seen,
      (await owner.call("GET", "/api/people")).text,
      (await owner.call("GET", "/api/audit?limit=10000")).text,
      (await owner.call("GET", "/api/audit?format=csv&limit=10000")).text,
      (await owner.call("GET", "/api/auth/me")).text,
    ];
    for (const text of answers) {
      expect(text).not.toContain("scrypt$");
      expect(text).not.toContain(kept?.passwordHash.split("$")[3]);
      expect(text.toLowerCase()).not.toContain("password_hash");
      expect(text).not.toContain("passwordHash");
    }
  });
});
