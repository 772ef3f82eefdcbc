import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixture, fixtureBytes } from "./fixtures";
import { signBody, verifyChallenge, verifySignature } from "./verify";

const SECRET = "3f1c0e9a7b5d4c2e8f6a1b3c5d7e9f0a";

function metaSignature(bytes: Uint8Array, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(bytes).digest("hex")}`;
}

describe("verifyChallenge", () => {
  const query = {
    "hub.mode": "subscribe",
    "hub.verify_token": "s3cret",
    "hub.challenge": "1158201444",
  };

  it("answers the challenge when mode and token match", () => {
    expect(verifyChallenge(query, "s3cret")).toEqual({ ok: true, challenge: "1158201444" });
  });

  it("refuses a wrong token, another mode, a missing challenge or an empty configured token", () => {
    expect(verifyChallenge(query, "other")).toEqual({ ok: false });
    expect(verifyChallenge({ ...query, "hub.mode": "unsubscribe" }, "s3cret")).toEqual({
      ok: false,
    });
    expect(verifyChallenge({ ...query, "hub.challenge": undefined }, "s3cret")).toEqual({
      ok: false,
    });
    expect(verifyChallenge({ ...query, "hub.verify_token": "" }, "")).toEqual({ ok: false });
    expect(verifyChallenge({}, "s3cret")).toEqual({ ok: false });
  });
});

describe("verifySignature", () => {
  const bytes = fixtureBytes("text"); // contains "Où", "n°" and an emoji

  it("accepts Meta's signature over the raw bytes of a non-ASCII body", () => {
    expect(bytes.toString("utf8")).toContain("Où est ma commande");
    expect(verifySignature(bytes, metaSignature(bytes), SECRET)).toBe(true);
    expect(
      verifySignature(
        new Uint8Array(bytes),
        metaSignature(bytes).toUpperCase().replace("SHA256", "sha256"),
        SECRET,
      ),
    ).toBe(true);
    expect(signBody(bytes, SECRET)).toBe(metaSignature(bytes));
  });

  it("rejects the same JSON re-serialised into other bytes", () => {
    const reserialised = Buffer.from(JSON.stringify(fixture("text")), "utf8");
    expect(reserialised.equals(bytes)).toBe(false);
    expect(verifySignature(reserialised, metaSignature(bytes), SECRET)).toBe(false);
    // Meta escapes nothing, but a proxy that writes \u escapes changes the digest too.
    const escaped = Buffer.from(
      JSON.stringify(fixture("text")).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
      ),
    );
    expect(JSON.parse(escaped.toString())).toEqual(fixture("text"));
    expect(verifySignature(escaped, metaSignature(bytes), SECRET)).toBe(false);
  });

  it("rejects a signature made with another secret or over a changed body", () => {
    expect(verifySignature(bytes, metaSignature(bytes, "another-secret"), SECRET)).toBe(false);
    const changed = Buffer.from(bytes);
    changed[changed.length - 3] = 0x20;
    expect(verifySignature(changed, metaSignature(bytes), SECRET)).toBe(false);
  });

  it("rejects missing, empty and garbled headers without throwing", () => {
    const good = metaSignature(bytes);
    for (const header of [
      undefined,
      null,
      "",
      "sha256=",
      good.slice("sha256=".length),
      good.replace("sha256=", "sha1="),
      good.slice(0, -2),
      `${good}00`,
      good.replace(/.$/, "z"),
      "sha256=not-hex-at-all",
      "sha256=💥",
    ]) {
      expect(verifySignature(bytes, header, SECRET)).toBe(false);
    }
  });

  it("refuses everything when no app secret is configured", () => {
    expect(verifySignature(bytes, metaSignature(bytes, ""), "")).toBe(false);
  });
});
