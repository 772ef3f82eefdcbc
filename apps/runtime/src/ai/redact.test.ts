import { describe, expect, it } from "vitest";
import { orderNumberPattern, parseOrderNumberRule } from "./order-numbers";
import { redactContactData } from "./redact";

const DEFAULT = orderNumberPattern({ kind: "default" });

/** The pattern of `CONVO_AI_ORDER_NUMBERS=raw`, which must read. */
function shapes(raw: string): RegExp | undefined {
  const read = parseOrderNumberRule(raw);
  if (!read.ok) throw new Error(read.error);
  return orderNumberPattern(read.rule);
}

describe("redactContactData", () => {
  it("replaces e-mail addresses and phone numbers, national in the contact's country or international", () => {
    expect(redactContactData("écrivez à ana.lopez+shop@mail.example.fr, merci", "fr_FR")).toBe(
      "écrivez à [email], merci",
    );
    expect(redactContactData("mon numéro : 06 12 34 56 78 !", "fr_FR")).toBe(
      "mon numéro : [phone] !",
    );
    expect(redactContactData("ring +44 20 7946 0958 or 020 7946 0958", "en_GB")).toBe(
      "ring [phone] or [phone]",
    );
  });

  it("replaces order numbers shaped like #12345 or letters then digits by default, and keeps prices and dates", () => {
    expect(redactContactData("Order A12345 cost 49.90 € on 12/03/2025", "en_GB", DEFAULT)).toBe(
      "Order [order] cost 49.90 € on 12/03/2025",
    );
    expect(
      redactContactData("ma commande #100234 et CMD-2024001, au 75011 Paris", "fr_FR", DEFAULT),
    ).toBe("ma commande [order] et [order], au 75011 Paris");
    // Inside a longer word or number it is not an order number of its own.
    expect(redactContactData("ref ABCDEF12345 or A123", "fr_FR", DEFAULT)).toBe(
      "ref ABCDEF12345 or A123",
    );
    // Without a pattern (CONVO_AI_ORDER_NUMBERS=none) they stay.
    expect(redactContactData("Order A12345", "en_GB", undefined)).toBe("Order A12345");
  });

  it("takes the order numbers' digits before a phone number could claim them", () => {
    expect(redactContactData("CMD-0612345678 svp", "fr_FR", DEFAULT)).toBe("[order] svp");
  });

  it("replaces the brand's own shapes instead, case ignored", () => {
    const brand = shapes("CMD-{6}, #{4-8}, {9}");
    expect(
      redactContactData("cmd-123456, #1001, 123456789, CMD-1234567, A12345", "fr_FR", brand),
    ).toBe("[order], [order], [order], CMD-1234567, A12345");
  });
});

describe("CONVO_AI_ORDER_NUMBERS", () => {
  it("reads the default, none, or shapes", () => {
    expect(parseOrderNumberRule(undefined)).toEqual({ ok: true, rule: { kind: "default" } });
    expect(parseOrderNumberRule(" none ")).toEqual({ ok: true, rule: { kind: "none" } });
    expect(parseOrderNumberRule("CMD-{6}, #{4-8}")).toEqual({
      ok: true,
      rule: {
        kind: "shapes",
        shapes: [
          { prefix: "CMD-", min: 6, max: 6 },
          { prefix: "#", min: 4, max: 8 },
        ],
      },
    });
  });

  it("refuses what is not a prefix and a bounded count of digits, so no pattern can blow up", () => {
    for (const raw of ["(a+)+{3}", "CMD-{0}", "CMD-{8-4}", "CMD-{21}", "CMD-", "[a-z]{4}"]) {
      expect(parseOrderNumberRule(raw).ok, raw).toBe(false);
    }
    expect(parseOrderNumberRule(`${"ABCDEFGHIJKLMNOPQ"}{4}`).ok).toBe(false);
    expect(parseOrderNumberRule(Array(21).fill("A{4}").join(",")).ok).toBe(false);
  });

  it("prefixes are literal: a dot is a dot", () => {
    const brand = shapes("N.{5}");
    expect(redactContactData("N.12345 NX12345", "fr_FR", brand)).toBe("[order] NX12345");
  });
});
