import { describe, expect, it } from "vitest";
import { formatDateTime } from "./dates";

describe("formatDateTime", () => {
  it("writes a date as toLocaleString does, in each language", () => {
    const at = "2026-03-14T15:09:26.000Z";
    for (const locale of ["en", "fr", "en-GB"]) {
      expect(formatDateTime(at, locale)).toBe(new Date(at).toLocaleString(locale));
      expect(formatDateTime(Date.parse(at), locale)).toBe(new Date(at).toLocaleString(locale));
    }
  });
});
