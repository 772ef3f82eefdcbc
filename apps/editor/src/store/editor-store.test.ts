import { twoButtonFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { createEditor, GROUP_PAUSE_MS } from "./editor-store";

function clockedEditor() {
  let now = 1_000;
  const editor = createEditor(twoButtonFlow(), { now: () => now });
  return { editor, tick: (ms: number) => (now += ms) };
}

describe("undo and redo", () => {
  it("undoes and redoes a document change", () => {
    const { editor } = clockedEditor();
    const id = editor.addNode("delay", { x: 10, y: 10 });
    expect(editor.store.getState().byId.has(id)).toBe(true);
    editor.undo();
    expect(editor.store.getState().byId.has(id)).toBe(false);
    editor.redo();
    expect(editor.store.getState().byId.get(id)?.type).toBe("delay");
  });

  it("records a whole drag as one step, however many frames it had", () => {
    const { editor } = clockedEditor();
    for (let x = 1; x <= 30; x++)
      editor.moveNodes([{ id: "ask", position: { x: 300 + x, y: x } }], true);
    editor.moveNodes([{ id: "ask", position: { x: 340, y: 40 } }], false);
    expect(editor.store.getState().past).toHaveLength(1);
    expect(editor.store.getState().byId.get("ask")?.position).toEqual({ x: 340, y: 40 });
    editor.undo();
    expect(editor.store.getState().byId.get("ask")?.position).toEqual({ x: 300, y: 0 });
    editor.redo();
    expect(editor.store.getState().byId.get("ask")?.position).toEqual({ x: 340, y: 40 });
  });

  it("groups typing in one field into one step until a pause", () => {
    const { editor, tick } = clockedEditor();
    const path = ["data", "content", 0, "text"];
    for (const text of ["H", "He", "Hel", "Hell", "Hello"]) {
      editor.setNodeField("reply", path, text, "reply:text");
      tick(100);
    }
    expect(editor.store.getState().past).toHaveLength(1);
    tick(GROUP_PAUSE_MS);
    editor.setNodeField("reply", path, "Hello!", "reply:text");
    expect(editor.store.getState().past).toHaveLength(2);
    editor.undo();
    expect(editor.store.getState().byId.get("reply")).toMatchObject({
      data: { content: [{ text: "Hello" }] },
    });
    editor.undo();
    expect(editor.store.getState().byId.get("reply")).toMatchObject({
      data: { content: [{ text: "OK" }] },
    });
  });

  it("starts a new step when the field loses focus or another field is typed in", () => {
    const { editor } = clockedEditor();
    editor.setNodeField("reply", ["data", "content", 0, "text"], "A", "reply:text");
    editor.endGroup();
    editor.setNodeField("reply", ["data", "content", 0, "text"], "AB", "reply:text");
    editor.setNodeField("reply", ["data", "label"], "L", "reply:label");
    expect(editor.store.getState().past).toHaveLength(3);
  });

  it("leaves selection out of the history", () => {
    const { editor } = clockedEditor();
    editor.select(["ask"]);
    editor.selectAll();
    expect(editor.store.getState().past).toHaveLength(0);
    expect(editor.store.getState().selectedNodes.size).toBe(3);
  });

  it("clears redo after a new change", () => {
    const { editor } = clockedEditor();
    editor.addNode("delay", { x: 0, y: 0 });
    editor.undo();
    editor.addNode("note", { x: 0, y: 0 });
    expect(editor.store.getState().future).toHaveLength(0);
  });
});

describe("editing", () => {
  it("adds a step already connected from the output it was dragged from", () => {
    const { editor } = clockedEditor();
    const id = editor.addNode("input", { x: 500, y: 200 }, { source: "ask", sourceHandle: "shop" });
    const edge = editor.store.getState().flow.edges.find((e) => e.target === id);
    expect(edge).toMatchObject({ source: "ask", sourceHandle: "shop" });
    expect(editor.store.getState().past).toHaveLength(1);
  });

  it("lets an output lead one way only: a new connection replaces the old", () => {
    const { editor } = clockedEditor();
    editor.connect("ask", "track", "start");
    const fromTrack = editor.store
      .getState()
      .flow.edges.filter((e) => e.source === "ask" && e.sourceHandle === "track");
    expect(fromTrack).toHaveLength(1);
    expect(fromTrack[0]?.target).toBe("start");
  });

  it("writes a connection from `next` without a sourceHandle, as the format does", () => {
    const { editor } = clockedEditor();
    editor.connect("reply", "next", "ask");
    expect(editor.store.getState().flow.edges.at(-1)).not.toHaveProperty("sourceHandle");
  });

  it("deletes the selection with its connections in one step", () => {
    const { editor } = clockedEditor();
    editor.select(["ask"]);
    editor.deleteSelection();
    const { flow, past } = editor.store.getState();
    expect(flow.nodes.map((n) => n.id)).toEqual(["start", "reply"]);
    expect(flow.edges).toHaveLength(0);
    expect(past).toHaveLength(1);
  });

  it("changes nothing while a published version is shown read-only", () => {
    const { editor } = clockedEditor();
    editor.setReadOnly({ version: 1 });
    editor.addNode("delay", { x: 0, y: 0 });
    editor.moveNodes([{ id: "ask", position: { x: 1, y: 1 } }], false);
    expect(editor.store.getState().flow).toEqual(twoButtonFlow());
  });

  it("makes restoring a version (a whole new document) one undoable step", () => {
    const { editor } = clockedEditor();
    const restored = { ...twoButtonFlow(), nodes: twoButtonFlow().nodes.slice(0, 1), edges: [] };
    editor.replaceFlow(restored);
    expect(editor.store.getState().flow.nodes).toHaveLength(1);
    editor.undo();
    expect(editor.store.getState().flow.nodes).toHaveLength(3);
  });
});

describe("dragging", () => {
  it("moves the right step after steps were added, removed and undone between drags", () => {
    const editor = createEditor(twoButtonFlow());
    const state = () => editor.store.getState();
    editor.moveNodes([{ id: "ask", position: { x: 10, y: 10 } }], false);
    editor.removeElements(new Set([state().flow.nodes[0]?.id ?? ""]), new Set());
    const added = editor.addNode("message", { x: 0, y: 0 });
    editor.moveNodes([{ id: added, position: { x: 500, y: 64 } }], true);
    editor.moveNodes([{ id: "ask", position: { x: 32, y: 48 } }], false);
    expect(state().byId.get(added)?.position).toEqual({ x: 500, y: 64 });
    expect(state().flow.nodes.find((n) => n.id === "ask")?.position).toEqual({ x: 32, y: 48 });
    expect(state().byId.get("ask")).toBe(state().flow.nodes.find((n) => n.id === "ask"));
    editor.undo();
    editor.moveNodes([{ id: "ask", position: { x: 96, y: 96 } }], false);
    expect(state().byId.get("ask")?.position).toEqual({ x: 96, y: 96 });
    expect(state().flow.nodes.find((n) => n.id === "ask")?.position).toEqual({ x: 96, y: 96 });
  });
});
