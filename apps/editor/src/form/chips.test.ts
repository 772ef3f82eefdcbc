import { describe, expect, it } from "vitest";
import { addChips } from "./chips";

describe("keyword chips", () => {
  it("adds each piece between commas, trimmed, once whatever its case and accents", () => {
    expect(addChips([], "colis")).toEqual(["colis"]);
    expect(addChips(["colis"], " Suivi , COLIS, côlis,, livraison")).toEqual([
      "colis",
      "Suivi",
      "livraison",
    ]);
  });

  it("drops the empty keyword a new trigger starts with", () => {
    expect(addChips([""], "order")).toEqual(["order"]);
    expect(addChips(["order"], "  ")).toEqual(["order"]);
  });
});
