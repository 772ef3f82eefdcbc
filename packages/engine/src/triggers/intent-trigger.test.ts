import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { AiRequest, EngineAction, EngineEvent } from "../types";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] });

/** A home flow with a keyword and the default reply; two flows started by intents. */
const home = makeFlow(
  "home",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "keyword", match: "contains", keywords: ["menu"] }],
    }),
    say("menu", "Here is the menu."),
    makeNode("fallback", "trigger", { triggers: [{ kind: "default" }] }),
    say("sorry", "Sorry, I did not get that."),
  ],
  [
    ["start", "menu"],
    ["fallback", "sorry"],
  ],
);
const hours = makeFlow(
  "hours",
  [
    makeNode("start", "trigger", {
      triggers: [
        { kind: "intent", name: "Opening hours", examples: ["When are you open?", "Horaires"] },
      ],
    }),
    say("open", "We are open 9 to 7."),
  ],
  [["start", "open"]],
);
const returns = makeFlow(
  "returns",
  [
    makeNode("start", "trigger", {
      triggers: [
        {
          kind: "intent",
          name: "Returns",
          examples: ["How do I return an item?"],
          minConfidence: 0.9,
        },
      ],
    }),
    say("ret", "Returns are free within 30 days."),
  ],
  [["start", "ret"]],
);

const context = makeContext({
  flows: [
    { flow: hours, version: 1 },
    { flow: returns, version: 1 },
  ],
});
const ask = (text: string): EngineEvent => ({ type: "message", text });
const aiAction = (actions: readonly EngineAction[]) =>
  actions.find((a): a is Extract<EngineAction, { type: "ai" }> => a.type === "ai");
const result = (intent: string, confidence: number, ok = true): EngineEvent => ({
  type: "ai_result",
  requestId: "ai1",
  ok,
  intent,
  confidence,
});

describe("the intent trigger", () => {
  it("asks the model about free text nothing else matched, with every live flow's intents", () => {
    const [asked] = talk(home, [ask("vous ouvrez quand ?")], context);
    const request = aiAction(asked?.actions ?? [])?.request as Extract<
      AiRequest,
      { task: "intent" }
    >;
    expect(request.task).toBe("intent");
    expect(request.question).toBe("vous ouvrez quand ?");
    expect(request.intents.map((i) => i.name)).toEqual(["Opening hours", "Returns"]);
    expect(sentTexts(asked?.actions ?? [])).toEqual([]);
    expect(asked?.session.waiting).toMatchObject({ kind: "intent_trigger" });
  });

  it("starts the flow of the intent the model chose", () => {
    const [, answered] = talk(
      home,
      [ask("vous ouvrez quand ?"), result("hours/start/0", 0.95)],
      context,
    );
    expect(sentTexts(answered?.actions ?? [])).toEqual(["We are open 9 to 7."]);
    expect(answered?.session.waiting).toBeUndefined();
  });

  it("goes to the default reply when the model is unsure, below the trigger's confidence, or fails", () => {
    for (const answer of [
      result("else", 0.9),
      result("returns/start/0", 0.8),
      result("hours/start/0", 0.95, false),
    ]) {
      const [, answered] = talk(home, [ask("bonjour"), answer], context);
      expect(sentTexts(answered?.actions ?? [])).toEqual(["Sorry, I did not get that."]);
    }
  });

  it("never asks the model when a keyword matches, or when no live flow has an intent trigger", () => {
    const [byKeyword] = talk(home, [ask("show me the menu")], context);
    expect(aiAction(byKeyword?.actions ?? [])).toBeUndefined();
    expect(sentTexts(byKeyword?.actions ?? [])).toEqual(["Here is the menu."]);
    const [alone] = talk(home, [ask("vous ouvrez quand ?")], makeContext());
    expect(aiAction(alone?.actions ?? [])).toBeUndefined();
    expect(sentTexts(alone?.actions ?? [])).toEqual(["Sorry, I did not get that."]);
    const paused = makeContext({ flows: [{ flow: hours, version: 1, paused: true }] });
    const [none] = talk(home, [ask("vous ouvrez quand ?")], paused);
    expect(aiAction(none?.actions ?? [])).toBeUndefined();
  });
});
