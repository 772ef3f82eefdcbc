import type { NodeOfType } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { END, type Next, type Run } from "../run";
import type { FlowRef } from "../types";

const UNIT_MS = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** Asks the host to wake the session later; the `timer` event continues through `next`. */
export function runDelay(run: Run, ref: FlowRef, node: NodeOfType<"delay">): Next {
  const timerId = run.nextId("t");
  const ms = Math.max(0, node.data.amount * UNIT_MS[node.data.unit]);
  run.emit({ type: "wait_until", timerId, at: run.context.now + ms });
  return run.wait({ kind: "delay", flowId: ref.flow.id, nodeId: node.id, timerId });
}

/** Tells the contact a person takes over, pauses the bot, and waits for `resume`. */
export function runHandover(run: Run, ref: FlowRef, node: NodeOfType<"handover">): Next {
  const { flow } = ref;
  if (node.data.message !== undefined) {
    const text = capText(run.render(flow, node.data.message), ENGINE_LIMITS.outgoingText);
    if (text.trim() !== "") {
      run.emit({ type: "send", message: { kind: "text", text }, nodeId: node.id, flowId: flow.id });
    }
  }
  const hours = node.data.resumeAfterHours;
  run.emit(
    hours === undefined
      ? { type: "handover" }
      : { type: "handover", resumeAt: run.context.now + hours * 3_600_000 },
  );
  return run.wait({ kind: "handover", flowId: flow.id, nodeId: node.id });
}

/**
 * Picks a variant by weight with the step's seeded random. Sticky by default: a contact keeps the
 * variant drawn the first time, as long as it still exists and its weight is above 0.
 */
export function runRandomizer(run: Run, ref: FlowRef, node: NodeOfType<"randomizer">): Next {
  const { variants } = node.data;
  if (variants.length === 0) return END;
  const sticky = node.data.sticky !== false;
  const key = `${ref.flow.id}/${node.id}`;
  const kept = sticky ? run.session.variants[key] : undefined;
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  // A variant turned down to weight 0 is closed: contacts kept on it draw again.
  const open = (v: { weight: number }) => v.weight > 0 || total <= 0;
  let chosen = kept !== undefined ? variants.find((v) => v.id === kept && open(v)) : undefined;
  if (!chosen) {
    const draw = run.random();
    if (total <= 0) {
      chosen = variants[Math.floor(draw * variants.length)];
    } else {
      let at = draw * total;
      for (const variant of variants) {
        at -= variant.weight;
        if (at < 0 && variant.weight > 0) {
          chosen = variant;
          break;
        }
      }
      chosen ??= [...variants].reverse().find((v) => v.weight > 0);
    }
    if (!chosen) return END;
    if (sticky) run.session.variants[key] = chosen.id;
  }
  return run.leave(ref, node.id, chosen.id);
}
