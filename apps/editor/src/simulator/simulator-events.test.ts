import { eventFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { Simulator } from "./simulator";

const noHttp = async () => ({ ok: false, error: "no HTTP in this test" });

describe("the simulator fires test events", () => {
  it("starts the event's flow with its sample payload; a tagged step still goes outside the window", async () => {
    const flow = eventFlow();
    const sim = new Simulator({ flows: [flow], flowId: flow.id, performHttp: noHttp });
    await sim.referral("order-A12345");
    await sim.wait(30 * 3_600_000);
    await sim.event("order.shipped", {
      order_id: "A12345",
      tracking_url: "https://t.example.com/A",
    });
    const entries = sim.getState().entries;
    expect(entries.some((e) => e.from === "system" && e.note.kind === "event")).toBe(true);
    const last = entries.filter((e) => e.from === "bot").at(-1);
    expect(last?.from === "bot" && last.message.kind === "text" && last.message.text).toBe(
      "Your order A12345 has shipped.",
    );
    expect(last?.from === "bot" && last.outsideWindow).toBeFalsy();
  });
});
