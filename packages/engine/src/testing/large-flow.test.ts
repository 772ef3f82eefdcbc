import { flowSchema, lintFlow } from "@convo/flow";
import { testChannel } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { initialSession } from "../session";
import { step } from "../step";
import type { Session } from "../types";
import { makeContext } from "./build";
import { generateLargeFlow, LARGE_FLOW_KEYWORD } from "./large-flow";

describe("generateLargeFlow", () => {
  it("makes a valid flow with no lint errors, of the size asked", () => {
    const flow = generateLargeFlow(1000);
    expect(flow.nodes).toHaveLength(1000);
    expect(flow.edges.length).toBeGreaterThan(1200);
    expect(flowSchema.safeParse(flow).success).toBe(true);
    expect(lintFlow(flow, { channel: testChannel }).filter((p) => p.severity === "error")).toEqual(
      [],
    );
  });

  it("can be walked from its keyword to its end by tapping Go", () => {
    const flow = generateLargeFlow(1000);
    const context = makeContext();
    let session: Session = initialSession();
    let result = step(flow, session, { type: "message", text: LARGE_FLOW_KEYWORD }, context);
    let taps = 0;
    while (result.session.waiting) {
      session = result.session;
      const { nodeId } = session.waiting as { nodeId: string };
      result = step(
        flow,
        session,
        { type: "quick_reply", payload: `cv1|large|1|${nodeId}|go`, text: "Go" },
        context,
      );
      taps++;
    }
    expect(taps).toBe(99);
    expect(result.actions.at(-1)).toEqual({ type: "end" });
  });
});
