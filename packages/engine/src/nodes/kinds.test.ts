import { describe, expect, it } from "vitest";
import { initialSession } from "../session";
import { makeContext, makeFlow, makeNode, talk } from "../testing";
import type { Session } from "../types";
import { ENGINE_NODES, type EngineNodeKinds, NODE_TYPES_OF_WAIT } from ".";
import type { EngineNodeKind } from "./kind";

// What the compiler must refuse (`tsc -p tsconfig.test.json`, run by `npm test`, fails when one of
// these stops being an error).
const { note: _note, ...withoutNote } = ENGINE_NODES;
// @ts-expect-error the engine's record without one node type
const _missingType: EngineNodeKinds = withoutNote;
// @ts-expect-error a kind that cannot visit its node
const _noVisit: EngineNodeKind<"delay"> = { waits: "delay" };
// @ts-expect-error a kind waiting for something that is not a wait
const _badWait: EngineNodeKind<"delay"> = { visit: ENGINE_NODES.delay.visit, waits: "nap" };

describe("ENGINE_NODES", () => {
  it("derives which node type each wait belongs to from the kinds", () => {
    const types = Object.fromEntries(
      [...NODE_TYPES_OF_WAIT].map(([kind, of]) => [kind, [...of].sort()]),
    );
    expect(types).toEqual({
      tap: ["message"],
      intent_trigger: ["trigger"],
      input: ["input"],
      ai: ["ai_answer", "intent"],
      http: ["action", "notify"],
      delay: ["delay"],
      handover: ["handover"],
    });
  });

  it("treats a wait found at a node of another type as stale", () => {
    // The flow was republished: "ask" used to be a question, it is now a message with a tap.
    const flow = makeFlow(
      "menu",
      [
        makeNode("start", "trigger", {
          triggers: [{ kind: "keyword", match: "exact", keywords: ["hi"] }],
        }),
        makeNode("ask", "message", {
          content: [{ id: "t", kind: "text", text: "Pick" }],
          quickReplies: [{ id: "a", title: "A" }],
        }),
      ],
      [["start", "ask"]],
    );
    const asked: Session = {
      ...initialSession(),
      waiting: { kind: "input", flowId: "menu", nodeId: "ask", attempts: 0 },
    };
    const [result] = talk(flow, [{ type: "message", text: "hi" }], makeContext(), asked);
    // Not taken as an answer: the keyword starts the flow again from the top.
    expect(result?.session.waiting).toEqual({ kind: "tap", flowId: "menu", nodeId: "ask" });
  });
});
