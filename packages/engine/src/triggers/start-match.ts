import type { EngineEvent } from "@convo/flow";
import { IGNORE, type Next, type Run } from "../run";
import type { FlowRef } from "../types";
import { matchTrigger } from "./match-trigger";

/** Starts whichever flow the event triggers; the default reply only when `withDefault`. */
export function startMatch(run: Run, event: EngineEvent, withDefault: boolean): Next {
  const match = matchTrigger(run.flows, event, { withDefault });
  if (!match) return IGNORE;
  const ref = run.flowRef(match.flowId) as FlowRef;
  return { kind: "go", ref, nodeId: match.nodeId };
}
