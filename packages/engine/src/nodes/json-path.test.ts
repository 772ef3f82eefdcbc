import { describe, expect, it } from "vitest";
import { formatJsonPath, readPath } from "./json-path";

describe("formatJsonPath", () => {
  it("writes the path a clicked value is read back at", () => {
    const answer = { data: { items: [{ status: "shipped", "order id": "A-1" }] }, list: [[1, 2]] };
    const cases: [(string | number)[], unknown][] = [
      [["data", "items", 0, "status"], "shipped"],
      [["data", "items", 0, "order id"], "A-1"],
      [["list", 0, 1], 2],
    ];
    for (const [parts, value] of cases) expect(readPath(answer, formatJsonPath(parts))).toBe(value);
    expect(formatJsonPath(["data", "items", 0, "status"])).toBe("data.items[0].status");
    expect(readPath([{ id: 7 }], formatJsonPath([0, "id"]))).toBe(7);
  });
});
