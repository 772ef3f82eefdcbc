import { lintFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { createEditor } from "./editor-store";
import { problemMarks, problemNodeId } from "./marks";

describe("lint problems on the canvas", () => {
  it("marks the step whose button leads nowhere as a warning or error", () => {
    const flow = twoButtonFlow();
    const problems = lintFlow(flow, { channel: CHANNEL_SPECS.messenger });
    const marks = problemMarks(problems, flow);
    const onAsk = problems.filter((p) => problemNodeId(p, flow) === "ask");
    expect(onAsk.map((p) => p.code)).toContain("output-leads-nowhere");
    expect(marks.get("ask")).toBe(onAsk.some((p) => p.severity === "error") ? "error" : "warning");
    expect(marks.has("start")).toBe(false);
  });

  it("lets an error outrank a warning on the same step", () => {
    const flow = twoButtonFlow();
    const marks = problemMarks(
      [
        { code: "a", severity: "warning", message: "", path: "nodes[2].data", nodeId: "reply" },
        { code: "b", severity: "error", message: "", path: "nodes[2].data", nodeId: "reply" },
        { code: "c", severity: "warning", message: "", path: "nodes[2].data", nodeId: "reply" },
      ],
      flow,
    );
    expect(marks.get("reply")).toBe("error");
  });

  it("finds the step from the path or the connection when the problem names no step", () => {
    const flow = twoButtonFlow();
    expect(
      problemNodeId(
        { code: "x", severity: "error", message: "", path: "nodes[1].data.content" },
        flow,
      ),
    ).toBe("ask");
    expect(
      problemNodeId(
        { code: "x", severity: "error", message: "", path: "edges[0].target", edgeId: "e1" },
        flow,
      ),
    ).toBe("start");
  });

  it("clears the mark when the text that caused an error is fixed", () => {
    const editor = createEditor(twoButtonFlow());
    editor.setNodeField("reply", ["data", "content", 0, "text"], "");
    editor.setProblems(
      lintFlow(editor.store.getState().flow, { channel: CHANNEL_SPECS.messenger }),
    );
    expect(editor.store.getState().marks.get("reply")).toBe("error");
    editor.setNodeField("reply", ["data", "content", 0, "text"], "Fixed");
    editor.setProblems(
      lintFlow(editor.store.getState().flow, { channel: CHANNEL_SPECS.messenger }),
    );
    expect(editor.store.getState().marks.get("reply")).toBeUndefined();
  });
});
