import { indexFlow } from "../flow-index";
import { END, type Next, type Run } from "../run";
import type { EngineNodeKind } from "./kind";

/** Into another flow, at a node or at its first trigger (whose `next` then leads on). */
function enterFlow(run: Run, flowId: string, nodeId: string | undefined, from: string): Next {
  const ref = run.flowRef(flowId);
  if (!ref) {
    run.error("unknown_flow", `There is no flow "${flowId}" to go to.`, from);
    return END;
  }
  const index = indexFlow(ref.flow);
  const target = nodeId ?? index.triggers[0]?.id;
  if (target === undefined || !index.nodes.has(target)) {
    run.error("unknown_node", `The flow "${flowId}" has no step "${target ?? "trigger"}".`, from);
    return END;
  }
  return { kind: "go", ref, nodeId: target };
}

export const gotoNode: EngineNodeKind<"goto"> = {
  visit: (run, _ref, node) => enterFlow(run, node.data.flowId, node.data.nodeId, node.id),
};
