import type { HttpRequest, OutMessage } from "@convo/engine";
import type { Flow } from "@convo/flow";
import { makeFlow, makeNode } from "@convo/flow/testing";
import { loadExamples } from "@convo/flow/testing/examples";
import { describe, expect, it } from "vitest";
import { type HttpOutcome, Simulator, type SimulatorState } from "./simulator";

const examples: Flow[] = loadExamples();

function simulator(flowId: string, answers: HttpOutcome[] = []) {
  const requests: HttpRequest[] = [];
  const flows = [...examples].sort((a, b) => (a.id === flowId ? -1 : b.id === flowId ? 1 : 0));
  const sim = new Simulator({
    flows,
    flowId,
    contact: { fields: { first_name: "Ada", locale: "en_GB" } },
    performHttp: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error("no answer left");
      return answer;
    },
  });
  return { sim, requests };
}

const text = (m: OutMessage) => (m.kind === "text" ? m.text : m.kind === "media" ? m.url : "");
const botTexts = (state: SimulatorState) =>
  state.entries.flatMap((e) => (e.from === "bot" ? [text(e.message)] : []));
const lastBotText = (state: SimulatorState) => botTexts(state).at(-1) ?? "";

describe("Simulator", () => {
  it("answers what the contact types, retries an invalid answer and keeps the variable", async () => {
    const { sim, requests } = simulator("order-tracking", [
      { ok: true, status: 200, body: { status: "shipped", delivery: { eta: "2025-06-05" } } },
    ]);
    await sim.say("Where is my order?");
    expect(lastBotText(sim.getState())).toContain("What's your order number?");
    expect(sim.getState().active).toEqual({ flowId: "order-tracking", nodeId: "ask-number" });

    await sim.say("A1");
    expect(lastBotText(sim.getState())).toContain("doesn't look like an order number");

    await sim.say("A12345");
    const state = sim.getState();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toContain("/api/orders/A12345");
    expect(lastBotText(state)).toBe("Order A12345 is on its way 🚚 Expected on 2025-06-05.");
    expect(state.variables["order-tracking"]).toMatchObject({
      order_number: "A12345",
      order_status: "shipped",
    });
    expect(state.entries.some((e) => e.from === "system" && e.note.kind === "http")).toBe(true);
    expect(state.busy).toBe(false);
  });

  it("steps back one turn: the answer, the variable and the position are undone", async () => {
    const { sim } = simulator("lead-capture");
    await sim.say("PROMO");
    await sim.say("ada@example.com");
    expect(sim.getState().variables["lead-capture"]?.email).toBe("ada@example.com");
    const before = sim.getState().entries.length;

    sim.stepBack();
    const back = sim.getState();
    expect(back.variables["lead-capture"]?.email).toBeUndefined();
    expect(lastBotText(back)).toContain("What's your email address?");
    expect(back.entries.length).toBeLessThan(before);

    // The conversation goes on from there as if the undone turn never happened.
    await sim.say("zoe@example.fr");
    expect(sim.getState().variables["lead-capture"]?.email).toBe("zoe@example.fr");

    sim.stepBack();
    sim.stepBack();
    expect(sim.getState().entries).toEqual([]);
    expect(sim.getState().canStepBack).toBe(false);
  });

  it("taps buttons and quick replies, and offers quick replies only under the last message", async () => {
    const { sim } = simulator("support");
    await sim.say("I need help");
    const offered = sim
      .getState()
      .offered.map((t) => (t.kind === "button" ? t.button.title : t.reply.title));
    expect(offered).toEqual(["Delivery times", "Returns", "Talk to a human"]);

    const delivery = sim.getState().offered[0];
    if (!delivery) throw new Error("nothing offered");
    await sim.tap(delivery);
    const state = sim.getState();
    expect(state.entries.at(-2)).toMatchObject({ from: "contact", text: "Delivery times" });
    expect(lastBotText(state)).toContain("We ship within 24 hours.");
    expect(state.offered.map((t) => t.kind)).toEqual(["button", "button"]);
  });

  it("hands over to a person, stays quiet, and resumes when told", async () => {
    const { sim } = simulator("support");
    await sim.say("support");
    const human = sim
      .getState()
      .offered.find((t) => t.kind === "quick_reply" && t.reply.title === "Talk to a human");
    if (!human) throw new Error("no Talk to a human");
    await sim.tap(human);
    expect(sim.getState().waiting).toBe("handover");
    expect(sim.getState().tags).toContain("needs_human");
    expect(sim.getState().nextWait?.kind).toBe("resume");

    const count = botTexts(sim.getState()).length;
    await sim.say("hello? anyone?");
    expect(botTexts(sim.getState())).toHaveLength(count);

    await sim.resume();
    expect(lastBotText(sim.getState())).toContain("I'm back!");
    expect(sim.getState().tags).not.toContain("needs_human");
  });

  it("fast-forwards an input time-out on request", async () => {
    const { sim } = simulator("order-tracking");
    await sim.say("order");
    expect(sim.getState().nextWait?.kind).toBe("timeout");
    await sim.skipWait();
    expect(lastBotText(sim.getState())).toContain("No worries");
    expect(sim.getState().waiting).toBeUndefined();
  });

  it("passes delays at once and shows the typing pause", async () => {
    const flow = makeFlow(
      "delays",
      [
        makeNode("start", "trigger", {
          triggers: [{ kind: "keyword", match: "exact", keywords: ["go"] }],
        }),
        makeNode("wait", "delay", { amount: 2, unit: "days" }),
        makeNode("later", "message", {
          content: [
            { id: "t", kind: "typing", seconds: 2 },
            { id: "x", kind: "text", text: "Two days later" },
          ],
        }),
      ],
      [
        ["start", "wait"],
        ["wait", "later"],
      ],
    );
    const sim = new Simulator({
      flows: [flow],
      flowId: "delays",
      performHttp: async () => ({ ok: false }),
    });
    await sim.say("go");
    const state = sim.getState();
    expect(lastBotText(state)).toBe("Two days later");
    expect(state.entries.some((e) => e.from === "typing")).toBe(true);
  });

  it("starts from any step of the draft, and restarts from nothing", async () => {
    const { sim } = simulator("lead-capture");
    const input = examples
      .find((f) => f.id === "lead-capture")
      ?.nodes.find((n) => n.type === "input");
    if (!input) throw new Error("no question in lead-capture");
    await sim.startAt(input.id);
    expect(sim.getState().active?.nodeId).toBe(input.id);
    expect(botTexts(sim.getState())).toHaveLength(1);

    sim.restart();
    expect(sim.getState().entries).toEqual([]);
    expect(sim.getState().active).toBeUndefined();
  });

  it("keeps the conversation going when the draft changes", async () => {
    const { sim } = simulator("support");
    await sim.say("I need help");
    const support = examples.find((f) => f.id === "support") as Flow;
    const edited: Flow = {
      ...support,
      nodes: support.nodes.map((n) =>
        n.type === "message" &&
        n.data.content[0]?.kind === "text" &&
        n.data.content[0].text.startsWith("We ship within 24 hours.")
          ? { ...n, data: { content: [{ ...n.data.content[0], text: "We ship the same day." }] } }
          : n,
      ),
    };
    sim.setFlows([edited, ...examples.filter((f) => f.id !== "support")]);
    const delivery = sim.getState().offered[0];
    if (!delivery) throw new Error("nothing offered");
    await sim.tap(delivery);
    expect(lastBotText(sim.getState())).toBe("We ship the same day.");
  });

  it("shows a failed HTTP step and goes on with its error branch", async () => {
    const { sim } = simulator("order-tracking", [{ ok: false, status: 503 }]);
    await sim.say("tracking");
    await sim.say("C55555");
    const http = sim.getState().entries.find((e) => e.from === "system" && e.note.kind === "http");
    expect(http).toMatchObject({ note: { ok: false, status: 503 } });
    expect(botTexts(sim.getState()).join(" ")).toContain("Our order system is not answering");
  });
});

describe("Simulator and Messenger's 24-hour window", () => {
  it("marks what the bot would send more than 24 hours after the contact's last message", async () => {
    const { sim } = simulator("support");
    await sim.say("support");
    const human = sim
      .getState()
      .offered.find((t) => t.kind === "quick_reply" && t.reply.title === "Talk to a human");
    if (!human) throw new Error("no Talk to a human");
    await sim.tap(human);
    await sim.wait(25 * 3_600_000);
    const back = sim.getState().entries.findLast((e) => e.from === "bot");
    expect(back).toMatchObject({ from: "bot", outsideWindow: true });

    // Within the window, nothing is marked.
    const { sim: fresh } = simulator("support");
    await fresh.say("support");
    expect(fresh.getState().entries.some((e) => e.from === "bot" && e.outsideWindow)).toBe(false);
  });
});
