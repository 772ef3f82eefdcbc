import { lintFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { createEditor } from "../../store/editor-store";
import { applySync, type SentState, syncMessage } from "./sync";

const fresh = (): SentState => ({ nodes: new Map(), edges: new Map() });

describe("the draft sent to the lint worker", () => {
  it("after a drag holds only the moved step, and the worker lints the same flow", () => {
    const editor = createEditor(twoButtonFlow());
    const main = fresh();
    const worker = fresh();
    const first = syncMessage(main, editor.store.getState().flow, 1, []);
    expect(first.changedNodes).toHaveLength(editor.store.getState().flow.nodes.length);
    applySync(worker, first);

    editor.moveNodes([{ id: "ask", position: { x: 400, y: 32 } }], false);
    const second = syncMessage(main, editor.store.getState().flow, 2, []);
    expect(second.changedNodes.map((n) => n.id)).toEqual(["ask"]);
    expect(second.changedEdges).toEqual([]);
    expect(applySync(worker, second)).toEqual(editor.store.getState().flow);
  });

  it("forgets removed steps and connections, so their problems go away", () => {
    const editor = createEditor(twoButtonFlow());
    const main = fresh();
    const worker = fresh();
    applySync(worker, syncMessage(main, editor.store.getState().flow, 1, []));
    const ask = new Set(["ask"]);
    editor.removeElements(ask, new Set());
    const flow = applySync(worker, syncMessage(main, editor.store.getState().flow, 2, []));
    expect(flow).toEqual(editor.store.getState().flow);
    expect(worker.nodes.has("ask")).toBe(false);
    expect(lintFlow(flow, { channel: CHANNEL_SPECS.messenger })).toEqual(
      lintFlow(editor.store.getState().flow, { channel: CHANNEL_SPECS.messenger }),
    );
  });
});
