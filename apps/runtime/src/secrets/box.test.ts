import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox } from "./box";

describe("SecretBox", () => {
  const box = new SecretBox(randomBytes(32));

  it("opens what it sealed, and each seal of the same text differs", () => {
    const a = box.seal("shop-token", "secret:SHOP");
    const b = box.seal("shop-token", "secret:SHOP");
    expect(a).not.toBe(b);
    expect(a).not.toContain("shop-token");
    expect(box.open(a, "secret:SHOP")).toBe("shop-token");
  });

  it("refuses a value moved to another name, a changed byte, or another key", () => {
    const sealed = box.seal("shop-token", "secret:SHOP");
    expect(() => box.open(sealed, "secret:OTHER")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`v1:${raw.toString("base64url")}`, "secret:SHOP")).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, "secret:SHOP")).toThrow();
  });

  it("takes only 32-byte keys", () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
