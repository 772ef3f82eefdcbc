import type { NodeOfType } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import type { Next, Run } from "../run";
import type { FlowRef, HttpRequest } from "../types";
import {
  DEFAULT_HTTP_TIMEOUT_MS,
  encodeUrlPart,
  resumeHttp,
  secretPlaces,
  sendHttp,
} from "./http-request";
import type { EngineNodeKind } from "./kind";

/** The JSON a Notify the team step posts: what a Slack or Teams incoming webhook shows is `text`. */
export interface TeamNotification {
  text: string;
  contact: { id: string; channel: string; name: string };
  flow: string;
  step: string;
  variables: Record<string, string>;
  /** Opens the conversation in live chat; `null` where there is none (the simulator). */
  conversationUrl: string | null;
}

/**
 * Posts the notification through the host's `http` action (its time-out, address and secret
 * rules): `{{secrets.*}}` is filled in the address only. The body is built here, not templated,
 * so nothing the contact typed can reach a secret.
 */
function runNotify(run: Run, ref: FlowRef, node: NodeOfType<"notify">): Next {
  const { flow } = ref;
  const { keep, places } = secretPlaces();
  const url = run.renderKeeping(flow, node.data.url, encodeUrlPart);
  const who = run.context.conversation;
  const name = [run.fields.first_name, run.fields.last_name].filter(Boolean).join(" ");
  const variables: Record<string, string> = {};
  for (const variable of node.data.variables ?? []) {
    Object.defineProperty(variables, variable, {
      value: run.variable(flow, variable) ?? "",
      enumerable: true,
    });
  }
  const notification: TeamNotification = {
    // Variables are capped already; the text is cut so the JSON stays under the body's limit.
    text: capText(run.render(flow, node.data.text), ENGINE_LIMITS.httpBody / 4),
    contact: { id: who?.contactId ?? "", channel: who?.channel ?? "", name },
    flow: flow.id,
    step: node.id,
    variables,
    conversationUrl: who?.url ?? null,
  };
  const request: HttpRequest = {
    method: "POST",
    url: keep(url, { field: "url" }),
    headers: [{ name: "Content-Type", value: "application/json" }],
    body: JSON.stringify(notification),
    timeoutMs: node.data.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
  };
  if (places.length > 0) request.secrets = places;
  return sendHttp(run, { flowId: flow.id, nodeId: node.id, stepIndex: 0 }, request);
}

export const notifyNode: EngineNodeKind<"notify"> = {
  visit: runNotify,
  waits: "http",
  resume: (run, { ref, node, waiting }, arrival) =>
    resumeHttp(run, waiting, arrival, (_, event) =>
      run.leave(ref, node.id, event.ok ? "next" : "error"),
    ),
};
