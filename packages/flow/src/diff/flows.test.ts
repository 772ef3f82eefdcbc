import { describe, expect, it } from "vitest";
import { twoButtonFlow } from "../testing";
import { diffFlows, flowsDiffer } from "./flows";

describe("comparing a version with the draft", () => {
  it("lists added, removed and changed steps", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    draft.nodes = draft.nodes.filter((n) => n.id !== "start");
    draft.nodes.push({
      id: "wait",
      type: "delay",
      position: { x: 0, y: 0 },
      data: { amount: 1, unit: "hours" },
    });
    const reply = draft.nodes.find((n) => n.id === "reply");
    if (reply?.type === "message")
      reply.data = { content: [{ id: "ok", kind: "text", text: "Changed" }] };
    const diff = diffFlows(version, draft);
    expect(diff).toMatchObject({ added: ["wait"], removed: ["start"], changed: ["reply"] });
  });

  it("does not call a step changed because its keys are in another order", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    const ask = draft.nodes[1];
    if (ask)
      draft.nodes[1] = {
        data: ask.data,
        position: ask.position,
        type: ask.type,
        id: ask.id,
      } as typeof ask;
    expect(diffFlows(version, draft).changed).toEqual([]);
    expect(flowsDiffer(version, draft)).toBe(false);
  });

  it("says which texts of a changed step changed, before and after, and its name", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    const ask = draft.nodes[1];
    if (ask?.type !== "message") throw new Error("fixture");
    draft.nodes[1] = {
      ...ask,
      data: {
        label: "Menu",
        content: [
          {
            id: "hello",
            kind: "text",
            text: "Hello! What do you need?",
            buttons: [
              { id: "track", kind: "postback", title: "Track my parcel" },
              { id: "shop", kind: "postback", title: "Shop" },
            ],
          },
        ],
      },
    };
    const [step] = diffFlows(version, draft).steps;
    expect(step).toMatchObject({ id: "ask", kind: "changed", type: "message", label: "Menu" });
    expect(step?.texts).toEqual([
      { path: "data.label", before: "", after: "Menu" },
      {
        path: "data.content[0].text",
        before: "Hi! What do you need?",
        after: "Hello! What do you need?",
      },
      { path: "data.content[0].buttons[0].title", before: "Track", after: "Track my parcel" },
    ]);
    expect(step?.settingsChanged).toBe(false);
  });

  it("tells a step that only moved, or changed a setting, from one whose words changed", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    draft.nodes = draft.nodes.map((n) =>
      n.id === "reply" ? { ...n, position: { x: 900, y: 40 } } : n,
    );
    draft.nodes.push({
      id: "wait",
      type: "delay",
      position: { x: 0, y: 0 },
      data: { amount: 1, unit: "hours" },
    });
    version.nodes.push({
      id: "wait",
      type: "delay",
      position: { x: 0, y: 0 },
      data: { amount: 2, unit: "hours" },
    });
    const steps = diffFlows(version, draft).steps;
    expect(steps.find((s) => s.id === "reply")).toMatchObject({
      moved: true,
      settingsChanged: false,
      texts: [],
    });
    expect(steps.find((s) => s.id === "wait")).toMatchObject({
      moved: false,
      settingsChanged: true,
    });
  });

  it("gives an added step's texts as new and a removed step's as gone", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    draft.nodes = draft.nodes.filter((n) => n.id !== "reply");
    const removed = diffFlows(version, draft).steps.find((s) => s.id === "reply");
    expect(removed).toMatchObject({
      kind: "removed",
      texts: [{ path: "data.content[0].text", before: "OK", after: "" }],
    });
    const added = diffFlows(draft, version).steps.find((s) => s.id === "reply");
    expect(added).toMatchObject({
      kind: "added",
      texts: [{ path: "data.content[0].text", before: "", after: "OK" }],
    });
  });

  it("sees a connection moved when no step changed", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    draft.edges = draft.edges.map((e) => (e.target === "reply" ? { ...e, target: "ask" } : e));
    expect(diffFlows(version, draft)).toMatchObject({ steps: [], edgesChanged: true });
    expect(flowsDiffer(version, draft)).toBe(true);
  });
});
