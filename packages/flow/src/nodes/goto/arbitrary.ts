import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const gotoArbitrary: NodeArbitrary<"goto"> = (w) =>
  fc.record({ label: w.label, flowId: w.flowId, nodeId: optional(w.nodeId) });
