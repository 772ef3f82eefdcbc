import type { Flow, FlowNode, NodeOfType, NodeType } from "@convo/flow";
import type { Contact, StepContext } from "../types";

/** A node for tests and benchmarks, placed at the origin. */
export function makeNode<T extends NodeType>(
  id: string,
  type: T,
  data: NodeOfType<T>["data"],
): NodeOfType<T> {
  return { id, type, position: { x: 0, y: 0 }, data } as NodeOfType<T>;
}

/** Edges as `[source, target]` or `[source, handle, target]`. */
export type EdgeSpec = readonly [string, string] | readonly [string, string, string];

/** A flow from nodes and edge specs, with every edge id made up. */
export function makeFlow(
  id: string,
  nodes: readonly FlowNode[],
  edges: readonly EdgeSpec[] = [],
  variables: Flow["variables"] = [],
): Flow {
  return {
    schemaVersion: 1,
    id,
    name: id,
    variables: [...variables],
    nodes: [...nodes],
    edges: edges.map((spec, i) =>
      spec.length === 2
        ? { id: `e${i}`, source: spec[0], target: spec[1] }
        : { id: `e${i}`, source: spec[0], sourceHandle: spec[1], target: spec[2] },
    ),
  };
}

/** A context at a fixed time (2025-06-01T12:00:00Z) with an anonymous English contact. */
export function makeContext(overrides: Partial<StepContext> = {}): StepContext {
  const contact: Contact = overrides.contact ?? {
    fields: { first_name: "Ada", locale: "en_GB" },
    tags: [],
  };
  return { now: Date.UTC(2025, 5, 1, 12), seed: 1, version: 1, ...overrides, contact };
}

/** The texts of the `send` actions, in order (cards by title, media by URL). */
export function sentTexts(actions: readonly import("../types").EngineAction[]): string[] {
  const texts: string[] = [];
  for (const action of actions) {
    if (action.type !== "send") continue;
    const m = action.message;
    if (m.kind === "text") texts.push(m.text);
    else if (m.kind === "media") texts.push(m.url);
    else texts.push(m.cards.map((c) => c.title).join(" | "));
  }
  return texts;
}
