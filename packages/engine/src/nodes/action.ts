import type { EngineEvent, NodeOfType } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { type Next, type Run, setOwn } from "../run";
import type { FlowRef, Waiting } from "../types";
import { resumeHttp, sendHttp } from "./http-request";
import { httpRequestOf } from "./http-step";
import { readPath, valueToText } from "./json-path";
import type { EngineNodeKind } from "./kind";

/**
 * Runs the node's steps in order from `from`. An HTTP step hands the request to the host and
 * waits for its `http_result`, which comes back here with `from` set to the following step.
 */
function runAction(run: Run, ref: FlowRef, node: NodeOfType<"action">, from = 0): Next {
  const { flow } = ref;
  const steps = node.data.steps;
  for (let i = from; i < steps.length; i++) {
    const step = steps[i];
    if (!step) continue;
    switch (step.kind) {
      case "set_variable":
        run.setVariable(flow.id, step.variable, run.render(flow, step.value));
        break;
      case "add_tag": {
        const tag = run.render(flow, step.tag).trim();
        if (tag !== "" && !run.tags.has(tag)) {
          run.tags.add(tag);
          run.emit({ type: "add_tag", tag });
        }
        break;
      }
      case "remove_tag": {
        const tag = run.render(flow, step.tag).trim();
        if (run.tags.has(tag)) {
          run.tags.delete(tag);
          run.emit({ type: "remove_tag", tag });
        }
        break;
      }
      case "set_field": {
        const value = capText(run.render(flow, step.value), ENGINE_LIMITS.variableValue);
        setOwn(run.fields, step.field, value);
        run.emit({ type: "set_field", field: step.field, value });
        break;
      }
      case "set_language": {
        // The contact's choice, kept across flows: `contactLanguage` reads it first.
        if (run.fields.language !== step.language) {
          setOwn(run.fields, "language", step.language);
          run.emit({ type: "set_field", field: "language", value: step.language });
        }
        break;
      }
      case "remember": {
        const externalId = capText(
          run.render(flow, step.externalId).trim(),
          ENGINE_LIMITS.externalId,
        );
        if (externalId !== "") run.emit({ type: "remember", externalId });
        break;
      }
      case "http": {
        const request = httpRequestOf(step, {
          render: (text) => run.render(flow, text),
          renderKeeping: (text, encode) => run.renderKeeping(flow, text, encode),
        });
        return sendHttp(run, { flowId: flow.id, nodeId: node.id, stepIndex: i }, request);
      }
    }
  }
  return run.leave(ref, node.id, "next");
}

/** The host answered the request the node waits for: map the answer, then run the next steps. */
function onHttpResult(
  run: Run,
  ref: FlowRef,
  node: NodeOfType<"action">,
  waiting: Extract<Waiting, { kind: "http" }>,
  event: Extract<EngineEvent, { type: "http_result" }>,
): Next {
  const step = node.data.steps[waiting.stepIndex];
  if (step?.kind !== "http") return run.leave(ref, node.id, "error");
  const flowId = ref.flow.id;
  if (step.statusVariable !== undefined && typeof event.status === "number") {
    run.setVariable(flowId, step.statusVariable, String(event.status));
  }
  if (!event.ok) return run.leave(ref, node.id, "error");
  for (const mapping of step.responseMapping ?? []) {
    const value = valueToText(readPath(event.body, mapping.path));
    // A value missing from this answer must not leave the previous lookup's value behind.
    if (value === undefined) run.deleteVariable(flowId, mapping.variable);
    else run.setVariable(flowId, mapping.variable, value);
  }
  return runAction(run, ref, node, waiting.stepIndex + 1);
}

export const actionNode: EngineNodeKind<"action"> = {
  visit: (run, ref, node) => runAction(run, ref, node),
  waits: "http",
  resume: (run, { ref, node, waiting }, arrival) =>
    resumeHttp(run, waiting, arrival, (http, event) => onHttpResult(run, ref, node, http, event)),
};
