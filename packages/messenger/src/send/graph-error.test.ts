import { describe, expect, it } from "vitest";
import { classifyGraphFailure } from "./graph-error";

const meta = (code: number, subcode?: number) => ({
  error: {
    message: `(#${code}) x`,
    type: "OAuthException",
    code,
    error_subcode: subcode,
    fbtrace_id: "A1",
  },
});

describe("classifyGraphFailure", () => {
  it.each([
    [500, meta(2), "transient"],
    [500, meta(1200), "transient"],
    [400, meta(1, 99), "transient"],
    [502, "<html>Bad Gateway</html>", "transient"],
    [400, meta(4), "rate_limited"],
    [400, meta(32), "rate_limited"],
    [400, meta(613), "rate_limited"],
    [429, undefined, "rate_limited"],
    [400, meta(10, 2018278), "outside_window"],
    [400, meta(551, 1545041), "user_unreachable"],
    [400, meta(10, 2018108), "user_unreachable"],
    [400, meta(190, 463), "bad_token"],
    [400, meta(100, 33), "bad_request"],
    [403, meta(200), "bad_request"],
    [400, meta(10), "bad_request"],
    [404, "not json", "bad_request"],
    [400, { error: "a string, not Meta's shape" }, "bad_request"],
  ] as const)("HTTP %s %j is %s", (status, body, category) => {
    const error = classifyGraphFailure(status, body);
    expect(error.category).toBe(category);
    expect(error.retryable).toBe(category === "transient" || category === "rate_limited");
    expect(error.status).toBe(status);
  });

  it("keeps Meta's message, codes and trace id", () => {
    expect(classifyGraphFailure(400, meta(551, 1545041))).toMatchObject({
      message: "(#551) x",
      code: 551,
      subcode: 1545041,
      type: "OAuthException",
      fbtraceId: "A1",
      name: "GraphError",
    });
  });
});
