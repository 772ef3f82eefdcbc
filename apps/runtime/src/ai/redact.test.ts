import { describe, expect, it } from "vitest";
import { redactContactData } from "./redact";

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

  it("keeps what is neither: an order number, a price, a date", () => {
    const text = "Order A12345 cost 49.90 € on 12/03/2025";
    expect(redactContactData(text, "fr_FR")).toBe(text);
  });
});
