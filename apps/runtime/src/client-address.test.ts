import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

const { ranges } = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8");

describe("the client's address behind trusted proxies", () => {
  it("is the peer when nothing is trusted, whatever the header says", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", [])).toBe("127.0.0.1");
    expect(clientAddress("192.0.2.4", "203.0.113.9", ranges)).toBe("192.0.2.4");
  });

  it("is the rightmost hop that is not a trusted proxy", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.9", ranges)).toBe("203.0.113.9");
    // The client forged a first hop; the proxies appended the real one, then each other.
    expect(clientAddress("10.1.2.3", "1.1.1.1, 203.0.113.9, 10.9.9.9", ranges)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "2001:db8::7", ranges)).toBe("2001:db8::7");
    expect(clientAddress("::1", "[2001:db8::8]", ranges)).toBe("2001:db8::8");
  });

  it("stops at a hop that is not an address, and at the last trusted one when all are", () => {
    expect(clientAddress("127.0.0.1", "evil, 10.0.0.5", ranges)).toBe("10.0.0.5");
    expect(clientAddress("127.0.0.1", "10.0.0.5, 10.0.0.6", ranges)).toBe("10.0.0.5");
    expect(clientAddress("127.0.0.1", undefined, ranges)).toBe("127.0.0.1");
  });

  it("names what is neither an address nor a range", () => {
    expect(parseTrustedProxies("127.0.0.1,10.0.0.0/33,proxy.local,").bad).toEqual([
      "10.0.0.0/33",
      "proxy.local",
    ]);
    expect(parseTrustedProxies("::ffff:10.0.0.0/104").ranges[0]?.[1]).toBe(8);
  });
});
