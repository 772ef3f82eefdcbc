import type { Flow } from "../schema";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

function randomSuffix(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}

/** An id starting with `prefix` that `taken` does not hold (`message-k3x9`). */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  for (;;) {
    const id = `${prefix}-${randomSuffix(4)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Every id already used inside a flow: nodes, edges, and the ids of the things that become handles
 * or payloads (blocks, buttons, quick replies, choices, branches, variants). New ids avoid them all.
 */
export function takenIds(flow: Pick<Flow, "nodes" | "edges">): Set<string> {
  const taken = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value !== null && typeof value === "object") {
      const id = (value as { id?: unknown }).id;
      if (typeof id === "string") taken.add(id);
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(flow.nodes);
  walk(flow.edges);
  return taken;
}

/** A maker of fresh ids that remembers each one it gave, so two calls never clash. */
export function idAllocator(taken: Set<string>): (prefix: string) => string {
  return (prefix) => {
    const id = freshId(prefix, taken);
    taken.add(id);
    return id;
  };
}
