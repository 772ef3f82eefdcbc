import { type Flow, lintFlow, parseFlow } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { CHANNEL_SPECS } from "@convo/messenger/channel";
import { describe, expect, it } from "vitest";
import { createEditor } from "./editor-store";

// Copying and pasting themselves are graph rules: `@convo/flow`'s `document/fragment.test.ts`.
describe("duplicating in the editor", () => {
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

  it("undoes a paste as one step", () => {
    const editor = createEditor(twoButtonFlow());
    editor.selectAll();
    editor.duplicateSelection();
    editor.undo();
    expect(editor.store.getState().flow).toEqual(twoButtonFlow());
  });
});
