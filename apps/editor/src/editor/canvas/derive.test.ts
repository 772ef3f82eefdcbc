import { twoButtonFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { createEditor } from "../../store/editor-store";
import { createEdgeDeriver, createNodeDeriver } from "./derive";

describe("React Flow nodes derived from the document", () => {
  it("hands React Flow the same object for every node a drag did not move", () => {
    const editor = createEditor(twoButtonFlow());
    const derive = createNodeDeriver();
    const state = () => editor.store.getState();
    const before = derive(state().flow.nodes, state().selectedNodes, state().measured, false);
    editor.moveNodes([{ id: "ask", position: { x: 320, y: 16 } }], true);
    const after = derive(state().flow.nodes, state().selectedNodes, state().measured, false);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.position).toEqual({ x: 320, y: 16 });
  });

  it("returns the very same array when nothing it reads changed", () => {
    const editor = createEditor(twoButtonFlow());
    const derive = createNodeDeriver();
    const s = editor.store.getState();
    expect(derive(s.flow.nodes, s.selectedNodes, s.measured, false)).toBe(
      derive(s.flow.nodes, s.selectedNodes, s.measured, false),
    );
  });

  it("renews only the nodes whose selection changed", () => {
    const editor = createEditor(twoButtonFlow());
    const derive = createNodeDeriver();
    const s1 = editor.store.getState();
    const before = derive(s1.flow.nodes, s1.selectedNodes, s1.measured, false);
    editor.select(["reply"]);
    const s2 = editor.store.getState();
    const after = derive(s2.flow.nodes, s2.selectedNodes, s2.measured, false);
    expect(after[0]).toBe(before[0]);
    expect(after[2]?.selected).toBe(true);
  });

  it("draws a connection without a handle as leaving from `next`", () => {
    const edges = createEdgeDeriver()(twoButtonFlow().edges, new Set());
    expect(edges[0]?.sourceHandle).toBe("next");
    expect(edges[1]?.sourceHandle).toBe("track");
  });
});
