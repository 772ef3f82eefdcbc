import type { NodeOfType } from "@convo/flow";
import { END, type Next, type Run } from "../run";
import type { FlowRef } from "../types";
import type { EngineNodeKind } from "./kind";

/**
 * Picks a variant by weight with the step's seeded random. Sticky by default: a contact keeps the
 * variant drawn the first time, as long as it still exists and its weight is above 0.
 */
function runRandomizer(run: Run, ref: FlowRef, node: NodeOfType<"randomizer">): Next {
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

export const randomizerNode: EngineNodeKind<"randomizer"> = { visit: runRandomizer };
