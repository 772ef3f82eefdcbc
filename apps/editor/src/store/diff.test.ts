import { twoButtonFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { diffFlows } from "./diff";

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
  });
});
