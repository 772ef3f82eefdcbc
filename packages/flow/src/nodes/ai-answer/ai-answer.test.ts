import { describe, expect, it } from "vitest";
import { lintFlow } from "../../lint";
import { nodeOutputs } from "../../outputs";
import { parseFlow } from "../../parse";
import type { Flow } from "../../schema";
import { makeFlow, makeNode, testChannel } from "../../testing";
import { knowledgePassages } from "./passages";
import { PASSAGE_MAX_CHARS } from "./schema";

type AnswerData = Parameters<typeof makeNode<"ai_answer">>[2];
type IntentData = Parameters<typeof makeNode<"intent">>[2];

const say = (id: string) =>
  makeNode(id, "message", { content: [{ id: `${id}-t`, kind: "text", text: id }] });

function answerFlow(data: Partial<AnswerData> = {}, wired = true): Flow {
  const flow = makeFlow(
    "faq",
    [
      makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
      makeNode("faq", "ai_answer", {
        entries: [{ id: "hours", question: "When are you open?", answer: "9 am to 7 pm." }],
        ...data,
      }),
      say("human"),
      say("oops"),
    ],
    [
      ["start", "faq"],
      ...(wired
        ? ([
            ["faq", "unsure", "human"],
            ["faq", "error", "oops"],
          ] as [string, string, string][])
        : []),
    ],
  );
  if (data.variable) flow.variables = [{ name: data.variable, type: "text" }];
  return flow;
}

function intentFlow(data: Partial<IntentData> = {}): Flow {
  return makeFlow(
    "route",
    [
      makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
      makeNode("route", "intent", {
        intents: [
          { id: "orders", name: "Orders", examples: ["Where is my order?", "Où est mon colis ?"] },
          { id: "hours", name: "Hours", examples: ["When are you open?"] },
        ],
        ...data,
      }),
      say("a"),
      say("b"),
      say("c"),
    ],
    [
      ["start", "route"],
      ["route", "orders", "a"],
      ["route", "hours", "b"],
      ["route", "else", "c"],
    ],
  );
}

const codes = (flow: Flow) => lintFlow(flow, { channel: testChannel }).map((p) => p.code);

describe("the AI answer step", () => {
  it("parses, has answered, unsure and error outputs, and lints clean when wired", () => {
    const flow = answerFlow();
    expect(parseFlow(flow).ok).toBe(true);
    const faq = flow.nodes[1];
    expect(faq && nodeOutputs(faq).map((o) => o.id)).toEqual(["answered", "unsure", "error"]);
    expect(codes(flow)).toEqual([]);
  });

  it("wants a knowledge base, whole FAQ entries, and says where the customer gets no answer", () => {
    expect(codes(answerFlow({ entries: [], text: "  " }))).toEqual(["ai-knowledge-empty"]);
    expect(codes(answerFlow({ entries: [], text: "We ship in 48 h." }))).toEqual([]);
    expect(codes(answerFlow({ entries: [{ id: "x", question: "Why?", answer: "" }] }))).toEqual([
      "ai-entry-empty",
    ]);
    const loose = lintFlow(answerFlow({}, false), { channel: testChannel });
    const nowhere = loose.filter((p) => p.code === "ai-leads-nowhere");
    expect(nowhere.map((p) => [p.code, p.severity, p.params?.handle])).toEqual([
      ["ai-leads-nowhere", "warning", "unsure"],
      ["ai-leads-nowhere", "warning", "error"],
    ]);
  });

  it("refuses in the schema a score or time-out out of range", () => {
    expect(parseFlow(answerFlow({ minScore: -1 })).ok).toBe(false);
    expect(parseFlow(answerFlow({ timeoutMs: 999 })).ok).toBe(false);
    expect(parseFlow(answerFlow({ minScore: 2, timeoutMs: 20_000, tone: "Friendly" })).ok).toBe(
      true,
    );
  });

  it("stores the answer in a variable, which the step declares by itself", () => {
    expect(codes(answerFlow({ variable: "reply" }))).toEqual([]);
    const flow = answerFlow({ variable: "reply" });
    flow.variables = [];
    // As a question's variable: storing into it declares it (no bookkeeping for the marketer).
    expect(codes(flow)).toEqual([]);
  });

  it("cuts the knowledge into FAQ entries and paragraphs under their heading, 500 characters at most", () => {
    const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is here.`).join(" ");
    const passages = knowledgePassages({
      entries: [{ id: "hours", question: "When are you open?", answer: "9 am to 7 pm." }],
      text: `# Returns\n\nYou have 30 days to return an item.\nFree of charge.\n\n## Delivery\n\n${long}`,
    });
    expect(passages[0]).toBe("When are you open?\n9 am to 7 pm.");
    expect(passages[1]).toBe("Returns\nYou have 30 days to return an item. Free of charge.");
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages.slice(2)) {
      expect(passage.startsWith("Delivery\nSentence number")).toBe(true);
      expect(passage.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
      expect(passage.endsWith("here.")).toBe(true);
    }
  });
});

describe("the intent step", () => {
  it("has one handle per intent and else, and lints clean with examples", () => {
    const flow = intentFlow();
    expect(parseFlow(flow).ok).toBe(true);
    const route = flow.nodes[1];
    expect(route && nodeOutputs(route).map((o) => o.id)).toEqual(["orders", "hours", "else"]);
    expect(codes(flow)).toEqual([]);
  });

  it("refuses an intent without examples, and an empty list of intents", () => {
    const flow = intentFlow({
      intents: [
        { id: "orders", name: "Orders", examples: [" "] },
        { id: "hours", name: "Hours", examples: ["When are you open?"] },
      ],
    });
    expect(codes(flow)).toEqual(["intent-no-examples"]);
    expect(parseFlow(intentFlow({ intents: [] })).ok).toBe(false);
    expect(parseFlow(intentFlow({ minConfidence: 1.5 })).ok).toBe(false);
  });
});
