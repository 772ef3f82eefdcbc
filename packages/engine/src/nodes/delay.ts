import type { NodeOfType } from "@convo/flow";
import type { Next, Run } from "../run";
import { startMatch } from "../triggers/start-match";
import type { FlowRef } from "../types";
import type { EngineNodeKind } from "./kind";

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Asks the host to wake the session later; the `timer` event continues through `next`. */
function runDelay(run: Run, ref: FlowRef, node: NodeOfType<"delay">): Next {
  const timerId = run.nextId("t");
  const ms = Math.max(0, node.data.amount * UNIT_MS[node.data.unit]);
  run.emit({ type: "wait_until", timerId, at: run.context.now + ms });
  return run.wait({ kind: "delay", flowId: ref.flow.id, nodeId: node.id, timerId });
}

export const delayNode: EngineNodeKind<"delay"> = {
  visit: runDelay,
  waits: "delay",
  resume(run, { ref, node, waiting }, arrival) {
    if (waiting?.kind !== "delay") return undefined;
    // A keyword may start something else meanwhile; anything else waits for the delay.
    if (arrival.kind === "text") return startMatch(run, arrival.event, false);
    if (arrival.kind === "timer" && arrival.timerId === waiting.timerId) {
      return run.leave(ref, node.id, "next");
    }
    return undefined;
  },
};
