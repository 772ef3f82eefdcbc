import { describe, expect, it } from "vitest";
import type { TranscriptEntry } from "../api/test-api";
import { buildThread, shownVariables } from "./thread";

const entry = (
  id: number,
  at: number,
  direction: "in" | "out",
  author: TranscriptEntry["author"],
  text: string,
): TranscriptEntry => ({
  id,
  at: new Date(at).toISOString(),
  direction,
  author,
  kind: "text",
  text,
});

describe("buildThread", () => {
  it("interleaves the contact's messages and the runtime's sends by time", () => {
    const thread = buildThread(
      [
        { key: "out-1", at: 2_000, message: { kind: "text", text: "What's your email?" } },
        { key: "out-2", at: 4_000, message: { kind: "text", text: "Hi, Alex here" } },
      ],
      [
        entry(1, 1_000, "in", "contact", "newsletter"),
        entry(2, 2_000, "out", "bot", "What's your email?"),
        entry(3, 3_000, "in", "contact", "ada@example.com"),
        entry(4, 4_000, "out", "agent", "Hi, Alex here"),
      ],
      [],
    );
    expect(thread.map((l) => [l.from, l.from === "contact" ? l.text : l.key])).toEqual([
      ["contact", "newsletter"],
      ["bot", "out-1"],
      ["contact", "ada@example.com"],
      ["agent", "out-2"],
    ]);
  });

  it("shows what the tester just sent until the transcript has it, once", () => {
    const pending = [{ key: "p1", text: "hello", expectCount: 1 }];
    const before = buildThread([], [], pending);
    expect(before.map((l) => l.key)).toEqual(["p1"]);
    const after = buildThread([], [entry(7, 1_000, "in", "contact", "hello")], pending);
    expect(after.map((l) => l.key)).toEqual(["in-7"]);
  });

  it("names the flow and step that sent each bot message, from its transcript line", () => {
    const sent = (flowId: string, nodeId: string, id: number, text: string): TranscriptEntry => ({
      ...entry(id, id * 1_000, "out", "bot", text),
      flowId,
      nodeId,
    });
    const thread = buildThread(
      [
        { key: "out-1", at: 2_000, message: { kind: "text", text: "Hi!" } },
        { key: "out-2", at: 4_000, message: { kind: "text", text: "Alex here" } },
        { key: "out-3", at: 5_000, message: { kind: "text", text: "Your parcel?" } },
      ],
      [
        entry(1, 1_000, "in", "contact", "hello"),
        sent("welcome", "menu", 2, "Hi!"),
        entry(4, 4_000, "out", "agent", "Alex here"),
        sent("my-parcels", "ask", 5, "Your parcel?"),
      ],
      [],
    );
    const sources = thread.map((l) => (l.from === "contact" ? null : (l.source ?? null)));
    expect(sources).toEqual([
      null,
      { flowId: "welcome", nodeId: "menu" },
      null,
      { flowId: "my-parcels", nodeId: "ask" },
    ]);
  });
});

describe("the sandbox's variables", () => {
  it("shows one flow's variables by name, and several flows' with the flow's id", () => {
    expect(shownVariables({ leads: { email: "ada@example.com" }, welcome: {} })).toEqual({
      email: "ada@example.com",
    });
    expect(shownVariables({ leads: { email: "a@b.fr" }, orders: { order_number: "42" } })).toEqual({
      "leads.email": "a@b.fr",
      "orders.order_number": "42",
    });
    expect(shownVariables({})).toEqual({});
  });
});
