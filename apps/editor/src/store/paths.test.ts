import { lintFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { getIn, parsePath, setIn } from "./paths";

describe("problem paths", () => {
  it("read a lint problem's path as keys and indexes", () => {
    expect(parsePath("nodes[3].data.steps[0].headers[12].value")).toEqual([
      "nodes",
      3,
      "data",
      "steps",
      0,
      "headers",
      12,
      "value",
    ]);
  });

  it("apply the secret-in-flow rewrite where the problem points", () => {
    const flow = twoButtonFlow();
    flow.nodes.push({
      id: "call",
      type: "action",
      position: { x: 0, y: 0 },
      data: {
        steps: [
          {
            kind: "http",
            method: "GET",
            url: "https://shop.test/orders",
            headers: [{ name: "X-Shop-Key", value: "shpat_0123456789abcdef0123456789abcdef" }],
          },
        ],
      },
    });
    const problem = lintFlow(flow, { channel: CHANNEL_SPECS.messenger }).find(
      (p) => p.code === "secret-in-flow",
    );
    expect(problem?.fix).toEqual({ value: "{{secrets.SHOP_KEY}}" });
    if (!problem?.fix) return;
    const fixed = setIn(flow, parsePath(problem.path), problem.fix.value);
    expect(getIn(fixed, parsePath(problem.path))).toBe("{{secrets.SHOP_KEY}}");
    expect(
      lintFlow(fixed, { channel: CHANNEL_SPECS.messenger }).some(
        (p) => p.code === "secret-in-flow",
      ),
    ).toBe(false);
  });
});
