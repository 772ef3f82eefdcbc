import { describe, expect, it } from "vitest";
import { contactHash, liveChatRoute } from "./route";

describe("liveChatRoute", () => {
  it("reads the contacts list and one contact, and leaves other screens alone", () => {
    expect(liveChatRoute("#/contacts")).toEqual({ contactId: null });
    expect(liveChatRoute(contactHash("tester-1 é"))).toEqual({ contactId: "tester-1 é" });
    expect(liveChatRoute("#/flows/welcome")).toBeNull();
    expect(liveChatRoute("")).toBeNull();
  });
});
