import { checkEventData, type EventTrigger } from "../../events";
import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";

/** An event trigger's fields: each name once; its sample payload fits them. */
export function lintEventTrigger(
  node: NodeOfType<"trigger">,
  nodeIndex: number,
  at: string,
  trigger: EventTrigger,
  problems: NodeLintContext["problems"],
): void {
  const seen = new Set<string>();
  trigger.fields.forEach((field, j) => {
    if (seen.has(field.name)) {
      problems.onNode(
        nodeIndex,
        node,
        "event-field-duplicate",
        "error",
        `${at}.fields[${j}].name`,
        `The field "${field.name}" is declared twice.`,
        { name: field.name },
      );
    }
    seen.add(field.name);
  });
  if (trigger.sample === undefined) return;
  for (const problem of checkEventData(trigger.fields, trigger.sample, "sample")) {
    problems.onNode(
      nodeIndex,
      node,
      "event-sample-invalid",
      "warning",
      `${at}.${problem.path}`,
      `The sample payload's ${problem.path.slice("sample.".length) || "data"} ${problem.message}.`,
      { path: problem.path },
    );
  }
}
