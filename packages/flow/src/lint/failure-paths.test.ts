import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../schema";
import { testChannel } from "../testing";
import { lintFlow } from ".";
import { formatDuration } from "./failure-paths";

const pos = { x: 0, y: 0 };
const reply: FlowNode = {
  id: "reply",
  type: "message",
  position: pos,
  data: { content: [{ id: "t", kind: "text", text: "Sorry, something went wrong." }] },
};

/** start → `step`, with `step`'s outputs wired to a reply as `wired` says. */
function flowAround(step: FlowNode, wired: string[]): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "f",
    name: "F",
    variables: [
      { name: "order", type: "text" },
      { name: "city", type: "text" },
    ],
    nodes: [
      {
        id: "start",
        type: "trigger",
        position: pos,
        data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hi"] }] },
      },
      step,
      reply,
    ],
    edges: [
      { id: "e0", source: "start", target: step.id },
      ...wired.map((handle) => ({
        id: `e-${handle}`,
        source: step.id,
        sourceHandle: handle,
        target: "reply",
      })),
    ],
  };
}
const lint = (flow: Flow) => lintFlow(flow, { channel: testChannel });
const codes = (flow: Flow) => lint(flow).map((p) => p.code);

const http: FlowNode = {
  id: "lookup",
  type: "action",
  position: pos,
  data: {
    steps: [
      { kind: "add_tag", tag: "asked" },
      { kind: "http", method: "GET", url: "https://api.shop.example/orders/{{order}}" },
    ],
  },
};
const input = (extra: object = {}): FlowNode => ({
  id: "ask",
  type: "input",
  position: pos,
  data: {
    question: "Your order number?",
    variable: "order",
    validation: { kind: "text", minLength: 6 },
    ...extra,
  },
});
const condition: FlowNode = {
  id: "check",
  type: "condition",
  position: pos,
  data: {
    branches: [
      {
        id: "paris",
        label: "In Paris",
        match: "all",
        rules: [{ kind: "variable", name: "city", op: "equals", value: "Paris" }],
      },
    ],
  },
};

describe("failure paths that lead nowhere", () => {
  it("an HTTP step's unconnected error: the customer meets silence when the API fails", () => {
    const problem = lint(flowAround(http, ["next"])).find(
      (p) => p.code === "http-error-leads-nowhere",
    );
    expect(problem).toMatchObject({
      severity: "warning",
      nodeId: "lookup",
      path: "nodes[1].data.steps[1]",
      params: { target: "api.shop.example" },
    });
    expect(problem?.message).toBe(
      'If the request to api.shop.example fails, the conversation stops without a word: connect the "Error" output to a message that says so.',
    );
    expect(codes(flowAround(http, ["next", "error"]))).not.toContain("http-error-leads-nowhere");
  });

  it("an input's unconnected invalid says after how many retries the conversation stops", () => {
    const problem = lint(flowAround(input({ retryLimit: 1 }), ["next"])).find(
      (p) => p.code === "invalid-leads-nowhere",
    );
    expect(problem?.message).toContain(
      "still not valid after 1 retry, the conversation stops without a word",
    );
    expect(problem?.params).toEqual({ retries: 1 });
    expect(codes(flowAround(input(), ["next", "invalid"]))).not.toContain("invalid-leads-nowhere");
    // Free text takes anything typed: nothing to warn about.
    const free = input({ validation: { kind: "text" } });
    expect(codes(flowAround(free, ["next"]))).not.toContain("invalid-leads-nowhere");
  });

  it("an input's unconnected time-out says how long the customer has", () => {
    const flow = flowAround(input({ timeoutSeconds: 5400 }), ["next", "invalid"]);
    const problem = lint(flow).find((p) => p.code === "timeout-leads-nowhere");
    expect(problem?.message).toContain(
      "does not answer within 1 h 30 min, the conversation stops without a word",
    );
    expect(problem?.path).toBe("nodes[1].data.timeoutSeconds");
    // Without a time-out there is no such output, so no warning.
    expect(codes(flowAround(input(), ["next", "invalid"]))).not.toContain("timeout-leads-nowhere");
    expect(
      codes(flowAround(input({ timeoutSeconds: 60 }), ["next", "invalid", "timeout"])),
    ).not.toContain("timeout-leads-nowhere");
  });

  it("a condition's unconnected else, and a branch by its name", () => {
    const problems = lint(flowAround(condition, []));
    expect(problems.find((p) => p.code === "else-leads-nowhere")?.message).toContain(
      "When no branch holds, the conversation stops without a word",
    );
    const branch = problems.find((p) => p.code === "branch-leads-nowhere");
    expect(branch).toMatchObject({
      path: "nodes[1].data.branches[0]",
      params: { label: "In Paris" },
    });
    expect(branch?.message).toContain('The branch "In Paris" leads nowhere');
    expect(codes(flowAround(condition, ["paris", "else"]))).not.toContain("else-leads-nowhere");
    expect(codes(flowAround(condition, ["paris", "else"]))).not.toContain("branch-leads-nowhere");
  });

  it("a button that leads nowhere is named in the problem's params too", () => {
    const ask: FlowNode = {
      id: "menu",
      type: "message",
      position: pos,
      data: {
        content: [
          {
            id: "t",
            kind: "text",
            text: "Menu",
            buttons: [{ id: "b", kind: "postback", title: "Track" }],
          },
        ],
      },
    };
    const problem = lint(flowAround(ask, ["else"])).find((p) => p.code === "output-leads-nowhere");
    expect(problem?.params).toEqual({ label: "Track" });
  });

  it("formats durations in units both languages read", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(600)).toBe("10 min");
    expect(formatDuration(48 * 3600)).toBe("48 h");
  });
});
