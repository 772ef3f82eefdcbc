import { type Flow, lintFlow, nodeOutputs, parseFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { copyFragment, pasteFragment } from "./clipboard";
import { createEditor } from "./editor-store";
import { takenIds } from "./ids";

describe("copy and paste", () => {
  it("copies only the connections inside the selection", () => {
    const fragment = copyFragment(twoButtonFlow(), new Set(["ask", "reply"]));
    expect(fragment.nodes.map((n) => n.id)).toEqual(["ask", "reply"]);
    expect(fragment.edges.map((e) => e.id)).toEqual(["e2"]);
  });

  it("gives pasted copies fresh ids for steps, connections, buttons and blocks, and rewires edges", () => {
    const flow = twoButtonFlow();
    const fragment = copyFragment(flow, new Set(["ask", "reply"]));
    const copy = pasteFragment(fragment, takenIds(flow), { x: 40, y: 40 });
    const before = takenIds(flow);
    for (const id of takenIds({ ...flow, nodes: copy.nodes, edges: copy.edges })) {
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

  it("leaves a valid flow with no new problems after duplicating in place", () => {
    const editor = createEditor(twoButtonFlow());
    editor.selectAll();
    editor.duplicateSelection();
    const flow: Flow = editor.store.getState().flow;
    expect(parseFlow(flow).ok).toBe(true);
    expect(flow.nodes).toHaveLength(6);
    const codes = lintFlow(flow, { channel: CHANNEL_SPECS.messenger }).map((p) => p.code);
    expect(codes.filter((c) => c === "output-id-duplicate")).toEqual([]);
    // The duplicate is selected, so a second Ctrl+D copies the copy.
    expect(editor.store.getState().selectedNodes.size).toBe(3);
  });
});
