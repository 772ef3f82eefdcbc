import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS_FAILURES } from "../src/accounts/sign-in-limits";
import { startRuntime, type TestRuntime } from "./helpers";

/**
 * The sign-in limit by address behind a reverse proxy. Every request here comes from 127.0.0.1:
 * with `CONVO_TRUSTED_PROXIES` naming it, that is the proxy and `X-Forwarded-For` names the
 * client; without it, the header is the client's own word and is ignored.
 */
let proxied: TestRuntime;
let direct: TestRuntime;

beforeAll(async () => {
  proxied = await startRuntime({ CONVO_TRUSTED_PROXIES: "127.0.0.1,::1,10.0.0.0/8" });
  direct = await startRuntime();
});
afterAll(async () => {
  await proxied?.stop();
  await direct?.stop();
});

/** An address held back: as many failures as the limit, just now. */
async function failedOften(rt: TestRuntime, address: string) {
  const failures = rt.runtime.deps.store.signInFailures;
  for (let i = 0; i < ADDRESS_FAILURES; i++) {
    await failures.record([`address:${address}`], Date.now() - i);
  }
}

let attempt = 0;
async function signIn(rt: TestRuntime, forwardedFor?: string) {
  const response = await fetch(`${rt.url}/api/auth/sign-in`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
    },
    // A new e-mail each time: only the address can be what locks.
    body: JSON.stringify({ email: `nobody${++attempt}@example.com`, password: "wrong password" }),
  });
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe("behind trusted proxies", () => {
  it("limits two forwarded addresses separately", async () => {
    await failedOften(proxied, "203.0.113.7");
    const held = await signIn(proxied, "203.0.113.7");
    expect(held.status).toBe(429);
    expect(held.message).toContain("from this address");
    // Another customer behind the same proxy is not held back with them.
    expect((await signIn(proxied, "203.0.113.8")).status).toBe(401);
    // A hop the client wrote left of the real one changes nothing.
    expect((await signIn(proxied, "198.51.100.1, 203.0.113.7")).status).toBe(429);
    // Through a second trusted proxy, the client is still the rightmost untrusted hop.
    expect((await signIn(proxied, "203.0.113.7, 10.0.0.2")).status).toBe(429);
  });

  it("writes the client's address in the audit log, not the proxy's", async () => {
    await signIn(proxied, "203.0.113.21");
    const answer = await proxied.api("GET", "/api/audit?action=auth.sign_in_failed&limit=1");
    expect(answer.json.entries[0].ip).toBe("203.0.113.21");
  });
});

describe("without trusted proxies", () => {
  it("ignores X-Forwarded-For: a forged one does not escape the limit", async () => {
    await failedOften(direct, "127.0.0.1");
    expect((await signIn(direct)).status).toBe(429);
    const forged = await signIn(direct, "198.51.100.99");
    expect(forged.status).toBe(429);
    expect(forged.message).toContain("from this address");
  });
});
