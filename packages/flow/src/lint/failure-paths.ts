import type { NodeOutput } from "../handles";
import type { FlowNode } from "../node-types";
import type { Flow } from "../schema";
import type { ProblemList } from "./context";
import { isWired, type Wiring } from "./graph";

/** Retries an input allows when it does not say (the engine's `DEFAULT_RETRY_LIMIT`). */
const DEFAULT_RETRY_LIMIT = 2;

/**
 * The ways out that are taken when something goes wrong: an HTTP step's `error`, an input's
 * `invalid` and `timeout`, a condition's `else` and its branches. Left unconnected, the customer
 * meets silence; each warning says when, in the words of what they live through.
 */
export function lintFailurePaths(
  flow: Flow,
  outputs: readonly (readonly NodeOutput[])[],
  wiring: Wiring,
  problems: ProblemList,
): void {
  flow.nodes.forEach((node, i) => {
    for (const output of outputs[i] ?? []) {
      if (isWired(wiring, i, output.id)) continue;
      warnIfSilent(node, i, output, problems);
    }
  });
}

function warnIfSilent(node: FlowNode, i: number, output: NodeOutput, problems: ProblemList): void {
  if (node.type === "action" && output.kind === "error") {
    const s = node.data.steps.findIndex((step) => step.kind === "http");
    const step = node.data.steps[s];
    const target = step?.kind === "http" ? hostOf(step.url) : "the API";
    problems.onNode(
      i,
      node,
      "http-error-leads-nowhere",
      "warning",
      s >= 0 ? `data.steps[${s}]` : "",
      `If the request to ${target} fails, the conversation stops without a word: connect the "Error" output to a message that says so.`,
      { target },
    );
  } else if (node.type === "input" && output.kind === "invalid" && canRefuse(node)) {
    const retries = node.data.retryLimit ?? DEFAULT_RETRY_LIMIT;
    problems.onNode(
      i,
      node,
      "invalid-leads-nowhere",
      "warning",
      "",
      `If the answer is still not valid after ${retries} ${retries === 1 ? "retry" : "retries"}, the conversation stops without a word: connect the "Invalid answer" output.`,
      { retries },
    );
  } else if (node.type === "input" && output.kind === "timeout") {
    const duration = formatDuration(node.data.timeoutSeconds ?? 0);
    problems.onNode(
      i,
      node,
      "timeout-leads-nowhere",
      "warning",
      "data.timeoutSeconds",
      `If the customer does not answer within ${duration}, the conversation stops without a word: connect the "No answer" output.`,
      { duration },
    );
  } else if (node.type === "condition" && output.kind === "else") {
    problems.onNode(
      i,
      node,
      "else-leads-nowhere",
      "warning",
      "",
      `When no branch holds, the conversation stops without a word: connect the "Else" output.`,
    );
  } else if (node.type === "condition" && output.kind === "branch") {
    problems.onNode(
      i,
      node,
      "branch-leads-nowhere",
      "warning",
      output.path,
      `The branch "${output.label}" leads nowhere: when it holds, the conversation stops without a word.`,
      { label: output.label },
    );
  }
}

/**
 * Whether a typed answer can be refused: free text without a length rule takes anything typed
 * (only a sticker or a photo is refused), so its `invalid` is not worth a warning.
 */
function canRefuse(node: Extract<FlowNode, { type: "input" }>): boolean {
  const v = node.data.validation;
  return v.kind !== "text" || v.minLength !== undefined || v.maxLength !== undefined;
}

/** The host a request goes to, as the marketer reads it: `api.shop.com`; the URL when templated. */
function hostOf(url: string): string {
  const host = /^https?:\/\/([^/?#]+)/i.exec(url)?.[1];
  if (host !== undefined && !host.includes("{")) return host.replace(/^[^@]*@/, "");
  return url.length > 60 ? `${url.slice(0, 59)}…` : url;
}

/** `90` → "1 min 30 s", `7200` → "2 h"; units read the same in English and French. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h > 0 ? `${h} h` : "", m > 0 ? `${m} min` : "", s > 0 ? `${s} s` : ""];
  return parts.filter((p) => p !== "").join(" ") || "0 s";
}
