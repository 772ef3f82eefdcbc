import { describe, expect, it } from "vitest";
import type { OutboxItem } from "../store/outbox";
import { type StepCommit, toStepRows } from "./step-commit";

const T = 1_700_000_000_000;

const commit = (outbox: OutboxItem[]): StepCommit => ({
  inboxId: 7,
  psid: "ann",
  now: T,
  session: null,
  contact: {},
  outbox,
  receivedAt: T - 5,
  transcript: [{ at: T, direction: "in", author: "contact", kind: "text", text: "hi" }],
  counters: [{ flowId: "f", version: 1, nodeId: "n", handle: null }],
  timers: [],
});

describe("a step's rows", () => {
  it("give each queued message its line as the contact sees it, after the step's own lines", () => {
    const rows = toStepRows(
      commit([
        { kind: "message", message: { kind: "text", text: "Hello" }, author: "bot" },
        { kind: "typing", seconds: 1 },
        {
          kind: "message",
          message: { kind: "cards", cards: [{ title: "Shoes", buttons: [] }] } as never,
          author: "bot",
        },
        {
          kind: "message",
          message: { kind: "media", url: "https://x/y.png" } as never,
          author: "agent",
        },
      ]),
    );
    expect(rows.transcript.map((l) => [l.direction, l.author, l.kind, l.text, l.outbox])).toEqual([
      ["in", "contact", "text", "hi", undefined],
      ["out", "bot", "text", "Hello", 0],
      ["out", "bot", "template", "Shoes", 2],
      ["out", "agent", "attachment", null, 3],
    ]);
    expect(rows.transcript[1]).toMatchObject({ at: T, payload: { kind: "text", text: "Hello" } });
  });

  it("carry the folded counters and the rest as gathered", () => {
    const rows = toStepRows(commit([]));
    expect(rows.counters).toEqual([
      {
        flowId: "f",
        version: 1,
        nodeId: "n",
        handle: null,
        day: Math.floor(T / 86_400_000),
        count: 1,
      },
    ]);
    expect(rows).toMatchObject({ inboxId: 7, psid: "ann", now: T, receivedAt: T - 5, outbox: [] });
    expect(rows.transcript).toHaveLength(1);
  });
});
