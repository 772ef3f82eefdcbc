import { describe, expect, it } from "vitest";
import { appIdFor, passToChoice } from "./pass-to";

describe('the hand-over\'s "pass the thread to"', () => {
  it("presets the Page Inbox's app id, and clears it for Convo's live chat only", () => {
    expect(appIdFor("page_inbox", undefined)).toBe("263902037430900");
    expect(appIdFor("page_inbox", "1234")).toBe("263902037430900");
    expect(appIdFor("none", "263902037430900")).toBeUndefined();
  });

  it("keeps a help desk's id, and starts another app empty rather than as the Page Inbox", () => {
    expect(appIdFor("app", "1234")).toBe("1234");
    expect(appIdFor("app", "263902037430900")).toBeUndefined();
  });

  it("reads the choice back from the step", () => {
    expect(passToChoice(undefined, false)).toBe("none");
    expect(passToChoice("263902037430900", false)).toBe("page_inbox");
    expect(passToChoice("1234", false)).toBe("app");
    // Another app chosen, its id not typed yet.
    expect(passToChoice(undefined, true)).toBe("app");
  });
});
