import type { AiRequest, OutMessage } from "@convo/engine";
import { makeFlow, makeNode } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import type { AiOutcome } from "./ask-model";
import { Simulator, type SimulatorState } from "./simulator";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] });

const flow = makeFlow(
  "assistant",
  [
    makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
    makeNode("route", "intent", {
      intents: [{ id: "orders", name: "Orders", examples: ["Where is my order?"] }],
    }),
    say("orders", "Your order is on its way."),
    makeNode("answer", "ai_answer", {
      entries: [{ id: "h", question: "When are you open?", answer: "9 to 7." }],
    }),
    say("more", "Anything else?"),
    say("human", "A colleague will answer."),
    say("sorry", "Our assistant is unavailable."),
  ],
  [
    ["start", "route"],
    ["route", "orders", "orders"],
    ["route", "else", "answer"],
    ["answer", "answered", "more"],
    ["answer", "unsure", "human"],
    ["answer", "error", "sorry"],
  ],
);

function simulator(answers: AiOutcome[]) {
  const asked: AiRequest[] = [];
  const sim = new Simulator({
    flows: [flow],
    flowId: flow.id,
    performHttp: async () => ({ ok: false }),
    performAi: async (request) => {
      asked.push(request);
      return answers.shift() ?? { ok: false, error: "no answer left" };
    },
  });
  return { sim, asked };
}

const text = (m: OutMessage) => (m.kind === "text" ? m.text : "");
const shown = (state: SimulatorState) =>
  state.entries.flatMap((e) =>
    e.from === "bot"
      ? [text(e.message)]
      : e.from === "system" && e.note.kind === "ai"
        ? [`(${e.note.task}: ${e.note.result})`]
        : [],
  );

describe("the simulator's AI steps", () => {
  it("asks the runtime's model for the intent, then for the answer, and shows both", async () => {
    const { sim, asked } = simulator([
      { ok: true, intent: "else", confidence: 0.1 },
      { ok: true, answer: "We open at 9." },
    ]);
    await sim.say("When are you open?");
    expect(asked.map((r) => r.task)).toEqual(["intent", "answer"]);
    expect(shown(sim.getState())).toEqual([
      "(intent: else (10 %))",
      "(answer: answered)",
      "We open at 9.",
      "Anything else?",
    ]);
  });

  it("takes the intent's handle, and the error path when the model fails", async () => {
    const routed = simulator([{ ok: true, intent: "orders", confidence: 0.9 }]);
    await routed.sim.say("where is my order");
    expect(shown(routed.sim.getState()).at(-1)).toBe("Your order is on its way.");
    const failed = simulator([
      { ok: true, intent: "else", confidence: 0 },
      { ok: false, error: "429" },
    ]);
    await failed.sim.say("When are you open?");
    expect(shown(failed.sim.getState()).slice(-2)).toEqual([
      "(answer: 429)",
      "Our assistant is unavailable.",
    ]);
  });
});
