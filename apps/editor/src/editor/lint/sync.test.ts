import { type Flow, lintFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { createEditor } from "../../store/editor-store";
import {
  type AnsweredState,
  answerProblems,
  applySync,
  type SentState,
  syncMessage,
  takeProblems,
} from "./sync";

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

describe("the lint worker's answer", () => {
  const lint = (flow: Flow) => lintFlow(flow, { channel: CHANNEL_SPECS.messenger });

  it("copies only the problems its previous answer did not have, and gives back the whole list", () => {
    const editor = createEditor(twoButtonFlow());
    const worker: AnsweredState = { at: new Map() };
    const first = lint(editor.store.getState().flow);
    expect(first.length).toBeGreaterThan(0);
    const firstAnswer = answerProblems(worker, first);
    expect(firstAnswer).toEqual(first);
    const shown = takeProblems([], firstAnswer);
    expect(shown).toEqual(first);

    const message = editor.store.getState().flow.nodes.find((n) => n.type === "message");
    if (!message) throw new Error("no message step");
    editor.setNodeField(message.id, ["data", "content", 0, "text"], "");
    const second = lint(editor.store.getState().flow);
    const secondAnswer = answerProblems(worker, second);
    const copied = secondAnswer.filter((p) => typeof p !== "number");
    expect(copied.map((p) => p.code)).toContain("text-empty");
    expect(copied.length).toBeLessThan(second.length);
    const next = takeProblems(shown, secondAnswer);
    expect(next).toEqual(second);
    // A problem that stays is the same object, as it was shown.
    for (const p of next)
      if (first.some((q) => JSON.stringify(q) === JSON.stringify(p))) expect(shown).toContain(p);

    editor.undo();
    expect(takeProblems(next, answerProblems(worker, first))).toEqual(first);
  });
});
