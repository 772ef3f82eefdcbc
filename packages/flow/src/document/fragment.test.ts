import { describe, expect, it } from "vitest";
import { lintFlow } from "../lint";
import { nodeOutputs } from "../outputs";
import { parseFlow } from "../parse";
import { testChannel, twoButtonFlow } from "../testing";
import { copyFragment, isFragment, pasteFragment } from "./fragment";
import { takenIds } from "./ids";

describe("copy and paste", () => {
  it("copies only the connections inside the selection", () => {
    const fragment = copyFragment(twoButtonFlow(), new Set(["ask", "reply"]));
    expect(fragment.nodes.map((n) => n.id)).toEqual(["ask", "reply"]);
    expect(fragment.edges.map((e) => e.id)).toEqual(["e2"]);
    expect(isFragment(JSON.parse(JSON.stringify(fragment)))).toBe(true);
    expect(isFragment({ kind: "convo/fragment", nodes: [] })).toBe(false);
  });

  it("gives pasted copies fresh ids for steps, connections, buttons and blocks, and rewires edges", () => {
    const flow = twoButtonFlow();
    const fragment = copyFragment(flow, new Set(["ask", "reply"]));
    const copy = pasteFragment(fragment, takenIds(flow), { x: 40, y: 40 });
    const before = takenIds(flow);
    for (const id of takenIds({ nodes: copy.nodes, edges: copy.edges })) {
      expect(before.has(id), `id ${id} clashes`).toBe(false);
    }
    const [ask, reply] = copy.nodes;
    const [edge] = copy.edges;
    expect(edge?.source).toBe(ask?.id);
    expect(edge?.target).toBe(reply?.id);
    // The edge leaves from the copy's own "Track" button, not the original's.
    const track = ask && nodeOutputs(ask).find((o) => o.label === "Track");
    expect(edge?.sourceHandle).toBe(track?.id);
    expect(ask?.position).toEqual({ x: 340, y: 40 });
  });

  it("keeps ids when pasting into another flow where they are free", () => {
    const fragment = copyFragment(twoButtonFlow(), new Set(["ask", "reply"]));
    const copy = pasteFragment(fragment, new Set(), { x: 0, y: 0 });
    expect(copy.nodes.map((n) => n.id)).toEqual(["ask", "reply"]);
    expect(copy.edges[0]).toMatchObject({ source: "ask", sourceHandle: "track", target: "reply" });
  });

  it("leaves a valid flow without duplicate output ids once pasted beside the original", () => {
    const flow = twoButtonFlow();
    const all = new Set(flow.nodes.map((n) => n.id));
    const copy = pasteFragment(copyFragment(flow, all), takenIds(flow), { x: 40, y: 40 });
    const pasted = {
      ...flow,
      nodes: [...flow.nodes, ...copy.nodes],
      edges: [...flow.edges, ...copy.edges],
    };
    expect(parseFlow(pasted).ok).toBe(true);
    const codes = lintFlow(pasted, { channel: testChannel }).map((p) => p.code);
    expect(codes.filter((c) => c === "output-id-duplicate")).toEqual([]);
  });
});
