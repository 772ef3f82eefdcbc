import { testChannel } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { AiRequest, EngineAction, EngineEvent } from "../types";
import { answerRequestFor, passagesFor } from "./ai-answer";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] });

const FAQ = [
  { id: "hours", question: "When are you open?", answer: "Monday to Saturday, 9 am to 7 pm." },
  { id: "returns", question: "How do I return an item?", answer: "Within 30 days, free." },
  { id: "ship", question: "Do you ship abroad?", answer: "We deliver to the EU." },
];

function faqFlow(extra: { variable?: string; tone?: string } = {}) {
  return makeFlow(
    "faq",
    [
      makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
      makeNode("answer", "ai_answer", { entries: FAQ, tone: "Friendly.", ...extra }),
      say("thanks", "Anything else?"),
      say("human", "Let me find a colleague."),
      say("oops", "Sorry, try again later."),
    ],
    [
      ["start", "answer"],
      ["answer", "answered", "thanks"],
      ["answer", "unsure", "human"],
      ["answer", "error", "oops"],
    ],
  );
}

const ask = (text: string): EngineEvent => ({ type: "message", text });
const aiAction = (actions: readonly EngineAction[]) =>
  actions.find((a): a is Extract<EngineAction, { type: "ai" }> => a.type === "ai");
const context = makeContext({ limits: testChannel.limits });

describe("the AI answer step", () => {
  it("asks the host's model with the contact's question and the best passages", () => {
    const [asked] = talk(faqFlow(), [ask("Are you open on Saturday?")], context);
    const ai = aiAction(asked?.actions ?? []);
    expect(ai).toMatchObject({ type: "ai", requestId: "ai1", nodeId: "answer" });
    const request = ai?.request as Extract<AiRequest, { task: "answer" }>;
    expect(request.task).toBe("answer");
    expect(request.question).toBe("Are you open on Saturday?");
    expect(request.passages[0]).toBe("When are you open?\nMonday to Saturday, 9 am to 7 pm.");
    expect(request).toMatchObject({ tone: "Friendly.", locale: "en_GB", maxChars: 2000 });
    expect(asked?.session.waiting).toMatchObject({ kind: "ai", nodeId: "answer" });
    expect(sentTexts(asked?.actions ?? [])).toEqual([]);
  });

  it("sends the answer and goes on through answered", () => {
    const [, answered] = talk(
      faqFlow(),
      [
        ask("Are you open on Saturday?"),
        { type: "ai_result", requestId: "ai1", ok: true, answer: "Yes, 9 am to 7 pm." },
      ],
      context,
    );
    expect(sentTexts(answered?.actions ?? [])).toEqual(["Yes, 9 am to 7 pm.", "Anything else?"]);
    expect(answered?.actions).toContainEqual({
      type: "track",
      flowId: "faq",
      nodeId: "answer",
      handle: "answered",
    });
  });

  it("takes unsure without calling the model when nothing in the knowledge base is relevant", () => {
    const [result] = talk(faqFlow(), [ask("Quelle est la capitale du Pérou ?")], context);
    expect(aiAction(result?.actions ?? [])).toBeUndefined();
    expect(sentTexts(result?.actions ?? [])).toEqual(["Let me find a colleague."]);
  });

  it("finds the passage of a one-entry knowledge base", () => {
    const one = { entries: [{ id: "h", question: "When are you open?", answer: "9 to 7." }] };
    expect(passagesFor(one, "Are you open on Sunday?")).toEqual(["When are you open?\n9 to 7."]);
    expect(passagesFor(one, "Do you ship abroad?")).toEqual([]);
  });

  it("builds the request the editor's test box sends, as a conversation would", () => {
    const one = {
      entries: [{ id: "h", question: "When are you open?", answer: "9 to 7." }],
      tone: " Short ",
      timeoutMs: 4_000,
    };
    expect(answerRequestFor(one, "Are you open on Sunday?", { locale: "fr_FR" })).toEqual({
      task: "answer",
      question: "Are you open on Sunday?",
      passages: ["When are you open?\n9 to 7."],
      tone: "Short",
      locale: "fr_FR",
      maxChars: 2_000,
      timeoutMs: 4_000,
    });
    expect(answerRequestFor(one, "Do you ship abroad?")).toBeUndefined();
  });

  it("takes unsure when the model does not know, error when it fails", () => {
    const unsure = talk(
      faqFlow(),
      [
        ask("Do you ship to Canada?"),
        { type: "ai_result", requestId: "ai1", ok: true, unsure: true },
      ],
      context,
    );
    expect(sentTexts(unsure[1]?.actions ?? [])).toEqual(["Let me find a colleague."]);
    const failed = talk(
      faqFlow(),
      [
        ask("Do you ship to Canada?"),
        { type: "ai_result", requestId: "ai1", ok: false, error: "429 Too Many Requests" },
      ],
      context,
    );
    expect(sentTexts(failed[1]?.actions ?? [])).toEqual(["Sorry, try again later."]);
  });

  it("ignores another request's answer and the contact's texts while it waits", () => {
    const [, other, text] = talk(
      faqFlow(),
      [
        ask("Do you ship abroad?"),
        { type: "ai_result", requestId: "ai9", ok: true, answer: "Stale" },
        ask("hello?"),
      ],
      context,
    );
    expect(other?.actions).toEqual([]);
    expect(text?.actions).toEqual([]);
    expect(text?.session.waiting).toMatchObject({ kind: "ai", requestId: "ai1" });
  });

  it("splits a long answer at the channel's limit, and stores it instead when told to", () => {
    const long = Array.from({ length: 150 }, (_, i) => `Sentence ${i} says it.`).join(" ");
    const [, answered] = talk(
      faqFlow(),
      [ask("Do you ship abroad?"), { type: "ai_result", requestId: "ai1", ok: true, answer: long }],
      context,
    );
    const texts = sentTexts(answered?.actions ?? []);
    expect(texts.length).toBe(3);
    for (const text of texts.slice(0, 2)) expect(text.length).toBeLessThanOrEqual(2000);
    expect(texts[2]).toBe("Anything else?");
    expect(texts.slice(0, 2).join(" ")).toBe(long);

    const stored = talk(
      faqFlow({ variable: "reply" }),
      [
        ask("Do you ship abroad?"),
        { type: "ai_result", requestId: "ai1", ok: true, answer: "Yes." },
      ],
      context,
    );
    expect(sentTexts(stored[1]?.actions ?? [])).toEqual(["Anything else?"]);
    expect(stored[1]?.session.variables.faq?.reply).toBe("Yes.");
  });
});

const intentFlow = makeFlow(
  "route",
  [
    makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
    makeNode("route", "intent", {
      intents: [
        { id: "orders", name: "Orders", examples: ["Where is my order?", "Où est mon colis ?"] },
        { id: "hours", name: "Hours", examples: ["When are you open?", " "] },
      ],
      minConfidence: 0.7,
    }),
    say("a", "Your order"),
    say("b", "Our hours"),
    say("c", "Tell me more"),
  ],
  [
    ["start", "route"],
    ["route", "orders", "a"],
    ["route", "hours", "b"],
    ["route", "else", "c"],
  ],
);

describe("the intent step", () => {
  const route = (result: EngineEvent) =>
    sentTexts(talk(intentFlow, [ask("où est mon colis"), result], context)[1]?.actions ?? []);

  it("asks the model to choose among the intents and their examples", () => {
    const [asked] = talk(intentFlow, [ask("où est mon colis")], context);
    expect(aiAction(asked?.actions ?? [])?.request).toEqual({
      task: "intent",
      question: "où est mon colis",
      intents: [
        { id: "orders", name: "Orders", examples: ["Where is my order?", "Où est mon colis ?"] },
        { id: "hours", name: "Hours", examples: ["When are you open?"] },
      ],
      timeoutMs: 15_000,
    });
  });

  it("goes out on the intent's handle, or else below the confidence, on error, or an unknown intent", () => {
    const result = (intent: string, confidence: number, ok = true): EngineEvent => ({
      type: "ai_result",
      requestId: "ai1",
      ok,
      intent,
      confidence,
    });
    expect(route(result("orders", 0.9))).toEqual(["Your order"]);
    expect(route(result("hours", 0.7))).toEqual(["Our hours"]);
    expect(route(result("orders", 0.69))).toEqual(["Tell me more"]);
    expect(route(result("orders", 0.9, false))).toEqual(["Tell me more"]);
    expect(route(result("refunds", 0.99))).toEqual(["Tell me more"]);
    expect(route(result("else", 0.99))).toEqual(["Tell me more"]);
  });
});

describe("an intent step before an AI answer", () => {
  it("hands the contact's question on when the text goes out on else", () => {
    const flow = makeFlow(
      "both",
      [
        makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
        makeNode("route", "intent", {
          intents: [{ id: "orders", name: "Orders", examples: ["Where is my order?"] }],
        }),
        makeNode("answer", "ai_answer", { entries: FAQ }),
        say("a", "Your order"),
      ],
      [
        ["start", "route"],
        ["route", "orders", "a"],
        ["route", "else", "answer"],
      ],
    );
    const [, routed] = talk(
      flow,
      [
        ask("Are you open on Saturday?"),
        { type: "ai_result", requestId: "ai1", ok: true, intent: "else", confidence: 0.9 },
      ],
      context,
    );
    const request = aiAction(routed?.actions ?? [])?.request;
    expect(request).toMatchObject({ task: "answer", question: "Are you open on Saturday?" });
  });
});
