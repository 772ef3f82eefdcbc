import { describe, expect, it } from "vitest";
import { httpAnswerEvent, runtimeEvent, timerEvent } from "./runtime-events";

describe("the runtime's own events", () => {
  it("are actionable inbox events of the contact, keyed by what made them", () => {
    expect(runtimeEvent("ann", "resume:1", { type: "resume" })).toEqual({
      dedupeKey: "runtime:ann:resume:1",
      psid: "ann",
      kind: "resume",
      event: { source: "runtime", event: { type: "resume" } },
      actionable: true,
    });
    const answer = {
      type: "http_result" as const,
      requestId: "r",
      ok: true,
      status: 200,
      body: {},
    };
    expect(httpAnswerEvent(42, "ann", answer as never).dedupeKey).toBe("runtime:ann:outbox:42");
  });

  it("key a timer's firing by its row and its time, so a timer set again is not a duplicate", () => {
    const event = { type: "timer" as const, timerId: "t" };
    const first = timerEvent({ id: 1, psid: "ann", timerId: "t", dueAt: 1000, event });
    const again = timerEvent({ id: 1, psid: "ann", timerId: "t", dueAt: 2000, event });
    expect(first.dedupeKey).toBe("runtime:ann:timer:1:1000");
    expect(again.dedupeKey).not.toBe(first.dedupeKey);
    expect(first).toMatchObject({ kind: "timer", event: { source: "runtime", event } });
  });
});
