import { kindOf } from "../nodes";
import type { Flow } from "../schema";

/**
 * The variables a flow has: those declared, then those its steps store into (a question's
 * variable, "set variable", an HTTP response mapping), each once, in flow order. A step that
 * stores a value declares its variable: no separate bookkeeping.
 *
 * @example knownVariables(flow) // ["order_number", "email"]
 */
export function knownVariables(flow: Flow): string[] {
  const names = new Set(flow.variables.map((v) => v.name));
  const uses = { read: () => undefined, write: (name: string) => void names.add(name) };
  for (const node of flow.nodes) kindOf(node.type).variables(node, uses);
  names.delete("");
  return [...names];
}

/**
 * What an event starting the flow carries, as its steps read it: `event.<field>` for each field
 * its event triggers declare, each once, in flow order.
 *
 * @example knownEventFields(flow) // ["event.order_id", "event.tracking_url"]
 */
export function knownEventFields(flow: Flow): string[] {
  const names = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type !== "trigger") continue;
    for (const trigger of node.data.triggers) {
      if (trigger.kind === "event") for (const f of trigger.fields) names.add(`event.${f.name}`);
    }
  }
  names.delete("event.");
  return [...names];
}

/** The tags a flow adds, removes or tests, each once, in flow order. */
export function knownTags(flow: Flow): string[] {
  const tags = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type === "action") {
      for (const step of node.data.steps) {
        if (step.kind === "add_tag" || step.kind === "remove_tag") tags.add(step.tag);
      }
    } else if (node.type === "condition") {
      for (const branch of node.data.branches) {
        for (const rule of branch.rules) if (rule.kind === "tag") tags.add(rule.tag);
      }
    }
  }
  tags.delete("");
  return [...tags];
}

/** The contact fields a flow sets with "set field", each once (custom fields besides the profile's). */
export function knownContactFields(flow: Flow): string[] {
  const fields = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type !== "action") continue;
    for (const step of node.data.steps) if (step.kind === "set_field") fields.add(step.field);
  }
  return [...fields];
}
