import { kindOf } from "../nodes";
import { joinPath } from "../problems";
import type { FlowNode } from "../schema";
import type { TemplateReference } from "../template";
import type { ProblemList } from "./context";

/**
 * `secret-outside-http`, for a `{{secrets.NAME}}` reference read at `path` of a node: anywhere
 * but an HTTP step's address, headers and body (a message, a set-variable step, a condition) it is
 * never filled in, by design. It would be sent or stored as written, and a value is never
 * templated again, so it does not become a secret later either. Called from the pass over every
 * template reference (`lintVariables`), so the texts are read once.
 */
export function lintSecretPlace(
  node: FlowNode,
  nodeIndex: number,
  path: string,
  reference: TemplateReference,
  problems: ProblemList,
): void {
  if (reference.namespace !== "secrets") return;
  if (kindOf(node.type).secretPlaces?.test(path)) return;
  problems.add({
    code: "secret-outside-http",
    severity: "warning",
    path: joinPath(`nodes[${nodeIndex}]`, path),
    nodeId: node.id,
    message: `{{${reference.name}}} is filled in only in an HTTP step's address, headers and body; here it stays as written.`,
    params: { name: reference.key },
  });
}
