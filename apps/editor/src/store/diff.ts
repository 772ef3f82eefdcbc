import { type Flow, serializeFlow } from "@convo/flow";

export interface FlowDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Connections differ even when no step did. */
  edgesChanged: boolean;
}

function canonicalNode(value: unknown): string {
  return serializeFlow({ nodes: [value] } as unknown as Flow);
}

/** Which steps a version and the draft do not share: added to, removed from or changed in the draft. */
export function diffFlows(version: Flow, draft: Flow): FlowDiff {
  const before = new Map(version.nodes.map((n) => [n.id, n]));
  const after = new Map(draft.nodes.map((n) => [n.id, n]));
  const added = draft.nodes.filter((n) => !before.has(n.id)).map((n) => n.id);
  const removed = version.nodes.filter((n) => !after.has(n.id)).map((n) => n.id);
  const changed = draft.nodes
    .filter((n) => {
      const old = before.get(n.id);
      return old !== undefined && canonicalNode(old) !== canonicalNode(n);
    })
    .map((n) => n.id);
  const edgeKey = (f: Flow) =>
    f.edges
      .map((e) => `${e.source}/${e.sourceHandle ?? "next"}>${e.target}`)
      .sort()
      .join("|");
  return { added, removed, changed, edgesChanged: edgeKey(version) !== edgeKey(draft) };
}
