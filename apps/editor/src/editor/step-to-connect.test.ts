import { twoButtonFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { createEditor } from "../store/editor-store";
import { stepToConnect } from "./step-to-connect";

describe("stepToConnect", () => {
  it("takes the focused step first, else the only one selected", () => {
    const editor = createEditor(twoButtonFlow());
    editor.select(["reply"]);
    expect(stepToConnect(editor.store.getState(), "ask")).toBe("ask");
    expect(stepToConnect(editor.store.getState(), null)).toBe("reply");
    editor.select(["ask", "reply"]);
    expect(stepToConnect(editor.store.getState(), null)).toBeNull();
  });

  it("has nothing to connect on a read-only version or from a note", () => {
    const editor = createEditor(twoButtonFlow());
    const note = editor.addNode("note", { x: 0, y: 400 });
    expect(stepToConnect(editor.store.getState(), note)).toBeNull();
    editor.setReadOnly({ version: 1 });
    expect(stepToConnect(editor.store.getState(), "ask")).toBeNull();
  });
});
