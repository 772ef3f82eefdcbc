import type { EngineNodeKind } from "./kind";

/** A contact entering the flow here goes straight on: matching happened before. */
export const triggerNode: EngineNodeKind<"trigger"> = {
  visit: (run, ref, node) => run.leave(ref, node.id, "next"),
};
