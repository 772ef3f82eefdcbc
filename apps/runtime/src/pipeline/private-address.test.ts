import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { performHttp } from "./http-action";
import { isPrivateAddress } from "./private-address";

let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  // On every interface, IPv4 and IPv6: any form of a local address that connects reaches it.
  server = createServer((_req, res) => {
    hits++;
    res.end("reached");
  });
  await new Promise<void>((resolve) => server.listen(0, "::", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const get = (host: string, allowPrivate = false) =>
  performHttp(
    { method: "GET", url: `http://${host}:${port}/`, headers: [], timeoutMs: 300 },
    { allowPrivate, secrets: {} },
  );

describe("the HTTP step and private addresses", () => {
  // Each a way to write a loopback or private address in a URL (IPv6 inside brackets).
  const forms: [string, string][] = [
    ["IPv4-mapped loopback (the URL writes it ::ffff:7f00:1)", "[::ffff:127.0.0.1]"],
    ["IPv4-mapped private, in hex", "[::ffff:a00:1]"],
    ["IPv4-compatible loopback", "[::127.0.0.1]"],
    ["SIIT (RFC 6145) loopback", "[::ffff:0:7f00:1]"],
    ["6to4 of 127.0.0.1", "[2002:7f00:1::]"],
    ["6to4 of 10.0.0.1", "[2002:a00:1::1]"],
    ["6to4 of 192.168.1.1", "[2002:c0a8:101::]"],
    ["NAT64 of 127.0.0.1", "[64:ff9b::7f00:1]"],
    ["NAT64 of 169.254.169.254 (cloud metadata)", "[64:ff9b::a9fe:a9fe]"],
    ["NAT64 local-use prefix", "[64:ff9b:1::a00:1]"],
    ["site-local fec0::/10", "[fec0::1]"],
    ["unique local", "[fd00::1]"],
    ["link-local", "[fe80::1]"],
    ["unspecified", "[::]"],
    ["IPv6 loopback", "[::1]"],
    ["Teredo", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]"],
    ["IPv4 loopback as one number", "2130706433"],
    ["IPv4 loopback", "127.0.0.1"],
    ["unspecified IPv4", "0.0.0.0"],
    ["carrier-grade NAT", "100.64.0.1"],
    ["cloud metadata", "169.254.169.254"],
    ["a name that resolves to loopback", "localhost"],
  ];

  it.each(forms)("refuses %s (%s) before connecting", async (_what, host) => {
    const before = hits;
    const outcome = await get(host);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/private address/) });
    expect(hits).toBe(before);
  });

  it("reaches the same server when private addresses are allowed (the refusal is what stops it)", async () => {
    const before = hits;
    expect(await get("[::ffff:127.0.0.1]", true)).toMatchObject({ ok: true, body: "reached" });
    expect(await get("127.0.0.1", true)).toMatchObject({ ok: true, body: "reached" });
    expect(hits).toBe(before + 2);
  });

  it("lets public addresses through, also when written in an IPv6 form", () => {
    for (const address of [
      "8.8.8.8",
      "2606:4700:4700::1111",
      "::ffff:808:808",
      "2002:808:808::",
      "64:ff9b::808:808",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
    expect(isPrivateAddress("not-an-address")).toBe(true);
  });
});
